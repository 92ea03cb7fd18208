import { ACTION_STATUS_NAMES, groupActions } from "./actions";
import { formatDay } from "./dates";
import type { Collected } from "./pages";
import { Figure, Figures, MoreLink, ReportSection } from "./ReportSection";
import type { SectionState } from "./sectionState";
import type { Action } from "./types";

function OpenActions({ actions }: { actions: Action[] }) {
  return (
    <table className="govuk-table app-report__table">
      <caption className="govuk-table__caption govuk-table__caption--s">Open actions, overdue first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Action</th>
          <th scope="col" className="govuk-table__header">Owner</th>
          <th scope="col" className="govuk-table__header">Due</th>
          <th scope="col" className="govuk-table__header">Status</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {actions.map((action) => (
          <tr className="govuk-table__row" key={action.id}>
            <td className="govuk-table__cell">{action.title}</td>
            <td className="govuk-table__cell">{action.owner}</td>
            <td className="govuk-table__cell">{formatDay(action.due_date)}</td>
            <td className="govuk-table__cell">
              {action.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : ACTION_STATUS_NAMES[action.status]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DoneActions({ actions, since }: { actions: Action[]; since: string }) {
  return (
    <table className="govuk-table app-report__table">
      <caption className="govuk-table__caption govuk-table__caption--s">Done since {formatDay(since)}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Action</th>
          <th scope="col" className="govuk-table__header">Done on</th>
          <th scope="col" className="govuk-table__header">What changed</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {actions.map((action) => (
          <tr className="govuk-table__row" key={action.id}>
            <td className="govuk-table__cell">{action.title}</td>
            <td className="govuk-table__cell">{action.completed_on ? formatDay(action.completed_on) : "Not recorded"}</td>
            <td className="govuk-table__cell">{action.outcome ?? "Not recorded"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionsSection({ state, since }: { state: SectionState<Collected<Action>>; since: string }) {
  return (
    <ReportSection id="actions" title="Actions from feedback" state={state} what="feedback actions">
      {(list) => {
        const groups = groupActions(list.items, since);
        return (
          <>
            <Figures>
              <Figure label="Open" value={groups.open.length} />
              <Figure label="Overdue" value={groups.overdue} alert={groups.overdue > 0} />
              <Figure label={`Done since ${formatDay(since)}`} value={groups.done.length} />
            </Figures>
            {groups.notDoing > 0 && (
              <p className="govuk-body">
                {groups.notDoing} {groups.notDoing === 1 ? "action was" : "actions were"} closed as “not doing” in the same time, with the reason given on the board.
              </p>
            )}
            {groups.open.length > 0 ? <OpenActions actions={groups.open} /> : <p className="govuk-body">There are no open actions.</p>}
            {groups.done.length > 0 && <DoneActions actions={groups.done} since={since} />}
            {list.more && <p className="govuk-body-s">There are more actions than shown here: see them all in Feedback.</p>}
            <MoreLink to="/feedback">See feedback and actions</MoreLink>
          </>
        );
      }}
    </ReportSection>
  );
}
