import { useState } from "react";
import { useParams } from "react-router";
import { problemSentence } from "../../../api/messages";
import { ApiProblem, isNetworkError } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { ResidentHeader } from "../residents/ResidentNav";
import { londonDate } from "../notes/time";
import type { Resident } from "../notes/types";
import { bundleContents, exportFileName, fetchFhirBundle, saveFile } from "./fhir";

export default function RecordExport() {
  const { residentId = "" } = useParams();
  const resident = useResident(residentId);
  if (resident.isPending) return <Loading text="Loading the resident…" />;
  if (resident.isError) {
    if (isNotFound(resident.error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this page could not be shown</PageHeading>
        <ProblemMessage error={resident.error} />
      </>
    );
  }
  return <ExportPage resident={resident.data.resident} />;
}

type State = { kind: "idle" } | { kind: "busy" } | { kind: "done"; fileName: string; contents: Record<string, number> } | { kind: "failed"; message: string };

function ExportPage({ resident }: { resident: Resident }) {
  const session = useSignedIn();
  const [state, setState] = useState<State>({ kind: "idle" });
  const name = residentName(resident);
  const mayExport = can(session.roles, "careplan:record.export");

  const download = async () => {
    setState({ kind: "busy" });
    try {
      const blob = await fetchFhirBundle(resident.id);
      const fileName = exportFileName(resident.family_name, resident.given_name, londonDate());
      saveFile(blob, fileName);
      const contents = bundleContents(JSON.parse(await blob.text()) as unknown);
      setState({ kind: "done", fileName, contents });
    } catch (error) {
      setState({
        kind: "failed",
        message: isNetworkError(error)
          ? "Care Hub could not be reached. Check your connection and try again."
          : error instanceof ApiProblem
            ? problemSentence(error)
            : "Sorry, the record could not be downloaded. Try again.",
      });
    }
  };

  return (
    <>
      <ResidentHeader residentId={resident.id} current="record" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading size="m" title={`Download the record: ${name}`}>
            Download the care record
          </PageHeading>
          <p className="govuk-body">
            The record is a FHIR R4 file (JSON), the standard NHS and care systems use to exchange care records. Use it when{" "}
            {resident.preferred_name ?? resident.given_name} moves to another home or into hospital, or when a professional
            who is entitled to it asks for it.
          </p>
          <h2 className="govuk-heading-m">What the file contains</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>their details, with their NHS number and whether it has been verified (Patient)</li>
            <li>the current signed-off care plan, with each intervention (CarePlan)</li>
            <li>each goal in the plan, with its target date (Goal)</li>
            <li>every Waterlow, MUST and falls risk assessment, with the points for each item, the band and the assessor’s judgement (Observation)</li>
            <li>their consent records: given, refused or withdrawn (Consent)</li>
          </ul>
          <p className="govuk-body">Daily notes are not included.</p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Every download is recorded in {resident.preferred_name ?? resident.given_name}’s audit trail with your name and the
              time. The file holds personal and health information: keep it only on council devices and share it securely.
            </strong>
          </div>
          {mayExport ? (
            <>
              <div role="status" aria-live="polite">
                {state.kind === "done" && (
                  <div className="govuk-notification-banner govuk-notification-banner--success">
                    <div className="govuk-notification-banner__content">
                      <p className="govuk-notification-banner__heading">Downloaded {state.fileName}</p>
                      <p className="govuk-body">
                        It contains{" "}
                        {Object.entries(state.contents)
                          .map(([type, count]) => `${count} ${type}`)
                          .join(", ")}
                        .
                      </p>
                    </div>
                  </div>
                )}
              </div>
              {state.kind === "failed" && (
                <div className="govuk-error-summary" role="alert">
                  <h2 className="govuk-error-summary__title">There is a problem</h2>
                  <div className="govuk-error-summary__body">
                    <p className="govuk-body">{state.message}</p>
                  </div>
                </div>
              )}
              <button type="button" className="govuk-button app-big-button" data-module="govuk-button" disabled={state.kind === "busy"} onClick={() => void download()}>
                {state.kind === "busy" ? "Preparing the file…" : "Download the record (FHIR JSON)"}
              </button>
            </>
          ) : (
            <div className="govuk-inset-text">
              Your role cannot download care records. Ask a nurse or the home manager if someone needs a copy.
            </div>
          )}
        </div>
      </div>
    </>
  );
}
