import { progressOf } from "./importWizard";
import type { ImportJob } from "./types";

/** A progress bar for a running job, announced politely as it moves. */
export function JobProgress({ job, label }: { job: ImportJob | undefined; label: string }) {
  const progress = job ? progressOf(job) : { percent: null, text: "Sending the file…" };
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="import-progress">
        {label}
      </label>
      {progress.percent === null ? (
        <progress className="app-progress" id="import-progress" />
      ) : (
        <progress className="app-progress" id="import-progress" max={100} value={progress.percent} />
      )}
      <p className="govuk-body" role="status" aria-live="polite">
        {progress.text}
      </p>
    </div>
  );
}
