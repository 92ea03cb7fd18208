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
import { fetchResidentsPage, isForbidden, retryUnlessRefused, useRooms } from "./residents";
import { listParamsFrom, listSearch, type ResidentListParams } from "./search";
import { Pagination } from "../../../components/Pagination";

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

/** One page of the home's residents; the service searches (names and NHS number) and counts. */
function useResidentRows(homeId: string, filters: ResidentListParams) {
  const rooms = useRooms(homeId);
  const query = useQuery({
    queryKey: ["residents", homeId, filters],
    queryFn: () => fetchResidentsPage(homeId, filters),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const items: ResidentSummary[] = query.data?.items ?? [];
  return { query, items, total: query.data?.total ?? null, rooms: rooms.data, nextCursor: query.data?.next_cursor ?? null };
}

function Residents({ homeId, homeName }: { homeId: string; homeName: string }) {
  const [params, setParams] = useSearchParams();
  const filters = listParamsFrom(params);
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState<ResidentStatus | "">(filters.status);
  const { query, items, total, rooms, nextCursor } = useResidentRows(homeId, filters);

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
            Search by name or NHS number
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
            : total !== null && filters.q
              ? `${total} resident${total === 1 ? "" : "s"} found`
              : total !== null
                ? `${total} resident${total === 1 ? "" : "s"}`
                : ""}
        </p>
      )}
      {items.length > 0 && <ResidentTable items={items} rooms={rooms} busy={query.isFetching} />}
      <Pagination
        label="Pages of residents"
        first={filters.cursor ? `/care/residents${listSearch({ q: filters.q, status: filters.status })}` : null}
        next={nextCursor ? listSearch({ q: filters.q, status: filters.status, cursor: nextCursor }) : null}
      />
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
