import { useMemo, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button } from "../../../components/fields";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { useCategories } from "../defects/lookups";
import { ASSET_FIELDS, columnsOf, extraFieldChoices, IGNORE, sameMapping, startingMapping, validateMapping, type Choice, type Mapping } from "./importWizard";
import { JobProgress } from "./JobProgress";
import type { ImportJob } from "./types";
import { useDryRun } from "./useDryRun";
import type { StepProps } from "./wizard";

export function ColumnsStep({ caption, wizard, job, update, go }: StepProps & { job: ImportJob }) {
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

export function ColumnChoice({ id, column, value, extras, error, onChange }: { id: string; column: string; value: string; extras: Choice[]; error: string | undefined; onChange: (field: string) => void }) {
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
