import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import "../notes/daily.css";
import { CareNav } from "../residents/CareNav";
import { residentName } from "../residents/names";
import { formatDay } from "../notes/time";
import { dueFiltersFrom, dueSearch, fetchDue, INTERVAL_NAMES, sectionLink, WITHIN_CHOICES } from "./reviews";
import { Pagination } from "../../../components/Pagination";

export default function DueReviews() {
  const session = useSignedIn();
  const location = useLocation();
  const { current, loading } = useHomes();
  const [params, setParams] = useSearchParams();
  const filters = dueFiltersFrom(params);
  const [within, setWithin] = useState(String(filters.within));
  const [overdueOnly, setOverdueOnly] = useState(filters.overdueOnly);
  const homeId = current?.id ?? "";
  const query = useQuery({
    queryKey: ["daily", "reviews-due", homeId, filters],
    queryFn: () => fetchDue(homeId, filters),
    enabled: homeId !== "",
    placeholderData: keepPreviousData,
  });
  const saved = (location.state as { saved?: string } | null)?.saved;
  const mayRecord = can(session.roles, "careplan:review.record");

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(dueSearch({ within: Number(within), overdueOnly }).slice(1));
  };

  const items = query.data?.items ?? [];
  return (
    <>
      <CareNav current="reviews" />
      {saved && <NotificationBanner success>{saved}</NotificationBanner>}
      <PageHeading caption={current?.name ?? "Care"} title="Reviews due">
        Care plan reviews due
      </PageHeading>
      {!current && !loading && <p className="govuk-body">Choose a home to work in to see its reviews.</p>}
      {current && (
        <form className="app-filters" aria-label="Which reviews" onSubmit={apply}>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="due-within">
              Due within
            </label>
            <select className="govuk-select" id="due-within" name="within" value={within} onChange={(event) => setWithin(event.target.value)}>
              {WITHIN_CHOICES.map((days) => (
                <option key={days} value={days}>
                  {days} days
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="due-overdue" name="overdue" type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="due-overdue">
                  Overdue only
                </label>
              </div>
            </div>
          </div>
          <div className="govuk-form-group">
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
              Show reviews
            </button>
          </div>
        </form>
      )}
      {(loading || (homeId && query.isPending)) && <Loading text="Loading reviews…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          {filters.overdueOnly ? "No reviews are overdue." : `No reviews are due in the next ${filters.within} days.`}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-visually-hidden">Care plan sections due for review, soonest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Resident
              </th>
              <th scope="col" className="govuk-table__header">
                Plan section
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Last reviewed
              </th>
              {mayRecord && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Record</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/care/residents/${item.resident_id}`}>
                    {residentName(item)}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={sectionLink(item.resident_id, item.domain)}>
                    {item.title}
                    <span className="govuk-visually-hidden"> section of {residentName(item)}’s plan</span>
                  </Link>
                  <br />
                  <span className="govuk-body-s app-secondary-text">{INTERVAL_NAMES[item.interval]}</span>
                </td>
                <td className="govuk-table__cell">
                  {formatDay(item.next_review_date)}
                  {item.overdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
                </td>
                <td className="govuk-table__cell">{item.last_reviewed_date ? formatDay(item.last_reviewed_date) : "Not yet"}</td>
                {mayRecord && (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/care/reviews/${item.resident_id}/${item.section_id}`}>
                      Record review<span className="govuk-visually-hidden"> of {item.title} for {residentName(item)}</span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of reviews"
        first={filters.cursor ? { search: dueSearch({ ...filters, cursor: "" }) } : null}
        next={query.data?.next_cursor ? { search: dueSearch({ ...filters, cursor: query.data.next_cursor }) } : null}
      />
      {!mayRecord && <p className="govuk-body-s">Senior carers, nurses and home managers record reviews.</p>}
    </>
  );
}
