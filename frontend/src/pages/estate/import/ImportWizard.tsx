// The spreadsheet import wizard: upload, match the columns, check the dry run's report, import.
// The steps share one state here, so the browser's Back and Forward move between them freely;
// the step is in the URL (?step=), and a step reached without its earlier steps starts again.
import { useCallback, useState } from "react";
import { useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import NotFound from "../../NotFound";
import { CheckStep } from "./CheckStep";
import { ColumnsStep } from "./ColumnsStep";
import { isFinished } from "./importWizard";
import { useImportJob } from "./imports";
import { ImportStep } from "./ImportStep";
import { UploadStep } from "./UploadStep";
import { STEPS, type Step, type Wizard } from "./wizard";
import "./import.css";

export default function ImportWizard() {
  const session = useSignedIn();
  const { current, homes, loading } = useHomes();
  if (!can(session.roles, "assets:asset.import")) return <NotFound />;
  if (loading) return <Loading text="Loading your homes…" />;
  return <Steps defaultHomeId={current?.id ?? homes[0]?.id ?? ""} />;
}

function Steps({ defaultHomeId }: { defaultHomeId: string }) {
  const [params, setParams] = useSearchParams();
  const [wizard, setWizard] = useState<Wizard>({ homeId: defaultHomeId, file: null, headings: null, mapping: {}, checkJobId: null, importJobId: null });
  const checkJob = useImportJob(wizard.checkJobId);
  const importJob = useImportJob(wizard.importJobId);
  const asked = STEPS.find((step) => step === params.get("step")) ?? "upload";
  // A step whose earlier steps have not been done here (a reload, a shared link) starts again.
  const step: Step =
    (asked === "columns" || asked === "check") && !isFinished(checkJob.data) ? "upload" : asked === "import" && !wizard.importJobId ? "upload" : asked;
  const go = useCallback((next: Step) => setParams(next === "upload" ? {} : { step: next }), [setParams]);
  const update = useCallback((change: Partial<Wizard>) => setWizard((old) => ({ ...old, ...change })), []);
  const number = STEPS.indexOf(step) + 1;
  const caption = `Import assets – step ${number} of ${STEPS.length}`;

  if (step === "columns" && checkJob.data) return <ColumnsStep key={checkJob.data.id} caption={caption} wizard={wizard} job={checkJob.data} update={update} go={go} />;
  if (step === "check" && checkJob.data) return <CheckStep caption={caption} wizard={wizard} job={checkJob.data} update={update} go={go} />;
  if (step === "import") return <ImportStep caption={caption} wizard={wizard} job={importJob.data} error={importJob.error} update={update} go={go} />;
  return <UploadStep caption={caption} wizard={wizard} update={update} go={go} />;
}
