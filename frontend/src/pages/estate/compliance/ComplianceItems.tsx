import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { assets } from "../../../api/client";
import { ApiProblem, unwrap } from "../../../api/problem";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { useCategories } from "../assets/api";
import { formatDate, todayInLondon } from "../assets/dates";
import { Pagination } from "../../../components/Pagination";
import { DueDate, OutcomeTag } from "../assets/ui";
import { isItemState, ITEM_STATES, itemsHref, STATE_NAMES } from "./compliance";
import { useComplianceSummary } from "./summary";

const UUID = /^[0-9a-f-]{36}$/i;

/** /estate/homes/:homeId/compliance/items?state=: the inspections behind a dashboard count. */
export default function ComplianceItems() {
  const { homeId = "" } = useParams();
  const [params] = useSearchParams();
  const rawState = params.get("state");
  const state = isItemState(rawState) ? rawState : "overdue";
  const categoryId = UUID.test(params.get("category_id") ?? "") ? (params.get("category_id") ?? "") : "";
  const ruleId = UUID.test(params.get("rule_id") ?? "") ? (params.get("rule_id") ?? "") : "";
  const cursor = params.get("cursor") ?? "";
  const summary = useComplianceSummary(homeId);
  const categories = useCategories();
  const query = useQuery({
    queryKey: ["compliance", "items", homeId, state, categoryId, ruleId, cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        assets.GET("/v1/compliance/items", {
          params: {
            query: {
              home_id: homeId,
              state,
              limit: 50,
              ...(categoryId ? { category_id: categoryId } : {}),
              ...(ruleId ? { rule_id: ruleId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
  });

  const failed = summary.error ?? query.error;
  if (failed instanceof ApiProblem && (failed.status === 404 || failed.status === 422)) return <NotFound />;
  const homeName = summary.data?.by_home[0]?.name ?? "";
  const category = categories.data?.find((c) => c.id === categoryId);
  const counts = category ? summary.data?.by_category.find((c) => c.category_id === category.id) : summary.data?.totals;
  const today = todayInLondon();
  const filter = { category_id: categoryId || undefined, rule_id: ruleId || undefined };
  const items = query.data?.items ?? [];

  return (
    <>
      <Link className="govuk-back-link" to={`/estate/homes/${homeId}/compliance`}>
        Compliance{homeName ? ` – ${homeName}` : ""}
      </Link>
      <PageHeading caption={homeName || "Estate"} title={`${STATE_NAMES[state]} inspections${homeName ? ` – ${homeName}` : ""}`}>
        {STATE_NAMES[state]} inspections{category ? `: ${category.name}` : ""}
      </PageHeading>
      <nav className="govuk-tabs" aria-label="Inspections by state">
        <ul className="govuk-tabs__list">
          {ITEM_STATES.map((s) => (
            <li key={s} className={`govuk-tabs__list-item${s === state ? " govuk-tabs__list-item--selected" : ""}`}>
              <Link className="govuk-tabs__tab" to={itemsHref(homeId, { state: s, ...filter })} aria-current={s === state ? "page" : undefined}>
                {STATE_NAMES[s]}
                {counts ? ` (${counts[s]})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {category && (
        <p className="govuk-body">
          Showing {category.name.toLowerCase()} only.{" "}
          <Link className="govuk-link" to={itemsHref(homeId, { state })}>
            Show every category
          </Link>
        </p>
      )}
      {query.isPending && <Loading text="Loading inspections…" />}
      {query.isError && <ProblemMessage error={failed} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          Nothing is {STATE_NAMES[state].toLowerCase()}.
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-visually-hidden">{STATE_NAMES[state]} inspections, soonest due first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Equipment</th>
              <th scope="col" className="govuk-table__header">Inspection</th>
              <th scope="col" className="govuk-table__header">Last inspected</th>
              <th scope="col" className="govuk-table__header">Due</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/estate/assets/${item.asset_id}`}>
                    {item.asset_name}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{item.asset_tag}</span>
                </td>
                <td className="govuk-table__cell">
                  {item.inspection_type}
                  {!item.statutory && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Guidance, not law</span>}
                </td>
                <td className="govuk-table__cell">
                  {item.last_inspected_date ? (
                    <>
                      {formatDate(item.last_inspected_date)} {item.last_outcome && <OutcomeTag outcome={item.last_outcome} />}
                    </>
                  ) : (
                    "Never"
                  )}
                </td>
                <td className="govuk-table__cell">
                  <DueDate date={item.due_date} today={today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of inspections"
        first={cursor ? itemsHref(homeId, { state, ...filter }) : null}
        next={query.data?.next_cursor ? `${itemsHref(homeId, { state, ...filter })}&cursor=${encodeURIComponent(query.data.next_cursor)}` : null}
      />
    </>
  );
}
