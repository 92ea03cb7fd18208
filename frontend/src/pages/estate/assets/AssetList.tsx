import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { assets } from "../../../api/client";
import { ApiProblem, unwrap } from "../../../api/problem";
import { useHomes } from "../../../auth/HomeProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { plural } from "../compliance/compliance";
import { useCategories, useLocations } from "./api";
import { exportHref, filtersFrom, isFiltered, searchOf, SORTS, toQuery, type AssetFilters, type Sort } from "./assetFilters";
import { todayInLondon } from "./dates";
import { CONDITION_NAMES, locationNames, STATUS_NAMES } from "./names";
import type { AssetStatus, Condition } from "./types";
import { Pagination } from "../../../components/Pagination";
import { DueDate, StatusTag } from "./ui";

type Draft = Omit<AssetFilters, "cursor">;

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} name={id.replace("assets-", "")} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** /estate/assets: a home's equipment, with every filter the API offers, kept in the address. */
export default function AssetList() {
  const { current } = useHomes();
  const [params] = useSearchParams();
  const filters = filtersFrom(params, current?.id ?? "");
  // The form starts from the address each time the filters in it change (a link, Back, Clear).
  return <AssetListView key={searchOf({ ...filters, cursor: "" })} filters={filters} />;
}

function AssetListView({ filters }: { filters: AssetFilters }) {
  const { homes, loading: homesLoading } = useHomes();
  const [, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Draft>(filters);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((old) => ({ ...old, [key]: value }));

  const categories = useCategories();
  const locations = useLocations(filters.home_id);
  const draftLocations = useLocations(draft.home_id);
  const names = useMemo(() => locationNames(locations.data ?? []), [locations.data]);
  const draftNames = useMemo(() => locationNames(draftLocations.data ?? []), [draftLocations.data]);
  const categoryNames = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c.name])), [categories.data]);

  const query = useQuery({
    queryKey: ["assets", filters],
    enabled: Boolean(filters.home_id),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(assets.GET("/v1/assets", { params: { query: toQuery(filters) } })),
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf({ ...draft, q: draft.q.trim() }).slice(1));
  };
  const changeHome = (homeId: string) => setDraft((old) => ({ ...old, home_id: homeId, location_id: "" }));
  const homeName = homes.find((h) => h.id === filters.home_id)?.name ?? "";
  const items = query.data?.items ?? [];
  const today = todayInLondon();
  const base = { ...filters, cursor: "" };
  const notFound = query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422);

  return (
    <>
      <PageHeading caption={homeName || "Estate"} title={`Equipment${homeName ? ` – ${homeName}` : ""}`}>
        Equipment
      </PageHeading>
      <form className="app-filters" role="search" aria-label="Equipment" onSubmit={apply}>
        {homes.length > 1 && (
          <Select id="assets-home_id" label="Home" value={draft.home_id} onChange={changeHome}>
            {homes.map((home) => (
              <option key={home.id} value={home.id}>
                {home.name}
              </option>
            ))}
          </Select>
        )}
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="assets-q">
            Search by tag, serial, name or model
          </label>
          <input className="govuk-input govuk-input--width-20" id="assets-q" name="q" type="search" maxLength={100} value={draft.q} onChange={(event) => set("q")(event.target.value)} />
        </div>
        <Select id="assets-location_id" label="Location (and the rooms in it)" value={draft.location_id} onChange={set("location_id")}>
          <option value="">Anywhere</option>
          {(draftLocations.data ?? []).map((location) => (
            <option key={location.id} value={location.id}>
              {draftNames.get(location.id)}
            </option>
          ))}
        </Select>
        <Select id="assets-category_id" label="Category" value={draft.category_id} onChange={set("category_id")}>
          <option value="">All categories</option>
          {(categories.data ?? []).map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </Select>
        <Select id="assets-status" label="Status" value={draft.status} onChange={(v) => set("status")(v as AssetStatus | "")}>
          <option value="">Any status</option>
          {Object.entries(STATUS_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Select id="assets-condition" label="Condition" value={draft.condition} onChange={(v) => set("condition")(v as Condition | "")}>
          <option value="">Any condition</option>
          {Object.entries(CONDITION_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="assets-due_before">
            Inspection due by
          </label>
          <input className="govuk-input govuk-input--width-10" id="assets-due_before" name="due_before" type="date" value={draft.due_before} onChange={(event) => set("due_before")(event.target.value)} />
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id="assets-overdue" name="overdue" type="checkbox" checked={draft.overdue} onChange={(event) => set("overdue")(event.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="assets-overdue">
                Overdue only
              </label>
            </div>
          </div>
        </div>
        <Select id="assets-sort" label="Sort by" value={draft.sort} onChange={(v) => set("sort")(v as Sort)}>
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Apply filters
          </button>
        </div>
      </form>
      {isFiltered(filters) && (
        <p className="govuk-body">
          <Link className="govuk-link" to={searchOf({ home_id: filters.home_id })}>
            Clear filters
          </Link>
        </p>
      )}

      {!filters.home_id && (homesLoading ? <Loading text="Loading your homes…" /> : <p className="govuk-body">Choose a home to see its equipment.</p>)}
      {query.isPending && filters.home_id && <Loading text="Loading equipment…" />}
      {query.isError && (notFound ? <p className="govuk-body">This home could not be found, or you do not work in it.</p> : <ProblemMessage error={query.error} />)}
      {query.isSuccess && (
        <p className="govuk-body" role="status">
          {query.data.total === null || query.data.total === undefined ? "" : `${plural(query.data.total, "asset")} ${isFiltered(filters) ? "match" : "in this home"}.`}{" "}
          {query.data.total !== 0 && (
            <>
              Download {isFiltered(filters) ? "this list" : "them all"}:{" "}
              <a className="govuk-link" href={exportHref(filters, "xlsx")} download>
                Excel spreadsheet
              </a>{" "}
              or{" "}
              <a className="govuk-link" href={exportHref(filters, "csv")} download>
                CSV
              </a>
            </>
          )}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-visually-hidden">Equipment</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Equipment</th>
              <th scope="col" className="govuk-table__header">Location</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Next inspection</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((asset) => (
              <tr className="govuk-table__row" key={asset.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
                    {asset.name}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                    {[asset.tag, categoryNames.get(asset.category_id), [asset.make, asset.model].filter(Boolean).join(" ")].filter(Boolean).join(" · ")}
                  </span>
                </td>
                <td className="govuk-table__cell">{asset.location_id ? (names.get(asset.location_id) ?? "") : "Not recorded"}</td>
                <td className="govuk-table__cell">
                  <StatusTag status={asset.status} />
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Condition {asset.condition}</span>
                </td>
                <td className="govuk-table__cell">
                  <DueDate date={asset.next_due_date} today={today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.isSuccess && items.length === 0 && <p className="govuk-body">{isFiltered(filters) ? "No equipment matches these filters." : "No equipment has been added to this home yet."}</p>}
      <Pagination
        label="Pages of equipment"
        first={filters.cursor ? searchOf(base) || "/estate/assets" : null}
        next={query.data?.next_cursor ? searchOf({ ...base, cursor: query.data.next_cursor }) : null}
      />
    </>
  );
}
