// The reports start page: the homes the person may see, each linked to its overview report.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useHomes } from "../../auth/HomeProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { fetchHomesPage, retry } from "./api";
import { homesSearch } from "./search";
import { Pagination } from "../../components/Pagination";

export default function ReportsHome() {
  const { current } = useHomes();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const cursor = params.get("cursor") ?? "";
  const [text, setText] = useState(q);
  const query = useQuery({
    queryKey: ["report-homes", q, cursor],
    queryFn: () => fetchHomesPage(q, cursor),
    placeholderData: keepPreviousData,
    retry,
  });
  const items = query.data?.items ?? [];

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(homesSearch({ q: text.trim() }).slice(1));
  };

  return (
    <>
      <PageHeading caption="Reports">Home overview reports</PageHeading>
      <p className="govuk-body">
        One printable page per home: equipment checks, care-plan reviews, DoLS, actions from feedback, workforce figures and the points the
        recommendations report raises.
      </p>
      {current && (
        <p className="govuk-body">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/reports/homes/${current.id}`}>
            Report for {current.name}
          </Link>{" "}
          (the home you are working in)
        </p>
      )}
      <form className="app-filters" role="search" aria-label="Homes" onSubmit={search}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="reports-q">
            Search by name or postcode
          </label>
          <input className="govuk-input govuk-input--width-20" id="reports-q" name="q" type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Search
          </button>
        </div>
      </form>
      {query.isPending && <Loading text="Loading homes…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          {q ? "No homes match your search." : "There are no homes to show."}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m">Homes you can report on</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Home</th>
              <th scope="col" className="govuk-table__header">Town</th>
              <th scope="col" className="govuk-table__header">Postcode</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((home) => (
              <tr className="govuk-table__row" key={home.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/reports/homes/${home.id}`}>
                    <span className="govuk-visually-hidden">Overview report for </span>
                    {home.name}
                  </Link>
                  {home.status === "closed" && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong>}
                </td>
                <td className="govuk-table__cell">{home.town}</td>
                <td className="govuk-table__cell">{home.postcode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of homes"
        first={cursor ? homesSearch({ q }) || "/reports" : null}
        next={query.data?.next_cursor ? homesSearch({ q, cursor: query.data.next_cursor }) : null}
      />
    </>
  );
}
