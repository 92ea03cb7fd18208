import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { HomeStatus } from "../../api/types";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { fetchHomes, STATUS_NAMES, type HomeFilters } from "./homes";
import { Pagination } from "../../components/Pagination";

function filtersFrom(params: URLSearchParams): HomeFilters {
  const status = params.get("status");
  return {
    q: params.get("q") ?? "",
    status: status === "active" || status === "closed" ? status : "",
    cursor: params.get("cursor") ?? "",
  };
}

function searchOf(filters: Partial<HomeFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default function HomesList() {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState<HomeStatus | "">(filters.status);
  const query = useQuery({
    queryKey: ["homes", filters],
    queryFn: () => fetchHomes(filters),
    placeholderData: keepPreviousData,
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf({ q: q.trim(), status }).slice(1));
  };
  const filtered = Boolean(filters.q || filters.status);
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeading caption="Estate">Homes</PageHeading>
      <form className="app-filters" role="search" aria-label="Homes" onSubmit={search}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="homes-q">
            Search by name or postcode
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="homes-q"
            name="q"
            type="search"
            value={q}
            maxLength={100}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="homes-status">
            Status
          </label>
          <select
            className="govuk-select"
            id="homes-status"
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value as HomeStatus | "")}
          >
            <option value="">All homes</option>
            <option value="active">{STATUS_NAMES.active}</option>
            <option value="closed">{STATUS_NAMES.closed}</option>
          </select>
        </div>
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Search
          </button>
        </div>
      </form>
      {filtered && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/estate/homes" onClick={() => { setQ(""); setStatus(""); }}>
            Clear search
          </Link>
        </p>
      )}

      {query.isPending && <Loading text="Loading homes…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          {filtered ? "No homes match your search." : "There are no homes to show."}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Homes</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Town
              </th>
              <th scope="col" className="govuk-table__header">
                Postcode
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Beds
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((home) => (
              <tr className="govuk-table__row" key={home.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/estate/homes/${home.id}`}>
                    {home.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{home.town}</td>
                <td className="govuk-table__cell">{home.postcode}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{home.registered_beds}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag${home.status === "closed" ? " govuk-tag--grey" : " govuk-tag--green"}`}>
                    {STATUS_NAMES[home.status]}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of homes"
        first={filters.cursor ? searchOf({ q: filters.q, status: filters.status }) || "/estate/homes" : null}
        next={query.data?.next_cursor ? searchOf({ q: filters.q, status: filters.status, cursor: query.data.next_cursor }) : null}
      />
      {!can(session.roles, "assets:home.update") && (
        <p className="govuk-body-s">You can see the homes you work in. Estates officers keep their details up to date.</p>
      )}
    </>
  );
}
