import { useState, type ChangeEvent, type FormEvent } from "react";
import { useHomes } from "../../../auth/HomeProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button } from "../../../components/fields";
import { PageHeading } from "../../../components/PageHeading";
import { EstateToolsLinks } from "../defects/EstateToolsLinks";
import { Select } from "../../../components/fields";
import { csvHeadings, mappingFor, validateFile } from "./importWizard";
import { JobProgress } from "./JobProgress";
import { useDryRun } from "./useDryRun";
import type { StepProps } from "./wizard";

export function UploadStep({ caption, wizard, update, go }: StepProps) {
  const { homes } = useHomes();
  const [homeId, setHomeId] = useState(wizard.homeId);
  const [file, setFile] = useState<File | null>(null);
  const dryRun = useDryRun(wizard, update, go, "columns");
  const chosen = file ?? wizard.file;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [...validateFile(chosen), ...(homeId ? [] : [{ field: "home_id", message: "Choose the home the assets are in" }])];
    if (problems.length > 0 || !chosen) return dryRun.fail(problems);
    const headings = /\.csv$/i.test(chosen.name) ? csvHeadings(await chosen.slice(0, 64 * 1024).text()) : null;
    void dryRun.run({ file: chosen, homeId, headings }, mappingFor(headings, wizard.mapping));
  };
  const errorFor = (field: string) => dryRun.errors.find((error) => error.field === field)?.message;
  const summary = dryRun.errors.map(({ field, message }) => ({ target: field === "file" ? "import-file" : field === "home_id" ? "import-home" : null, text: message }));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {summary.length > 0 && <ErrorSummary key={dryRun.attempt} items={summary} />}
        <PageHeading caption={caption} title="Import assets from a spreadsheet" hasErrors={summary.length > 0}>
          Import assets from a spreadsheet
        </PageHeading>
        <p className="govuk-body">Add many assets to a home at once from a CSV file or an Excel workbook. Care Hub checks every row first and imports nothing until the whole file is right.</p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">How to set out the spreadsheet</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">Put the headings in row 1 and one asset in each row below. Every asset needs a name and a category code (like hoist or wheelchair). A blank tag gets a Care Hub tag.</p>
            <p className="govuk-body">Headings named like Care Hub’s fields (Name, Category, Serial, Make, Model, Purchase date…) are matched for you. You will be asked about any other column.</p>
            <p className="govuk-body">Cells with formulas are not imported: copy and paste them as values first.</p>
          </div>
        </details>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={dryRun.busy}>
          {homes.length > 1 ? (
            <Select
              id="import-home"
              name="home_id"
              label="Which home are the assets in?"
              bold
              value={homeId}
              onChange={setHomeId}
              error={errorFor("home_id")}
              options={[{ value: "", label: "Choose a home" }, ...homes.map((home) => ({ value: home.id, label: home.name }))]}
            />
          ) : (
            <p className="govuk-body">
              The assets will be added to <strong>{homes[0]?.name ?? "your home"}</strong>.
            </p>
          )}
          <div className={`govuk-form-group${errorFor("file") ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="import-file">
              {wizard.file ? "Upload the spreadsheet again, or a corrected one" : "Upload the spreadsheet"}
            </label>
            <div className="govuk-hint" id="import-file-hint">
              A .csv or .xlsx file, smaller than 50 MB
              {wizard.file ? `. If you do not choose one, ${wizard.file.name} is checked again` : ""}
            </div>
            {errorFor("file") && (
              <p id="import-file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errorFor("file")}
              </p>
            )}
            <input
              className={`govuk-file-upload${errorFor("file") ? " govuk-file-upload--error" : ""}`}
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`import-file-hint${errorFor("file") ? " import-file-error" : ""}`}
              onChange={(event: ChangeEvent<HTMLInputElement>) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          {dryRun.waiting ? (
            <JobProgress job={dryRun.job} label={`Checking ${chosen?.name ?? "the file"}`} />
          ) : (
            <Button disabled={dryRun.busy}>{dryRun.busy ? "Sending…" : "Continue"}</Button>
          )}
        </form>
        <EstateToolsLinks here="import" />
      </div>
    </div>
  );
}
