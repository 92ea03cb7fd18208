import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useHomes } from "../../../auth/HomeProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import "../notes/daily.css";
import { CareNav } from "../residents/CareNav";
import { CATEGORY_NAMES } from "../notes/notes";
import { residentName } from "../residents/names";
import { formatDay, formatTime, londonDate } from "../notes/time";
import { sectionLink } from "../reviews/reviews";
import { bandClass, bandName, TOOL_SHORT } from "../risks/tools";
import { choiceFrom, fetchHandover, SHIFT_ORDER, SHIFTS, shiftWindow, windowText, type Handover as HandoverData, type Shift } from "./handover";

export default function Handover() {
  const { current, loading } = useHomes();
  const [params, setParams] = useSearchParams();
  const today = londonDate();
  const choice = choiceFrom(params, today);
  const [shift, setShift] = useState<Shift>(choice.shift);
  const [date, setDate] = useState(choice.date);
  // "The last 12 hours" moves with the clock: fixed when the page (or the choice) loads.
  const { shift: chosenShift, date: chosenDate } = choice;
  const span = useMemo(() => shiftWindow({ shift: chosenShift, date: chosenDate }, new Date()), [chosenShift, chosenDate]);
  const homeId = current?.id ?? "";
  const query = useQuery({
    queryKey: ["daily", "handover", homeId, span.from.toISOString(), span.to.toISOString()],
    queryFn: () => fetchHandover(homeId, span),
    enabled: homeId !== "",
    placeholderData: keepPreviousData,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ shift });
    if (shift !== "last12") next.set("date", date);
    setParams(next);
  };

  return (
    <div className="app-handover">
      <CareNav current="handover" />
      <PageHeading caption={current?.name ?? "Care"} title="Shift handover">
        Shift handover
      </PageHeading>
      {!current && !loading && <p className="govuk-body">Choose a home to work in to see its handover.</p>}
      {current && (
        <form className="app-filters app-no-print" aria-label="Which shift" onSubmit={apply}>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="handover-shift">
              Shift
            </label>
            <select className="govuk-select" id="handover-shift" name="shift" value={shift} onChange={(event) => setShift(event.target.value as Shift)}>
              {SHIFT_ORDER.map((key) => (
                <option key={key} value={key}>
                  {SHIFTS[key].name}
                </option>
              ))}
            </select>
          </div>
          {shift !== "last12" && (
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="handover-date">
                Starting on
              </label>
              <input className="govuk-input govuk-input--width-10" id="handover-date" name="date" type="date" max={today} value={date} onChange={(event) => setDate(event.target.value)} />
            </div>
          )}
          <div className="govuk-form-group">
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
              Show handover
            </button>
          </div>
        </form>
      )}
      {current && <p className="govuk-body-l">{windowText(span)}</p>}
      {(loading || (homeId && query.isPending)) && <Loading text="Loading the handover…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.data && (
        <>
          <Sections data={query.data} />
          <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => globalThis.print()}>
            Print handover
          </button>
          <p className="govuk-body-s">Printed copies hold personal information: shred them at the end of the shift.</p>
        </>
      )}
    </div>
  );
}

function Sections({ data }: { data: HandoverData }) {
  return (
    <div aria-live="polite">
      <section className="app-print-section" aria-labelledby="handover-incidents">
        <h2 className="govuk-heading-m" id="handover-incidents">
          Incidents ({data.incidents.length})
        </h2>
        <NotesTable notes={data.incidents} empty="No incidents were recorded in this shift." />
      </section>
      <section className="app-print-section" aria-labelledby="handover-notes">
        <h2 className="govuk-heading-m" id="handover-notes">
          Notes for handover ({data.handover_notes.length})
        </h2>
        <NotesTable notes={data.handover_notes} empty="No notes were flagged for handover." />
      </section>
      <section className="app-print-section" aria-labelledby="handover-risks">
        <h2 className="govuk-heading-m" id="handover-risks">
          New risk results ({data.risk_results.length})
        </h2>
        {data.risk_results.length === 0 ? (
          <p className="govuk-body">No risk assessments were recorded in this shift.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Risk assessments recorded in the shift</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Time
                </th>
                <th scope="col" className="govuk-table__header">
                  Resident
                </th>
                <th scope="col" className="govuk-table__header">
                  Result
                </th>
                <th scope="col" className="govuk-table__header">
                  By
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.risk_results.map((risk) => (
                <tr className="govuk-table__row" key={risk.assessment_id}>
                  <td className="govuk-table__cell">{formatTime(risk.assessed_at)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/care/residents/${risk.resident_id}/risks/${risk.assessment_id}`}>
                      {residentName(risk)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    {TOOL_SHORT[risk.tool]} {risk.score} <strong className={bandClass(risk.tool, risk.band)}>{bandName(risk.tool, risk.band)}</strong>
                  </td>
                  <td className="govuk-table__cell">{risk.assessor_name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="app-print-section" aria-labelledby="handover-reviews">
        <h2 className="govuk-heading-m" id="handover-reviews">
          Care plan reviews due by the end of the shift ({data.reviews_due.length})
        </h2>
        {data.reviews_due.length === 0 ? (
          <p className="govuk-body">No reviews are due.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Care plan sections due for review</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Resident
                </th>
                <th scope="col" className="govuk-table__header">
                  Plan section
                </th>
                <th scope="col" className="govuk-table__header">
                  Due
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.reviews_due.map((review) => (
                <tr className="govuk-table__row" key={review.section_id}>
                  <td className="govuk-table__cell">{residentName(review)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={sectionLink(review.resident_id, review.domain)}>
                      {review.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    {formatDay(review.next_review_date)}
                    {review.overdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function NotesTable({ notes, empty }: { notes: HandoverData["incidents"]; empty: string }) {
  if (notes.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <table className="govuk-table">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Time
          </th>
          <th scope="col" className="govuk-table__header">
            Resident
          </th>
          <th scope="col" className="govuk-table__header">
            Note
          </th>
          <th scope="col" className="govuk-table__header">
            By
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {notes.map((note) => (
          <tr className="govuk-table__row" key={note.note_id}>
            <td className="govuk-table__cell" title={formatDateTime(note.occurred_at)}>
              {formatTime(note.occurred_at)}
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/care/residents/${note.resident_id}/notes`}>
                {residentName(note)}
              </Link>
            </td>
            <td className="govuk-table__cell">
              <span className="govuk-body-s app-secondary-text">{CATEGORY_NAMES[note.category]}{note.corrects_note_id ? " (correction)" : ""}: </span>
              {note.text}
            </td>
            <td className="govuk-table__cell">{note.author_name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
