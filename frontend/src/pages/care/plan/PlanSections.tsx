// One version of a care plan, section by section (care domain), as staff read it on shift.
import type { SectionRead } from "../types";
import { formatDate } from "../residents/names";
import { SamePageLink } from "../residents/SamePageLink";
import { INTERVAL_NAMES } from "./plan";

export function sectionAnchor(domain: string): string {
  return `section-${domain}`;
}

export function PlanContents({ sections }: { sections: readonly SectionRead[] }) {
  return (
    <nav className="govuk-!-margin-bottom-6" aria-labelledby="plan-contents-title">
      <h2 className="govuk-heading-s" id="plan-contents-title">
        Sections
      </h2>
      <ul className="govuk-list">
        {sections.map((section) => (
          <li key={section.id}>
            <SamePageLink to={sectionAnchor(section.domain)}>{section.title}</SamePageLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value app-pre-line">{children}</dd>
    </div>
  );
}

export function PlanSection({ section }: { section: SectionRead }) {
  const titleId = `${sectionAnchor(section.domain)}-title`;
  return (
    <section className="app-plan-section" id={sectionAnchor(section.domain)} aria-labelledby={titleId} tabIndex={-1}>
      <h2 className="govuk-heading-m" id={titleId}>
        {section.title}
      </h2>
      <dl className="govuk-summary-list">
        <Row name="Needs">{section.needs}</Row>
        <Row name="Strengths">{section.strengths ?? "None written"}</Row>
        <Row name="Preferences, in their words">{section.preferences ? `“${section.preferences}”` : "None written"}</Row>
        <Row name="Reviewed">{INTERVAL_NAMES[section.review_interval ?? "monthly"]}</Row>
      </dl>
      <h3 className="govuk-heading-s">Goals</h3>
      {section.goals.length === 0 ? (
        <p className="govuk-body">No goals set.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {section.goals.map((goal) => (
            <li key={goal.id}>
              <span className="govuk-!-font-weight-bold">{goal.description}</span>
              <span className="govuk-!-display-block">How we will know: {goal.measure}</span>
              {goal.target_date && <span className="govuk-!-display-block">By {formatDate(goal.target_date)}</span>}
              {(goal.progress_notes ?? []).map((note) => (
                <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0" key={`${note.on}-${note.note}`}>
                  Progress on {formatDate(note.on)}: {note.note}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      <h3 className="govuk-heading-s">Support: what staff do</h3>
      {section.interventions.length === 0 ? (
        <p className="govuk-body">No support written.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Support for {section.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                How often
              </th>
              <th scope="col" className="govuk-table__header">
                By whom
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {section.interventions.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <td className="govuk-table__cell">{item.what}</td>
                <td className="govuk-table__cell">{item.how_often}</td>
                <td className="govuk-table__cell">{item.by_whom}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(section.equipment_asset_ids ?? []).length > 0 && (
        <p className="govuk-body">
          Equipment: {(section.equipment_asset_ids ?? []).length} item{(section.equipment_asset_ids ?? []).length === 1 ? "" : "s"} linked from the estate
          register.
        </p>
      )}
    </section>
  );
}
