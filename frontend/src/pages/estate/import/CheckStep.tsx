import { useState } from "react";
import { Link } from "react-router";
import type { FieldMessage } from "../../../api/messages";
import { useHomes } from "../../../auth/HomeProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button } from "../../../components/fields";
import { PageHeading } from "../../../components/PageHeading";
import { saveQueue } from "../../../lib/saveQueue";
import { dryRunReady } from "./importWizard";
import { startImport } from "./imports";
import { ProblemsTable } from "./ProblemsTable";
import type { ImportJob } from "./types";
import { errorMessages, type StepProps } from "./wizard";

export function CheckStep({ caption, wizard, job, update, go }: StepProps & { job: ImportJob }) {
  const { homes } = useHomes();
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const ready = dryRunReady(job);
  const home = homes.find((h) => h.id === job.home_id);
  const rows = job.processed_rows;

  const importNow = async () => {
    if (!wizard.file) return go("upload");
    const file = wizard.file;
    setSending(true);
    try {
      const started = await saveQueue.submit(`Importing ${file.name}`, (key) => startImport({ file, homeId: job.home_id, mapping: wizard.mapping, dryRun: false }, key));
      update({ importJobId: started.id });
      go("import");
    } catch (error) {
      setErrors(errorMessages(error, {}));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Link className="govuk-back-link" to="/estate/import?step=columns">
        Back
      </Link>
      {errors.length > 0 && <ErrorSummary key={attempt} items={errors.map(({ message }) => ({ target: null, text: message }))} />}
      <PageHeading caption={caption} title={ready ? "The file is ready to import" : "Problems in the file"} hasErrors={errors.length > 0}>
        {ready ? "The file is ready to import" : "Fix the problems in the file"}
      </PageHeading>
      {ready ? (
        <>
          <p className="govuk-body">
            Care Hub checked {rows === 1 ? "1 row" : `${rows.toLocaleString("en-GB")} rows`} of {job.file_name} and found no problems. Nothing has been imported yet.
          </p>
          <p className="govuk-body">
            Importing adds the assets to <strong>{home?.name ?? "the home"}</strong> and works out when each one’s inspections are due.
          </p>
          <Button onClick={() => void importNow()} type="button" disabled={sending}>
            {sending ? "Starting…" : "Import the assets"}
          </Button>
        </>
      ) : (
        <>
          <p className="govuk-body">Nothing has been imported. Correct these in the spreadsheet, save it, then upload it again. Your column matches are kept.</p>
          {job.status === "failed" && job.problem_count === 0 ? (
            <p className="govuk-body">Care Hub could not finish checking the file. Upload it again, or save it as a CSV and try that.</p>
          ) : (
            <ProblemsTable job={job} />
          )}
          <div className="govuk-button-group">
            <Button type="button" onClick={() => go("upload")}>
              Upload the corrected file
            </Button>
            <button type="button" className="app-link-button" onClick={() => go("columns")}>
              Change the column matches
            </button>
          </div>
        </>
      )}
    </>
  );
}
