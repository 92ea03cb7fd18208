import { Link } from "react-router";
import { formatDay } from "./dates";
import type { Collected } from "./pages";
import { Figure, Figures, MoreLink, ReportSection } from "./ReportSection";
import { DOLS_KIND_NAMES, dolsWhen, groupReviews, residentName, reviewWhen } from "./reviews";
import { DOLS_WINDOW_DAYS, REVIEW_WINDOW_DAYS } from "./api";
import type { SectionState } from "./sectionState";
import type { DolsExpiring, DueReview } from "./types";

function MoreThanShown({ list }: { list: Collected<unknown> }) {
  return list.more ? <p className="govuk-body-s">There are more than shown here: see the full list in Care Hub.</p> : null;
}

function ReviewsTable({ reviews, today }: { reviews: DueReview[]; today: string }) {
  return (
    <table className="govuk-table app-report__table">
      <caption className="govuk-table__caption govuk-table__caption--s">Care-plan reviews overdue or due in the next {REVIEW_WINDOW_DAYS} days</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Resident</th>
          <th scope="col" className="govuk-table__header">Part of the care plan</th>
          <th scope="col" className="govuk-table__header">Review due</th>
          <th scope="col" className="govuk-table__header">When</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {reviews.map((review) => (
          <tr className="govuk-table__row" key={review.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/care/residents/${review.resident_id}`}>
                {residentName(review)}
              </Link>
            </td>
            <td className="govuk-table__cell">{review.title}</td>
            <td className="govuk-table__cell">{formatDay(review.next_review_date)}</td>
            <td className="govuk-table__cell">
              {review.overdue ? <strong className="govuk-tag govuk-tag--red">{reviewWhen(review.next_review_date, today)}</strong> : reviewWhen(review.next_review_date, today)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewsSection({ state, today }: { state: SectionState<Collected<DueReview>>; today: string }) {
  return (
    <ReportSection id="reviews" title="Care-plan reviews" state={state} what="care-plan reviews">
      {(list) => {
        const { overdue, dueSoon } = groupReviews(list.items);
        return (
          <>
            <Figures>
              <Figure label="Overdue" value={overdue.length} alert={overdue.length > 0} />
              <Figure label={`Due in the next ${REVIEW_WINDOW_DAYS} days`} value={dueSoon.length} />
            </Figures>
            {list.items.length > 0 ? (
              <ReviewsTable reviews={list.items} today={today} />
            ) : (
              <p className="govuk-body">No care-plan reviews are overdue or due in the next {REVIEW_WINDOW_DAYS} days.</p>
            )}
            <MoreThanShown list={list} />
            <MoreLink to="/care/reviews">See all reviews due</MoreLink>
          </>
        );
      }}
    </ReportSection>
  );
}

export function DolsSection({ state }: { state: SectionState<Collected<DolsExpiring>> }) {
  return (
    <ReportSection id="dols" title="DoLS authorisations expiring" state={state} what="Deprivation of Liberty Safeguards (DoLS) records">
      {(list) =>
        list.items.length === 0 ? (
          <p className="govuk-body">No DoLS authorisation expires in the next {DOLS_WINDOW_DAYS} days without a renewal.</p>
        ) : (
          <>
            <table className="govuk-table app-report__table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                Deprivation of Liberty Safeguards authorisations expiring in the next {DOLS_WINDOW_DAYS} days, not yet renewed
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Resident</th>
                  <th scope="col" className="govuk-table__header">Kind</th>
                  <th scope="col" className="govuk-table__header">Supervisory body</th>
                  <th scope="col" className="govuk-table__header">Expires on</th>
                  <th scope="col" className="govuk-table__header">When</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.items.map((dols) => (
                  <tr className="govuk-table__row" key={dols.id}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/care/residents/${dols.resident_id}`}>
                        {residentName(dols)}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{DOLS_KIND_NAMES[dols.kind]}</td>
                    <td className="govuk-table__cell">{dols.supervisory_body}</td>
                    <td className="govuk-table__cell">{formatDay(dols.expires_on)}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${dols.days_left <= 7 ? "govuk-tag--red" : "govuk-tag--yellow"}`}>{dolsWhen(dols)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <MoreThanShown list={list} />
          </>
        )
      }
    </ReportSection>
  );
}
