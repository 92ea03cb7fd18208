import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchItems, useThemes, type ItemFilters } from "./api";
import { formatDate } from "./dates";
import { itemFiltersFrom, withoutCursor } from "./filters";
import { DateInput, Select } from "../../components/fields";
import { IMPORTANCE_NAMES, ITEM_STATUS_NAMES, ITEM_STATUS_TAG, KIND_SHORT } from "./names";
import { Pagination } from "../../components/Pagination";
import { FeedbackNav, searchOf, Tag, useHomeName } from "./ui";

export default function Inbox() {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters = itemFiltersFrom(params);
  const allowed = can(session.roles, "feedback:item.read");
  const query = useQuery({
    queryKey: ["feedback", "items", filters],
    queryFn: () => fetchItems(filters),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  if (!allowed) return <NotFound />;
  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">Feedback inbox</PageHeading>
      <InboxFilters key={params.toString()} filters={filters} onSearch={(next) => setParams(searchOf(withoutCursor(next)).slice(1))} />
      {query.isPending && <Loading text="Loading feedback…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && (
        <p className="govuk-body" role="status">
          No feedback matches these filters.
        </p>
      )}
      {query.data && query.data.items.length > 0 && <ItemTable items={query.data.items} busy={query.isFetching} />}
      <Pagination
        label="Pages of feedback"
        first={filters.cursor ? searchOf(withoutCursor(filters)) || "/feedback/inbox" : null}
        next={query.data?.next_cursor ? searchOf({ ...withoutCursor(filters), cursor: query.data.next_cursor }) : null}
      />
    </>
  );
}

function InboxFilters({ filters, onSearch }: { filters: ItemFilters; onSearch: (filters: ItemFilters) => void }) {
  const { homes } = useHomes();
  const themes = useThemes();
  const [values, setValues] = useState(filters);
  const set = (field: keyof ItemFilters) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...values, tag: values.tag.trim().toLowerCase(), cursor: "" });
  };
  return (
    <form className="app-filters" role="search" aria-label="Filter feedback" onSubmit={submit}>
      <Select id="inbox-home" name="home_id" label="Home" value={values.home_id} onChange={set("home_id")} options={[{ value: "", label: "All homes" }, ...homes.map((h) => ({ value: h.id, label: h.name }))]} />
      <Select
        id="inbox-theme"
        name="theme_id"
        label="Theme"
        value={values.theme_id}
        onChange={set("theme_id")}
        options={[{ value: "", label: "All themes" }, ...(themes.data ?? []).map((t) => ({ value: t.id, label: t.name }))]}
      />
      <Select
        id="inbox-status"
        name="status"
        label="Status"
        value={values.status}
        onChange={set("status")}
        options={[{ value: "", label: "Any status" }, ...(["new", "triaged", "merged", "closed"] as const).map((s) => ({ value: s, label: ITEM_STATUS_NAMES[s] }))]}
      />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="inbox-tag">
          Tag
        </label>
        <input className="govuk-input govuk-input--width-10" id="inbox-tag" name="tag" type="search" value={values.tag} onChange={(e) => set("tag")(e.target.value)} />
      </div>
      <DateInput id="inbox-from" name="raised_from" label="Given from" value={values.raised_from} onChange={set("raised_from")} />
      <DateInput id="inbox-to" name="raised_to" label="Given to" value={values.raised_to} onChange={set("raised_to")} />
      <Select
        id="inbox-sort"
        name="sort"
        label="Order"
        value={values.sort}
        onChange={set("sort")}
        options={[
          { value: "-raised_on", label: "Newest first" },
          { value: "raised_on", label: "Oldest first" },
        ]}
      />
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
          Filter
        </button>
      </div>
    </form>
  );
}

function ItemTable({ items, busy }: { items: NonNullable<Awaited<ReturnType<typeof fetchItems>>>["items"]; busy: boolean }) {
  const session = useSignedIn();
  const navigate = useNavigate();
  const homeName = useHomeName();
  const themes = useThemes();
  const [chosen, setChosen] = useState<string[]>([]);
  const mayAct = can(session.roles, "feedback:action.manage");
  const themeName = (id: string) => themes.data?.find((t) => t.id === id)?.name ?? "";
  const toggle = (id: string, on: boolean) => setChosen((old) => (on ? [...old, id] : old.filter((x) => x !== id)));
  const createAction = () => {
    const params = new URLSearchParams(chosen.map((id) => ["item", id]));
    void navigate(`/feedback/actions/new?${params.toString()}`);
  };
  return (
    <>
      {mayAct && (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" data-module="govuk-button" disabled={chosen.length === 0} aria-disabled={chosen.length === 0} onClick={createAction}>
            Create an action from the chosen feedback{chosen.length > 0 ? ` (${chosen.length})` : ""}
          </button>
        </div>
      )}
      <table className="govuk-table" aria-busy={busy}>
        <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Feedback</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {mayAct && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Choose</span>
              </th>
            )}
            <th scope="col" className="govuk-table__header">Given on</th>
            <th scope="col" className="govuk-table__header">Feedback</th>
            <th scope="col" className="govuk-table__header">Home</th>
            <th scope="col" className="govuk-table__header">Importance</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((item) => (
            <tr className="govuk-table__row" key={item.id}>
              {mayAct && (
                <td className="govuk-table__cell">
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input
                        className="govuk-checkboxes__input"
                        id={`choose-${item.id}`}
                        type="checkbox"
                        checked={chosen.includes(item.id)}
                        disabled={item.status === "merged"}
                        onChange={(event) => toggle(item.id, event.target.checked)}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`choose-${item.id}`}>
                        <span className="govuk-visually-hidden">Choose “{item.summary}”</span>
                      </label>
                    </div>
                  </div>
                </td>
              )}
              <td className="govuk-table__cell">{formatDate(item.raised_on)}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/feedback/items/${item.id}`}>
                  {item.summary}
                </Link>
                <br />
                <span className="govuk-body-s">
                  {KIND_SHORT[item.kind]} · {themeName(item.theme_id)} · {item.anonymous ? "Anonymous" : (item.author_name ?? "Named")}
                  {item.tags.length > 0 ? ` · ${item.tags.map((t) => `#${t}`).join(" ")}` : ""}
                </span>
              </td>
              <td className="govuk-table__cell">{item.home_id ? homeName(item.home_id) : (item.department ?? "")}</td>
              <td className="govuk-table__cell">{IMPORTANCE_NAMES[item.importance]}</td>
              <td className="govuk-table__cell">
                <Tag className={ITEM_STATUS_TAG[item.status]}>{ITEM_STATUS_NAMES[item.status]}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
