import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useHomes } from "../../../auth/HomeProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import {
  fetchDefects,
  filtersFrom,
  PRIORITIES,
  PRIORITY_NAMES,
  PRIORITY_TAGS,
  searchOf,
  SORT_NAMES,
  STATUS_NAMES,
  STATUS_TAGS,
  STATUSES,
  type DefectFilters,
  type DefectSort,
} from "./defects";
import { EstateToolsLinks } from "./EstateToolsLinks";
import { useAsset, useAssetsById } from "./lookups";
import type { DefectStatus, Priority } from "./types";
import "./defects.css";
import { Pagination } from "../../../components/Pagination";

export default function DefectsList() {
  const { current, loading } = useHomes();
  if (loading) return <Loading text="Loading your homes…" />;
  if (!current) {
    return (
      <>
        <PageHeading caption="Estate">Faults and repairs</PageHeading>
        <p className="govuk-body">You do not work in any home yet, so there are no faults to show.</p>
      </>
    );
  }
  return <Defects key={current.id} homeId={current.id} homeName={current.name} />;
}

function Defects({ homeId, homeName }: { homeId: string; homeName: string }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [status, setStatus] = useState<DefectStatus | "">(filters.status);
  const [priority, setPriority] = useState<Priority | "">(filters.priority);
  const [sort, setSort] = useState<DefectSort>(filters.sort);
  const query = useQuery({
    queryKey: ["defects", homeId, filters],
    queryFn: () => fetchDefects(homeId, filters),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const assetsById = useAssetsById(filters.asset ? [] : items.map((defect) => defect.asset_id));
  const oneAsset = useAsset(filters.asset);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf({ asset: filters.asset, status, priority, sort }).slice(1));
  };
  const filtered = Boolean(filters.status || filters.priority);
  const base: Partial<DefectFilters> = { asset: filters.asset, status: filters.status, priority: filters.priority, sort: filters.sort };
  const assetName = oneAsset.data ? `${oneAsset.data.name} (${oneAsset.data.tag})` : "this equipment";

  return (
    <>
      <PageHeading caption={filters.asset ? "Estate" : homeName}>Faults and repairs</PageHeading>
      {filters.asset ? (
        <p className="govuk-body">
          Faults reported with {assetName}.{" "}
          <Link className="govuk-link" to={`/estate/defects${searchOf({ ...base, asset: "" })}`}>
            Show faults with all the equipment in {homeName}
          </Link>
        </p>
      ) : (
        <p className="govuk-body">Faults reported with the equipment in {homeName}, and the work to fix them.</p>
      )}
      <form className="app-filters" role="search" aria-label="Faults" onSubmit={apply}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="defects-status">
            Status
          </label>
          <select className="govuk-select" id="defects-status" name="status" value={status} onChange={(e) => setStatus(e.target.value as DefectStatus | "")}>
            <option value="">Any status</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_NAMES[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="defects-priority">
            Priority
          </label>
          <select className="govuk-select" id="defects-priority" name="priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority | "")}>
            <option value="">Any priority</option>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {PRIORITY_NAMES[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="defects-sort">
            Order
          </label>
          <select className="govuk-select" id="defects-sort" name="sort" value={sort} onChange={(e) => setSort(e.target.value as DefectSort)}>
            {Object.entries(SORT_NAMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Show faults
          </button>
        </div>
      </form>
      {filtered && (
        <p className="govuk-body">
          <Link
            className="govuk-link"
            to={`/estate/defects${searchOf({ asset: filters.asset })}`}
            onClick={() => {
              setStatus("");
              setPriority("");
              setSort("-created_at");
            }}
          >
            Clear filters
          </Link>
        </p>
      )}

      {query.isPending && <Loading text="Loading faults…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          {filtered ? "No faults match these filters." : filters.asset ? `No faults have been reported with ${assetName}.` : `No faults have been reported in ${homeName}.`}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table app-stack-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">{filters.asset ? `Faults with ${assetName}` : `Faults in ${homeName}`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Fault
              </th>
              {!filters.asset && (
                <th scope="col" className="govuk-table__header">
                  Equipment
                </th>
              )}
              <th scope="col" className="govuk-table__header">
                Priority
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Reported
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((defect) => {
              const asset = assetsById.get(defect.asset_id);
              return (
                <tr className="govuk-table__row" key={defect.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/estate/defects/${defect.id}`}>
                      {defect.title}
                    </Link>
                    {defect.took_out_of_service && <span className="govuk-body-s govuk-!-display-block">Taken out of service</span>}
                  </td>
                  {!filters.asset && (
                    <td className="govuk-table__cell" data-label="Equipment">
                      {asset ? `${asset.name} (${asset.tag})` : asset === null ? "Could not be loaded" : "…"}
                    </td>
                  )}
                  <td className="govuk-table__cell" data-label="Priority">
                    <strong className={`govuk-tag ${PRIORITY_TAGS[defect.priority]}`}>{PRIORITY_NAMES[defect.priority]}</strong>
                  </td>
                  <td className="govuk-table__cell" data-label="Status">
                    <strong className={`govuk-tag ${STATUS_TAGS[defect.status]}`}>{STATUS_NAMES[defect.status]}</strong>
                  </td>
                  <td className="govuk-table__cell" data-label="Reported">
                    {formatDateTime(defect.created_at)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of faults"
        first={filters.cursor ? `/estate/defects${searchOf(base)}` : null}
        next={query.data?.next_cursor ? `/estate/defects${searchOf({ ...base, cursor: query.data.next_cursor })}` : null}
      />
      <EstateToolsLinks here="defects" />
    </>
  );
}
