import { Link, useParams, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { NoAccess } from "../residents/NoAccess";
import { fullName } from "../residents/names";
import { ResidentHeader } from "../residents/ResidentNav";
import { isForbidden, isNotFound, useResident } from "../residents/residents";
import type { Version } from "../types";
import { CHANGE_NAMES, compareParams, diffSections, diffSummary, itemNames, type DiffRow, type SectionDiffView } from "./diffView";
import { useDiff, useVersion, VERSION_STATUS_NAMES } from "./plan";

export default function PlanCompare() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const [params] = useSearchParams();
  const pair = compareParams(params);
  const resident = useResident(residentId);
  const diff = useDiff(residentId, pair?.from ?? 0, pair?.to ?? 0, pair !== null);
  const before = useVersion(residentId, pair?.from ?? null);
  const after = useVersion(residentId, pair?.to ?? null);
  if (!can(roles, "careplan:plan.read")) return <NoAccess />;
  const planPath = `/care/residents/${residentId}/plan`;
  const error = resident.error ?? diff.error;
  if (error) {
    if (isForbidden(error)) return <NoAccess />;
    if (isNotFound(error) && !resident.data) return <NotFound />;
  }
  if (resident.isPending) return <Loading text="Loading…" />;
  if (!resident.data) return <ProblemMessage error={resident.error} />;
  const name = fullName(resident.data.resident);
  return (
    <>
      <ResidentHeader residentId={residentId} current="plan" />
      <PageHeading size="m" title={pair ? `${name}: compare care plan versions ${pair.from} and ${pair.to}` : `${name}: compare care plan versions`}>
        {pair ? `Compare version ${pair.from} with version ${pair.to}` : "Compare care plan versions"}
      </PageHeading>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${planPath}/versions`}>
          Back to the version history
        </Link>
      </p>
      {!pair && <p className="govuk-body">Choose two different versions to compare from the version history.</p>}
      {pair && diff.isPending && <Loading text="Comparing the versions…" />}
      {pair && diff.isError && (isNotFound(diff.error) ? <p className="govuk-body">One of these versions does not exist. Choose two versions from the version history.</p> : <ProblemMessage error={diff.error} />)}
      {pair && diff.data && (
        <>
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {diffSummary(diff.data)}.
          </p>
          <p className="govuk-body">
            The left column is version {pair.from}
            {versionNote(before.data)}, the right column version {pair.to}
            {versionNote(after.data)}. Each row says whether something was added, removed or changed.
          </p>
          {diffSections(diff.data, itemNames(after.data, before.data)).map((section) => (
            <SectionTable key={section.key} section={section} from={pair.from} to={pair.to} />
          ))}
        </>
      )}
    </>
  );
}

function versionNote(version: Version | undefined): string {
  return version ? ` (${VERSION_STATUS_NAMES[version.status].toLowerCase()})` : "";
}

const SECTION_WORDS = { added: "added in", removed: "removed in", changed: "changed in" } as const;

function Cell({ row, side }: { row: DiffRow; side: "before" | "after" }) {
  const value = row[side];
  if (!value) {
    return (
      <td className="govuk-table__cell">
        <span className="govuk-hint govuk-!-margin-bottom-0">{side === "before" ? "Not there" : "No longer there"}</span>
      </td>
    );
  }
  const marked = (side === "before" && row.kind !== "added") || (side === "after" && row.kind !== "removed");
  const className = !marked ? "" : side === "before" ? " app-diff-removed" : " app-diff-added";
  return (
    <td className={`govuk-table__cell${className}`}>
      {side === "before" ? <del>{value}</del> : <ins>{value}</ins>}
    </td>
  );
}

function SectionTable({ section, from, to }: { section: SectionDiffView; from: number; to: number }) {
  return (
    <section className="app-plan-section" aria-labelledby={`diff-${section.key}`}>
      <h2 className="govuk-heading-m" id={`diff-${section.key}`}>
        {section.title}{" "}
        <strong className={`govuk-tag ${section.kind === "added" ? "govuk-tag--green" : section.kind === "removed" ? "govuk-tag--red" : "govuk-tag--blue"}`}>
          Section {SECTION_WORDS[section.kind]} version {to}
        </strong>
      </h2>
      <table className="govuk-table app-diff-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          {section.title}: version {from} and version {to} side by side
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Version {from}
            </th>
            <th scope="col" className="govuk-table__header">
              Version {to}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {section.rows.map((row) => (
            <tr className="govuk-table__row" key={row.key}>
              <th scope="row" className="govuk-table__header">
                <strong className="govuk-!-display-block">{CHANGE_NAMES[row.kind]}</strong>
                {row.what}
              </th>
              <Cell row={row} side="before" />
              <Cell row={row} side="after" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
