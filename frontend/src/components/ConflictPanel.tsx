import { useEffect, useRef } from "react";
import type { Conflict } from "../lib/conflict";
import { Button } from "./fields";

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  return String(value);
}

interface Props<K extends string> {
  conflict: Conflict<K>;
  labels: Record<K, string>;
  /** Who changed it and when, if known: "at 14:05 today". */
  changedAt?: string;
  /** Also display a value as a person reads it (a status's label, say). */
  format?: (field: K, value: unknown) => string;
  onUseTheirs: () => void;
  onKeepMine: () => void;
  busy?: boolean;
}

/**
 * "Someone else changed this": both versions side by side, and the person chooses. Keeping
 * theirs reloads the form with the saved record; keeping mine saves my changes on top of the
 * new version (only the fields I changed).
 */
export function ConflictPanel<K extends string>({ conflict, labels, changedAt, format, onUseTheirs, onKeepMine, busy }: Props<K>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const rows = conflict.rows.filter((row) => row.iChanged || row.theyChanged);
  const display = (field: K, value: unknown) => (format ? format(field, value) : shown(value));
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby="conflict-title" role="region">
      <h2 className="govuk-error-summary__title" id="conflict-title">
        Someone else changed this while you were working on it
      </h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          Your changes have not been saved{changedAt ? `. It was changed ${changedAt}` : ""}. Check both versions, then choose
          which to keep.
        </p>
        <table className="govuk-table app-conflict-table">
          <caption className="govuk-table__caption govuk-table__caption--s">What is different</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Detail
              </th>
              <th scope="col" className="govuk-table__header">
                Saved by someone else
              </th>
              <th scope="col" className="govuk-table__header">
                Your version (not saved)
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.field}>
                <th scope="row" className="govuk-table__header">
                  {labels[row.field]}
                  {row.clash && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Both changed</strong>}
                </th>
                <td className={`govuk-table__cell${row.theyChanged ? " app-changed" : ""}`}>{display(row.field, row.theirs)}</td>
                <td className={`govuk-table__cell${row.iChanged ? " app-changed" : ""}`}>{display(row.field, row.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="govuk-button-group">
          <Button type="button" onClick={onKeepMine} disabled={busy}>
            Keep my changes and save
          </Button>
          <Button type="button" secondary onClick={onUseTheirs} disabled={busy}>
            Use their version
          </Button>
        </div>
      </div>
    </div>
  );
}
