import { useEffect, useState } from "react";
import type { FieldMessage } from "../../../api/messages";
import { saveQueue } from "../../../lib/saveQueue";
import { isFinished, type Mapping } from "./importWizard";
import { startImport, useImportJob } from "./imports";
import { errorMessages, type Step, type StepProps, type Wizard } from "./wizard";

/**
 * Sends a dry run and waits for its report, then moves on. The wizard learns of the new job only
 * once it has finished, so the step showing the progress stays on screen until then.
 */
export function useDryRun(wizard: Wizard, update: StepProps["update"], go: StepProps["go"], next: Step) {
  const [pending, setPending] = useState<{ jobId: string; change: Partial<Wizard> } | null>(null);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const job = useImportJob(pending?.jobId ?? null);

  useEffect(() => {
    if (pending && isFinished(job.data)) {
      setPending(null);
      update({ ...pending.change, checkJobId: pending.jobId, importJobId: null });
      go(next);
    }
  }, [pending, job.data, update, go, next]);

  const run = async (change: Partial<Wizard> & { file: File }, mapping: Mapping) => {
    setSending(true);
    setErrors([]);
    try {
      const started = await saveQueue.submit(`Checking ${change.file.name}`, (key) =>
        startImport({ file: change.file, homeId: change.homeId ?? wizard.homeId, mapping, dryRun: true }, key),
      );
      setPending({ jobId: started.id, change });
    } catch (error) {
      setErrors(errorMessages(error, { file: "the file", home_id: "the home", mapping: "the column matches" }));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  };
  const fail = (problems: FieldMessage[]) => {
    setErrors(problems);
    setAttempt((n) => n + 1);
  };
  return { run, fail, busy: sending || pending !== null, waiting: pending !== null, job: job.data, errors, attempt };
}
