import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import NotFound from "../../NotFound";
import "../notes/daily.css";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { ResidentHeader } from "../residents/ResidentNav";
import { fetchAssessments, risksKey, useLatest } from "./risks";
import { bandClass, bandName, isTool, TOOL_NAMES, TOOL_SHORT, TOOLS } from "./tools";
import type { Tool } from "./types";
import { Pagination } from "../../../components/Pagination";

export default function RiskList() {
  const { residentId = "" } = useParams();
  const resident = useResident(residentId);
  if (resident.isPending) return <Loading text="Loading the resident…" />;
  if (resident.isError) {
    if (isNotFound(resident.error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, the risk assessments could not be shown</PageHeading>
        <ProblemMessage error={resident.error} />
      </>
    );
  }
  const name = residentName(resident.data.resident);
  return (
    <>
      <ResidentHeader residentId={residentId} current="risks" />
      <PageHeading size="m" title={`Risk assessments: ${name}`}>
        Risk assessments
      </PageHeading>
      <LatestTable residentId={residentId} />
      <History residentId={residentId} />
    </>
  );
}

function LatestRow({ residentId, tool, mayAssess }: { residentId: string; tool: Tool; mayAssess: boolean }) {
  const latest = useLatest(residentId, tool);
  const data = latest.data;
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">
        {TOOL_NAMES[tool]}
      </th>
      <td className="govuk-table__cell">
        {latest.isPending ? "Loading…" : latest.isError ? "Could not be loaded" : data ? <strong className={bandClass(tool, data.band)}>{bandName(tool, data.band)}</strong> : "Not assessed yet"}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{data ? data.score : ""}</td>
      <td className="govuk-table__cell">
        {data && (
          <Link className="govuk-link" to={`/care/residents/${residentId}/risks/${data.id}`}>
            {formatDateTime(data.assessed_at)}
            <span className="govuk-visually-hidden"> ({TOOL_SHORT[tool]})</span>
          </Link>
        )}
      </td>
      {mayAssess && (
        <td className="govuk-table__cell">
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" to={`/care/residents/${residentId}/risks/new/${tool}`}>
            New {TOOL_SHORT[tool]}<span className="govuk-visually-hidden"> assessment</span>
          </Link>
        </td>
      )}
    </tr>
  );
}

function LatestTable({ residentId }: { residentId: string }) {
  const session = useSignedIn();
  const mayAssess = can(session.roles, "careplan:risk.assess");
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Latest result of each tool</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Tool
            </th>
            <th scope="col" className="govuk-table__header">
              Band
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Score
            </th>
            <th scope="col" className="govuk-table__header">
              Assessed
            </th>
            {mayAssess && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Reassess</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {TOOLS.map((tool) => (
            <LatestRow key={tool} residentId={residentId} tool={tool} mayAssess={mayAssess} />
          ))}
        </tbody>
      </table>
      {!mayAssess && <p className="govuk-body">Senior carers, nurses and home managers carry out risk assessments.</p>}
    </>
  );
}

function History({ residentId }: { residentId: string }) {
  const [params] = useSearchParams();
  const toolParam = params.get("tool") ?? "";
  const tool = isTool(toolParam) ? toolParam : null;
  const cursor = params.get("cursor");
  const query = useQuery({
    queryKey: [...risksKey(residentId), "history", tool, cursor],
    queryFn: () => fetchAssessments(residentId, tool, cursor),
    placeholderData: keepPreviousData,
  });
  const filterLink = (t: Tool | null) => ({ search: t ? `?tool=${t}` : "" });
  return (
    <>
      <h2 className="govuk-heading-m">All assessments</h2>
      <nav aria-label="Show assessments of" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-inline-list">
          {[null, ...TOOLS].map((t) => (
            <li key={t ?? "all"}>
              <Link className="govuk-link" to={filterLink(t)} aria-current={t === tool ? "page" : undefined}>
                {t === tool ? <strong>{t ? TOOL_SHORT[t] : "All tools"}</strong> : t ? TOOL_SHORT[t] : "All tools"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {query.isPending && <Loading text="Loading assessments…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <p className="govuk-body">No assessments yet.</p>}
      {query.data && query.data.items.length > 0 && (
        <table className="govuk-table" aria-busy={query.isFetching}>
          <caption className="govuk-table__caption govuk-visually-hidden">Assessments, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Assessed
              </th>
              <th scope="col" className="govuk-table__header">
                Tool
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Score
              </th>
              <th scope="col" className="govuk-table__header">
                Band
              </th>
              <th scope="col" className="govuk-table__header">
                By
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {query.data.items.map((item) => (
              <tr className="govuk-table__row" key={item.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/care/residents/${residentId}/risks/${item.id}`}>
                    {formatDateTime(item.assessed_at)}
                  </Link>
                </td>
                <td className="govuk-table__cell">{TOOL_SHORT[item.tool]}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{item.score}</td>
                <td className="govuk-table__cell">
                  <strong className={bandClass(item.tool, item.band)}>{bandName(item.tool, item.band)}</strong>
                </td>
                <td className="govuk-table__cell">{item.assessor_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of assessments"
        first={cursor ? filterLink(tool) : null}
        next={query.data?.next_cursor ? `?${new URLSearchParams({ ...(tool ? { tool } : {}), cursor: query.data.next_cursor }).toString()}` : null}
      />
    </>
  );
}
