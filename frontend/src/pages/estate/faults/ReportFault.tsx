import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { problemSentence } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import { raiseDefect } from "../defects/defects";
import { useAsset } from "../defects/lookups";
import type { Asset, Defect, DefectCreate } from "../defects/types";
import { AssetHeader } from "./AssetHeader";
import { COMMON_FAULTS, defectForFault, type CommonFault } from "./faults";
import { FaultReported } from "./FaultReported";
import { OpenFaults } from "./OpenFaults";
import "./faults.css";

/** The asset for a fault page, or the page to show instead (loading, not found, failed). */
export function useFaultAsset(assetId: string): { asset: Asset } | { page: React.ReactElement } {
  const query = useAsset(assetId);
  if (query.isPending) return { page: <Loading text="Finding the equipment…" /> };
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return { page: <NotFound /> };
    return {
      page: (
        <>
          <PageHeading>Sorry, this equipment could not be shown</PageHeading>
          <ProblemMessage error={query.error} />
        </>
      ),
    };
  }
  return { asset: query.data };
}

/** Why a report did not get through, in words. */
export function reportError(error: unknown): string {
  if (error instanceof SaveDiscarded) return "Your report was not sent. Tap the fault again when you have signal.";
  if (error instanceof ApiProblem) return problemSentence(error);
  return "Sorry, your report could not be sent. Try again.";
}

/** After a report: the asset's defect lists and the asset itself (its status may have changed). */
export function refreshAfterReport(queryClient: ReturnType<typeof useQueryClient>, asset: Asset): void {
  void queryClient.invalidateQueries({ queryKey: ["defects"] });
  void queryClient.invalidateQueries({ queryKey: ["asset", asset.id] });
  void queryClient.invalidateQueries({ queryKey: ["assets"] });
}

/** Sends a report through the save queue, so a phone on bad signal sends it exactly once. */
export function useReport(asset: Asset | null) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<string | null>(null);
  const [reported, setReported] = useState<Defect | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const send = async (what: string, body: DefectCreate) => {
    if (!asset || sending) return;
    setSending(what);
    setError(null);
    try {
      const defect = await saveQueue.submit(`Fault report for ${asset.name}`, (key) => raiseDefect(body, key));
      refreshAfterReport(queryClient, asset);
      setReported(defect);
    } catch (failure) {
      setError(reportError(failure));
      setAttempt((n) => n + 1);
    } finally {
      setSending(null);
    }
  };
  const reset = () => {
    setReported(null);
    setError(null);
  };
  return { send, sending, reported, error, attempt, reset };
}

export default function ReportFault() {
  const { assetId = "" } = useParams();
  const found = useFaultAsset(assetId);
  if ("page" in found) return found.page;
  return <FaultButtons key={found.asset.id} asset={found.asset} />;
}

function FaultButtons({ asset }: { asset: Asset }) {
  const session = useSignedIn();
  const report = useReport(asset);
  const tap = (fault: CommonFault) => void report.send(fault.label, defectForFault(asset.id, fault));

  if (report.reported) return <FaultReported asset={asset} defect={report.reported} onAnother={report.reset} />;
  if (!can(session.roles, "assets:defect.raise")) {
    return (
      <>
        <PageHeading caption="Report a fault">{asset.name}</PageHeading>
        <AssetHeader asset={asset} />
        <p className="govuk-body">Your role cannot report faults in Care Hub. Tell the person in charge of the home instead.</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/estate/assets/${asset.id}`}>
          Back to {asset.name}
        </Link>
        {report.error && <ErrorSummary key={report.attempt} items={[{ target: null, text: report.error }]} />}
        <PageHeading caption="Report a fault" title={`Report a fault with ${asset.name}`} hasErrors={Boolean(report.error)}>
          {asset.name}
        </PageHeading>
        <AssetHeader asset={asset} />
        <OpenFaults assetId={asset.id} />
        <h2 className="govuk-heading-m" id="fault-choices">
          What is wrong with it?
        </h2>
        <p className="govuk-body">Tap one. It is reported straight away.</p>
        <div className="app-fault-buttons" role="group" aria-labelledby="fault-choices" aria-busy={report.sending !== null}>
          {COMMON_FAULTS.map((fault) => (
            <button
              key={fault.id}
              type="button"
              className={`govuk-button${fault.unsafe ? " govuk-button--warning" : " govuk-button--secondary"}`}
              data-module="govuk-button"
              disabled={report.sending !== null}
              aria-disabled={report.sending !== null}
              onClick={() => tap(fault)}
            >
              <span className="app-fault-button__label">{fault.label}</span>
              <span className="app-fault-button__hint">{fault.hint}</span>
            </button>
          ))}
        </div>
        <p className="govuk-body" role="status" aria-live="polite">
          {report.sending ? `Sending your report: ${report.sending}…` : ""}
        </p>
        <Link className="govuk-link app-fault-other" to={`/estate/assets/${asset.id}/report-fault/describe`}>
          Something else? Describe the fault
        </Link>
      </div>
    </div>
  );
}
