import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { useHomes } from "../../../auth/HomeProvider";
import { Button } from "../../../components/fields";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { ConfirmationPanel } from "../defects/ConfirmationPanel";
import { isFinished } from "./importWizard";
import { JobProgress } from "./JobProgress";
import { ProblemsTable } from "./ProblemsTable";
import type { ImportJob } from "./types";
import type { StepProps } from "./wizard";

export function ImportStep({ caption, wizard, job, error, update, go }: StepProps & { job: ImportJob | undefined; error: unknown }) {
  const queryClient = useQueryClient();
  const { homes } = useHomes();
  const finished = isFinished(job);
  useEffect(() => {
    if (job?.status === "succeeded") void queryClient.invalidateQueries({ queryKey: ["assets"] });
  }, [job?.status, queryClient]);

  if (error && !job) return <ProblemMessage error={error} />;
  if (!job || !finished) {
    return (
      <>
        <PageHeading caption={caption} title="Importing the assets">
          Importing the assets
        </PageHeading>
        <p className="govuk-body">You can leave this page: the import carries on. It is all or nothing, so a half-finished import never leaves half the assets.</p>
        <JobProgress job={job} label={`Importing ${wizard.file?.name ?? "the file"}`} />
      </>
    );
  }
  const home = homes.find((h) => h.id === job.home_id);
  if (job.status === "succeeded") {
    return (
      <>
        <ConfirmationPanel title={job.created_assets === 1 ? "1 asset imported" : `${job.created_assets.toLocaleString("en-GB")} assets imported`}>
          into {home?.name ?? "the home"}
        </ConfirmationPanel>
        <h2 className="govuk-heading-m">What next</h2>
        <ul className="govuk-list govuk-list--spaced">
          <li>
            <Link className="govuk-link" to={`/estate/assets?home_id=${job.home_id}`}>
              See the assets in {home?.name ?? "the home"}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/estate/labels?home=${job.home_id}`}>
              Print QR labels for {home?.name ?? "the home"}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/estate/import" onClick={() => update({ file: null, headings: null, checkJobId: null, importJobId: null })}>
              Import another spreadsheet
            </Link>
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <PageHeading caption={caption} title="The assets were not imported">
        The assets were not imported
      </PageHeading>
      <p className="govuk-body">Nothing was added: an import is all or nothing. The reason is below.</p>
      {job.problem_count > 0 && <ProblemsTable job={job} />}
      <Button type="button" onClick={() => go("upload")}>
        Upload the corrected file
      </Button>
    </>
  );
}
