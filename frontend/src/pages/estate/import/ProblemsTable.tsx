import { problemText, sortedProblems } from "./importWizard";
import type { ImportJob } from "./types";

/** The dry run's report: each problem with its spreadsheet row and column. */
export function ProblemsTable({ job }: { job: ImportJob }) {
  const problems = sortedProblems(job.report.problems ?? []);
  const more = job.problem_count - problems.length;
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {job.problem_count === 1 ? "1 problem" : `${job.problem_count.toLocaleString("en-GB")} problems`} in {job.file_name}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Row
            </th>
            <th scope="col" className="govuk-table__header">
              Column
            </th>
            <th scope="col" className="govuk-table__header">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {problems.map((problem, index) => (
            <tr className="govuk-table__row" key={`${problem.row ?? 0}-${problem.column ?? ""}-${index}`}>
              <td className="govuk-table__cell govuk-table__cell--numeric">{problem.row === 1 ? "Headings" : (problem.row ?? "–")}</td>
              <td className="govuk-table__cell">{problem.column ?? (problem.row === null ? "Whole file" : "Whole row")}</td>
              <td className="govuk-table__cell">{problemText(problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="govuk-body">The first {problems.length.toLocaleString("en-GB")} problems are shown. Fix these and check the file again to see the rest.</p>}
    </>
  );
}
