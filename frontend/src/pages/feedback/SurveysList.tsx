import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import NotFound from "../NotFound";
import { fetchSurveys, type SurveyStatus } from "./api";
import { Pagination } from "../../components/Pagination";
import { FeedbackNav, searchOf, Tag } from "./ui";

const TABS: readonly { status: SurveyStatus | ""; label: string }[] = [
  { status: "open", label: "Open now" },
  { status: "closed", label: "Closed" },
  { status: "scheduled", label: "Not open yet" },
  { status: "", label: "All" },
];

const STATUS_TAG: Record<string, [string, string]> = {
  open: ["govuk-tag--green", "Open"],
  closed: ["govuk-tag--grey", "Closed"],
  scheduled: ["govuk-tag--blue", "Not open yet"],
};

function statusFrom(params: URLSearchParams): SurveyStatus | "" {
  const value = params.get("status");
  if (value === null) return "open";
  return value === "open" || value === "closed" || value === "scheduled" ? value : "";
}

export default function SurveysList() {
  const session = useSignedIn();
  const [params] = useSearchParams();
  const status = statusFrom(params);
  const cursor = params.get("cursor") ?? "";
  const allowed = can(session.roles, "feedback:survey.read") || can(session.roles, "feedback:survey.results");
  const query = useQuery({
    queryKey: ["feedback", "surveys", status, cursor],
    queryFn: () => fetchSurveys(status, cursor),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  if (!allowed) return <NotFound />;
  const mayAnswer = can(session.roles, "feedback:survey.respond");
  const mayResults = can(session.roles, "feedback:survey.results");
  const mayManage = can(session.roles, "feedback:survey.manage");
  const items = query.data?.items ?? [];

  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">Pulse surveys</PageHeading>
      <p className="govuk-body">Short surveys about how it feels to work here. Your answers are anonymous: Care Hub records only that you have answered, never which answers were yours.</p>
      {mayManage && (
        <Link className="govuk-button" data-module="govuk-button" to="/feedback/surveys/new">
          Create a survey
        </Link>
      )}
      <nav className="govuk-tabs" aria-label="Surveys by status">
        <ul className="govuk-tabs__list">
          {TABS.map((tab) => {
            const here = tab.status === status;
            return (
              <li key={tab.label} className={`govuk-tabs__list-item${here ? " govuk-tabs__list-item--selected" : ""}`}>
                <Link className="govuk-tabs__tab" to={`/feedback/surveys${searchOf({ status: tab.status || "all" })}`} aria-current={here ? "page" : undefined}>
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {query.isPending && <Loading text="Loading surveys…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          There are no surveys to show here.
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Surveys</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Survey</th>
              <th scope="col" className="govuk-table__header">Opens</th>
              <th scope="col" className="govuk-table__header">Closes</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">What you can do</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((survey) => {
              const [tagClass, tagText] = STATUS_TAG[survey.status] ?? ["govuk-tag--grey", survey.status];
              return (
                <tr className="govuk-table__row" key={survey.id}>
                  <td className="govuk-table__cell">{survey.title}</td>
                  <td className="govuk-table__cell">{formatDateTime(survey.opens_at)}</td>
                  <td className="govuk-table__cell">{formatDateTime(survey.closes_at)}</td>
                  <td className="govuk-table__cell">
                    <Tag className={tagClass}>{tagText}</Tag>
                  </td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {mayAnswer && survey.status === "open" && (
                        <li>
                          <Link className="govuk-link" to={`/feedback/surveys/${survey.id}`}>
                            Answer<span className="govuk-visually-hidden"> {survey.title}</span>
                          </Link>
                        </li>
                      )}
                      {mayResults && survey.status === "closed" && (
                        <li>
                          <Link className="govuk-link" to={`/feedback/surveys/${survey.id}/results`}>
                            Results<span className="govuk-visually-hidden"> of {survey.title}</span>
                          </Link>
                        </li>
                      )}
                      {mayManage && (
                        <li>
                          <Link className="govuk-link" to={`/feedback/surveys/${survey.id}/manage`}>
                            Manage<span className="govuk-visually-hidden"> {survey.title}</span>
                          </Link>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of surveys"
        first={cursor ? `/feedback/surveys${searchOf({ status: status || "all" })}` : null}
        next={query.data?.next_cursor ? searchOf({ status: status || "all", cursor: query.data.next_cursor }) : null}
      />
    </>
  );
}
