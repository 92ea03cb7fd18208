import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchMyFeedback, useThemes } from "./api";
import { formatDate } from "./dates";
import { ITEM_STATUS_NAMES, ITEM_STATUS_TAG, KIND_SHORT } from "./names";
import { Pagination } from "../../components/Pagination";
import { FeedbackNav, searchOf, Tag, useHomeName } from "./ui";

/** Feedback the person gave under their name (anonymous feedback is not linked to anyone). */
export default function MyFeedback() {
  const session = useSignedIn();
  const [params] = useSearchParams();
  const cursor = params.get("cursor") ?? "";
  const homeName = useHomeName();
  const themes = useThemes();
  const query = useQuery({
    queryKey: ["feedback", "mine", cursor],
    queryFn: () => fetchMyFeedback(cursor),
    placeholderData: keepPreviousData,
    enabled: can(session.roles, "feedback:item.read_own"),
  });
  if (!can(session.roles, "feedback:item.read_own")) return <NotFound />;
  const themeName = (id: string) => themes.data?.find((t) => t.id === id)?.name ?? "";
  const items = query.data?.items ?? [];
  const canOpen = can(session.roles, "feedback:item.read");

  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">My feedback</PageHeading>
      <p className="govuk-body">Feedback you gave under your name. Anonymous feedback is not listed here, because Care Hub does not know it was yours: use its reply code instead.</p>
      {query.isPending && <Loading text="Loading your feedback…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && (
        <p className="govuk-body" role="status">
          You have not given any feedback under your name yet. <Link className="govuk-link" to="/feedback/give">Give feedback</Link>
        </p>
      )}
      {items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Your feedback</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Given on</th>
              <th scope="col" className="govuk-table__header">Feedback</th>
              <th scope="col" className="govuk-table__header">Home</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <td className="govuk-table__cell">{formatDate(item.raised_on)}</td>
                <td className="govuk-table__cell">
                  {canOpen ? (
                    <Link className="govuk-link" to={`/feedback/items/${item.id}`}>
                      {item.summary}
                    </Link>
                  ) : (
                    item.summary
                  )}
                  <br />
                  <span className="govuk-body-s govuk-!-margin-bottom-0">
                    {KIND_SHORT[item.kind]}
                    {themeName(item.theme_id) ? ` · ${themeName(item.theme_id)}` : ""}
                  </span>
                </td>
                <td className="govuk-table__cell">{item.home_id ? homeName(item.home_id) : (item.department ?? "")}</td>
                <td className="govuk-table__cell">
                  <Tag className={ITEM_STATUS_TAG[item.status]}>{ITEM_STATUS_NAMES[item.status]}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination label="Pages of your feedback" first={cursor ? "/feedback/mine" : null} next={query.data?.next_cursor ? searchOf({ cursor: query.data.next_cursor }) : null} />
    </>
  );
}
