import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import type { ResidentStatus, ResidentSummary } from "../types";
import { CareNav } from "./CareNav";
import { NoAccess } from "./NoAccess";
import { formatDate, RESIDENT_STATUS_NAMES, RESIDENT_STATUS_TAGS, RESIDENT_STATUSES, residentName } from "./names";
import { fetchAllResidents, fetchResidentsPage, isForbidden, retryUnlessRefused, useRooms } from "./residents";
import { listParamsFrom, listSearch, matchResidents, type ResidentListParams } from "./search";

export default function ResidentsList() {
  const { roles } = useSignedIn();
  const { current, loading } = useHomes();
  if (!can(roles, "careplan:resident.read")) return <NoAccess />;
  if (loading) return <Loading text="Loading your homes…" />;
  if (!current) {
    return (
      <>
        <PageHeading caption="Care">Residents</PageHeading>
        <p className="govuk-body">You are not working in a care home yet. Ask your manager to add you to one.</p>
      </>
    );
  }
  return <Residents key={current.id} homeId={current.id} homeName={current.name} />;
}

function useResidentRows(homeId: string, filters: ResidentListParams) {
  const rooms = useRooms(homeId);
  const searching = filters.q !== "";
  const page = useQuery({
    queryKey: ["residents", homeId, { status: filters.status, cursor: filters.cursor }],
    queryFn: () => fetchResidentsPage(homeId, filters),
    placeholderData: keepPreviousData,
    enabled: !searching,
    retry: retryUnlessRefused,
  });
  const all = useQuery({
    queryKey: ["residents", homeId, "all", filters.status],
    queryFn: () => fetchAllResidents(homeId, filters.status),
    enabled: searching,
    retry: retryUnlessRefused,
  });
  const query = searching ? all : page;
  const items: ResidentSummary[] = searching ? matchResidents(all.data ?? [], filters.q, rooms.data) : (page.data?.items ?? []);
  return { query, items, rooms: rooms.data, nextCursor: searching ? null : (page.data?.next_cursor ?? null) };
}

function Residents({ homeId, homeName }: { homeId: string; homeName: string }) {
  const [params, setParams] = useSearchParams();
  const filters = listParamsFrom(params);
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState<ResidentStatus | "">(filters.status);
  const { query, items, rooms, nextCursor } = useResidentRows(homeId, filters);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(listSearch({ q: q.trim(), status }).slice(1));
  };
  const filtered = Boolean(filters.q || filters.status);

  if (isForbidden(query.error)) return <NoAccess />;
  return (
    <>
      <PageHeading caption={homeName} title={`Residents of ${homeName}`}>
        Residents
      </PageHeading>
      <CareNav current="residents" />
      <form className="app-filters" role="search" aria-label="Residents" onSubmit={search}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="residents-q">
            Search by name or room
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="residents-q"
            name="q"
            type="search"
            value={q}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="residents-status">
            Status
          </label>
          <select
            className="govuk-select"
            id="residents-status"
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value as ResidentStatus | "")}
          >
            <option value="">All residents</option>
            {RESIDENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {RESIDENT_STATUS_NAMES[value]}
              </option>
            ))}
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
          <Link
            className="govuk-link"
            to="/care/residents"
            onClick={() => {
              setQ("");
              setStatus("");
            }}
          >
            Clear search
          </Link>
        </p>
      )}

      {query.isPending && <Loading text="Loading residents…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && (
        <p className="govuk-body" role="status">
          {items.length === 0
            ? filtered
              ? "No residents match your search."
              : "There are no residents to show."
            : filters.q
              ? `${items.length} resident${items.length === 1 ? "" : "s"} found`
              : ""}
        </p>
      )}
      {items.length > 0 && <ResidentTable items={items} rooms={rooms} busy={query.isFetching} />}
      {(nextCursor || filters.cursor) && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of residents">
          {filters.cursor && (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`/care/residents${listSearch({ status: filters.status })}`} rel="first">
                <span className="govuk-pagination__link-title">First page</span>
              </Link>
            </div>
          )}
          {nextCursor && (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={listSearch({ status: filters.status, cursor: nextCursor })} rel="next">
                <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                  <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
                </svg>
                <span className="govuk-pagination__link-title">Next page</span>
              </Link>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

function ResidentTable({ items, rooms, busy }: { items: ResidentSummary[]; rooms: ReadonlyMap<string, string> | undefined; busy: boolean }) {
  return (
    <table className="govuk-table" aria-busy={busy}>
      <caption className="govuk-table__caption govuk-visually-hidden">Residents</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Room
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            Admitted
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((resident) => (
          <tr className="govuk-table__row" key={resident.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/care/residents/${resident.id}`}>
                {residentName(resident)}
              </Link>
            </td>
            <td className="govuk-table__cell">{resident.room_location_id ? (rooms?.get(resident.room_location_id) ?? "") : "Not recorded"}</td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag ${RESIDENT_STATUS_TAGS[resident.status]}`}>{RESIDENT_STATUS_NAMES[resident.status]}</strong>
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">since {formatDate(resident.status_date)}</span>
            </td>
            <td className="govuk-table__cell">{formatDate(resident.admission_date)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
