// The figures behind a chart, as a GOV.UK table: what a screen reader reads, and what anyone can
// check or copy. Missing values say why (for example "Suppressed"), never 0.

export interface ChartTableProps {
  caption: string;
  rowHeader: string;
  rows: readonly string[];
  columns: readonly string[];
  values: readonly (readonly (number | null)[])[];
  format: (value: number) => string;
  nullText: string;
}

export function ChartTable({ caption, rowHeader, rows, columns, values, format, nullText }: ChartTableProps) {
  return (
    <details className="govuk-details govuk-!-margin-top-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Show the figures as a table</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {rowHeader}
              </th>
              {columns.map((column) => (
                <th key={column} scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row, r) => (
              <tr key={row} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {row}
                </th>
                {columns.map((column, c) => {
                  const value = values[r]?.[c] ?? null;
                  return (
                    <td key={column} className="govuk-table__cell govuk-table__cell--numeric">
                      {value === null ? nullText : format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
