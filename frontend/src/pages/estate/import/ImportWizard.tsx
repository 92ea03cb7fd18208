import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import { ConfirmationPanel } from "../defects/ConfirmationPanel";
import { EstateToolsLinks } from "../defects/EstateToolsLinks";
import { Select } from "../defects/fields";
import { useCategories } from "../defects/lookups";
import {
  ASSET_FIELDS,
  columnsOf,
  csvHeadings,
  dryRunReady,
  extraFieldChoices,
  IGNORE,
  isFinished,
  mappingFor,
  sameMapping,
  startingMapping,
  validateFile,
  validateMapping,
  type Choice,
  type Mapping,
} from "./importWizard";
import { startImport, useImportJob } from "./imports";
import { JobProgress } from "./JobProgress";
import { ProblemsTable } from "./ProblemsTable";
import type { ImportJob } from "./types";
import "./import.css";

type Step = "upload" | "columns" | "check" | "import";
const STEPS: readonly Step[] = ["upload", "columns", "check", "import"];

/** Everything the steps share, kept while the person moves back and forth between them. */
interface Wizard {
  homeId: string;
  file: File | null;
  /** A CSV's headings in file order (an Excel file's are only known from the service's report). */
  headings: string[] | null;
  /** What each column holds, as the person chose: kept for a corrected file's columns too. */
  mapping: Mapping;
  checkJobId: string | null;
  importJobId: string | null;
}

function errorMessages(error: unknown, labels: Record<string, string>): FieldMessage[] {
  if (error instanceof SaveDiscarded) return [{ field: "", message: "The file was not sent. Try again when you are back online." }];
  if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) return fieldMessages(error, labels);
  if (error instanceof ApiProblem) return [{ field: "", message: problemSentence(error) }];
  return [{ field: "", message: "Sorry, the file could not be sent. Try again." }];
}

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

interface StepProps {
  caption: string;
  wizard: Wizard;
  update: (change: Partial<Wizard>) => void;
  go: (step: Step) => void;
}

/**
 * Sends a dry run and waits for its report, then moves on. The wizard learns of the new job only
 * once it has finished, so the step showing the progress stays on screen until then.
 */
function useDryRun(wizard: Wizard, update: StepProps["update"], go: StepProps["go"], next: Step) {
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

function UploadStep({ caption, wizard, update, go }: StepProps) {
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

function ColumnsStep({ caption, wizard, job, update, go }: StepProps & { job: ImportJob }) {
  const categories = useCategories();
  const columns = useMemo(() => columnsOf(job.report, wizard.headings), [job.report, wizard.headings]);
  const [mapping, setMapping] = useState<Mapping>(() => startingMapping(columns, job.report, wizard.mapping));
  const dryRun = useDryRun(wizard, update, go, "check");
  const extras = useMemo(() => extraFieldChoices(categories.data ?? []), [categories.data]);
  const fieldName = (field: string) => [...ASSET_FIELDS, ...extras].find((choice) => choice.value === field)?.label ?? field;
  const unmatched = (job.report.unmapped_columns ?? []).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateMapping(mapping, fieldName);
    if (problems.length > 0) return dryRun.fail(problems);
    update({ mapping: { ...wizard.mapping, ...mapping } });
    // The report already answers for these matches when they are the ones the service used.
    if (sameMapping(mapping, startingMapping(columns, job.report, {}))) return go("check");
    if (wizard.file) void dryRun.run({ file: wizard.file }, mapping);
  };
  const errorFor = (column: string) => dryRun.errors.find((error) => error.field === column)?.message;
  const idOf = (column: string) => `column-${columns.indexOf(column)}`;
  const summary = dryRun.errors.map(({ field, message }) => ({ target: field && columns.includes(field) ? idOf(field) : null, text: message }));

  return (
    <>
      <Link className="govuk-back-link" to="/estate/import">
        Back
      </Link>
      {summary.length > 0 && <ErrorSummary key={dryRun.attempt} items={summary} />}
      <PageHeading caption={caption} title="Match the columns" hasErrors={summary.length > 0}>
        What does each column hold?
      </PageHeading>
      <p className="govuk-body">
        {wizard.file?.name ?? job.file_name} has {columns.length === 1 ? "1 column" : `${columns.length} columns`}.{" "}
        {unmatched > 0
          ? `Care Hub could not match ${unmatched === 1 ? "1 of them" : `${unmatched} of them`}: choose what ${unmatched === 1 ? "it holds" : "they hold"}, or choose not to import ${unmatched === 1 ? "it" : "them"}.`
          : "Check Care Hub has matched them right."}
      </p>
      {categories.isError && <ProblemMessage error={categories.error} />}
      <form onSubmit={submit} noValidate aria-busy={dryRun.busy}>
        <table className="govuk-table app-mapping-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Columns in the file</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Column in the file
              </th>
              <th scope="col" className="govuk-table__header">
                What it holds
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {columns.map((column) => (
              <tr className="govuk-table__row" key={column}>
                <th scope="row" className="govuk-table__header">
                  {column}
                </th>
                <td className="govuk-table__cell">
                  <ColumnChoice
                    id={idOf(column)}
                    column={column}
                    value={mapping[column] ?? ""}
                    extras={extras}
                    error={errorFor(column)}
                    onChange={(field) => setMapping((old) => ({ ...old, [column]: field }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {dryRun.waiting ? <JobProgress job={dryRun.job} label="Checking every row" /> : <Button disabled={dryRun.busy}>Continue</Button>}
      </form>
    </>
  );
}

function ColumnChoice({ id, column, value, extras, error, onChange }: { id: string; column: string; value: string; extras: Choice[]; error: string | undefined; onChange: (field: string) => void }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
        What the column “{column}” holds
      </label>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={column}
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose what it holds</option>
        <optgroup label="Asset details">
          {ASSET_FIELDS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </optgroup>
        {extras.length > 0 && (
          <optgroup label="Extra details of a category">
            {extras.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </optgroup>
        )}
        <option value={IGNORE}>Do not import this column</option>
      </select>
    </div>
  );
}

function CheckStep({ caption, wizard, job, update, go }: StepProps & { job: ImportJob }) {
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

function ImportStep({ caption, wizard, job, error, update, go }: StepProps & { job: ImportJob | undefined; error: unknown }) {
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
            <Link className="govuk-link" to={`/estate/assets?home=${job.home_id}`}>
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
