import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchActions, type ActionFilters } from "./api";
import { formatDate } from "./dates";
import { actionFiltersFrom, withoutCursor } from "./filters";
import { Select } from "../../components/fields";
import { ACTION_STATUS_NAMES, ACTION_STATUS_TAG } from "./names";
import { Pagination } from "../../components/Pagination";
import { FeedbackNav, searchOf, Tag, useHomeName } from "./ui";

export default function ActionsList() {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters = actionFiltersFrom(params);
  const homeName = useHomeName();
  const allowed = can(session.roles, "feedback:action.read");
  const query = useQuery({
    queryKey: ["feedback", "actions", filters],
    queryFn: () => fetchActions(filters),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  if (!allowed) return <NotFound />;
  const items = query.data?.items ?? [];
  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">{filters.overdue ? "Overdue actions" : "Actions"}</PageHeading>
      <ul className="govuk-list">
        <li>
          {filters.overdue ? (
            <Link className="govuk-link" to="/feedback/actions">
              Show all actions
            </Link>
          ) : (
            <Link className="govuk-link" to="/feedback/actions?overdue=true">
              Show only overdue actions
            </Link>
          )}
        </li>
      </ul>
      <ActionFiltersForm key={params.toString()} filters={filters} onSearch={(next) => setParams(searchOf(withoutCursor(next)).slice(1))} />
      {can(session.roles, "feedback:action.manage") && (
        <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to="/feedback/actions/new">
          New action
        </Link>
      )}
      {query.isPending && <Loading text="Loading actions…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          {filters.overdue ? "No actions are overdue." : "No actions match these filters."}
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Actions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Home</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">Due by</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((action) => (
              <tr className="govuk-table__row" key={action.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/feedback/actions/${action.id}`}>
                    {action.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{homeName(action.home_id)}</td>
                <td className="govuk-table__cell">{action.owner}</td>
                <td className="govuk-table__cell">{formatDate(action.due_date)}</td>
                <td className="govuk-table__cell">
                  <Tag className={ACTION_STATUS_TAG[action.status]}>{ACTION_STATUS_NAMES[action.status]}</Tag>
                  {action.overdue && (
                    <>
                      {" "}
                      <Tag className="govuk-tag--red">Overdue</Tag>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of actions"
        first={filters.cursor ? searchOf(withoutCursor(filters)) || "/feedback/actions" : null}
        next={query.data?.next_cursor ? searchOf({ ...withoutCursor(filters), cursor: query.data.next_cursor }) : null}
      />
    </>
  );
}

function ActionFiltersForm({ filters, onSearch }: { filters: ActionFilters; onSearch: (filters: ActionFilters) => void }) {
  const { homes } = useHomes();
  const [values, setValues] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...values, cursor: "" });
  };
  return (
    <form className="app-filters" role="search" aria-label="Filter actions" onSubmit={submit}>
      <Select id="actions-home" name="home_id" label="Home" value={values.home_id} onChange={(home_id) => setValues((v) => ({ ...v, home_id }))} options={[{ value: "", label: "All homes" }, ...homes.map((h) => ({ value: h.id, label: h.name }))]} />
      <Select
        id="actions-status"
        name="status"
        label="Status"
        value={values.status}
        onChange={(status) => setValues((v) => ({ ...v, status: status as ActionFilters["status"] }))}
        options={[{ value: "", label: "Any status" }, ...(["proposed", "agreed", "in_progress", "done", "not_doing"] as const).map((s) => ({ value: s, label: ACTION_STATUS_NAMES[s] }))]}
      />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="actions-overdue" name="overdue" type="checkbox" checked={values.overdue} onChange={(e) => setValues((v) => ({ ...v, overdue: e.target.checked }))} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="actions-overdue">
              Overdue only
            </label>
          </div>
        </div>
      </div>
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
          Filter
        </button>
      </div>
    </form>
  );
}
