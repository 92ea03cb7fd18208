import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { problemSentence } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import "./daily.css";
import { NoteForm } from "./NoteForm";
import { NoteList } from "./NoteList";
import { addNote, CATEGORY_NAMES, fetchFluidTotals, fluidKey, fluidSummary, notesKey, quickGroups, quickNote, type QuickEntry } from "./notes";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { ResidentHeader } from "../residents/ResidentNav";
import { addDays, dayName, formatDay, formatTime, isDate, londonDate } from "./time";
import type { Note, NoteCreate } from "./types";

export default function DailyNotes() {
  const { residentId = "" } = useParams();
  const resident = useResident(residentId);
  if (resident.isPending) return <Loading text="Loading the resident…" />;
  if (resident.isError) {
    if (isNotFound(resident.error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, the notes could not be shown</PageHeading>
        <ProblemMessage error={resident.error} />
      </>
    );
  }
  return <NotesPage key={residentId} residentId={residentId} name={residentName(resident.data.resident)} admitted={resident.data.resident.admission_date} />;
}

function NotesPage({ residentId, name, admitted }: { residentId: string; name: string; admitted: string }) {
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  // The same set, read synchronously: two taps in one frame must not both start a save.
  const inFlight = useRef(new Set<string>());
  const mayWrite = can(session.roles, "careplan:note.write");
  const today = londonDate();

  const save = async (note: NoteCreate, label: string): Promise<Note> => {
    setSaved(null);
    setFailed(null);
    const result = await saveQueue.submit(`${label} for ${name}`, (key) => addNote(residentId, note, key));
    setSaved(`${note.corrects_note_id ? "Correction saved" : "Saved"}: ${result.text} (${formatTime(result.occurred_at)})`);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: notesKey(residentId) }),
      queryClient.invalidateQueries({ queryKey: fluidKey(residentId) }),
    ]);
    return result;
  };

  const tap = async (entry: QuickEntry) => {
    // A second tap while the first is saving would write the note twice. The button stays
    // focusable (aria-disabled, not disabled), so a keyboard user keeps their place.
    if (inFlight.current.has(entry.label)) return;
    inFlight.current.add(entry.label);
    setPending(new Set(inFlight.current));
    try {
      await save(quickNote(entry, new Date()), entry.label);
    } catch (error) {
      setFailed(
        error instanceof SaveDiscarded
          ? `“${entry.label}” was not saved. Tap it again when you are back online.`
          : error instanceof ApiProblem
            ? `“${entry.label}” was not saved. ${problemSentence(error)}`
            : `“${entry.label}” was not saved. Try again.`,
      );
    } finally {
      inFlight.current.delete(entry.label);
      setPending(new Set(inFlight.current));
    }
  };

  const earlier = earlierDay(params.get("day"), today, admitted);
  return (
    <>
      <ResidentHeader residentId={residentId} current="notes" />
      <PageHeading size="m" title={`Daily notes: ${name}`}>
        Daily notes
      </PageHeading>
      <div role="status" aria-live="polite" className="app-note-status">
        {saved && (
          <div className="govuk-notification-banner govuk-notification-banner--success app-compact-banner">
            <p className="govuk-notification-banner__heading govuk-!-margin-bottom-0">{saved}</p>
          </div>
        )}
      </div>
      {failed && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{failed}</p>
          </div>
        </div>
      )}
      <FluidToday residentId={residentId} today={today} />
      {mayWrite ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half app-stack-tablet">
            <h2 className="govuk-heading-m">One-tap notes</h2>
            <p className="govuk-body-s">Each button saves a note straight away, timed now.</p>
            {quickGroups().map((group) => (
              <section key={group.category} aria-labelledby={`quick-${group.category}`} className="app-quick-group">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`quick-${group.category}`}>
                  {CATEGORY_NAMES[group.category]}
                </h3>
                <div className="app-quick-grid">
                  {group.entries.map((entry) => (
                    <button
                      key={entry.label}
                      type="button"
                      className="govuk-button govuk-button--secondary app-quick-button"
                      aria-disabled={pending.has(entry.label)}
                      onClick={() => void tap(entry)}
                    >
                      {entry.label}
                    </button>
                  ))}
                </div>
              </section>
            ))}
          </div>
          <div className="govuk-grid-column-one-half app-stack-tablet">
            <NoteForm correcting={correcting} onCancelCorrection={() => setCorrecting(null)} save={save} />
          </div>
        </div>
      ) : (
        <p className="govuk-body">You can read these notes. Care staff on shift write them.</p>
      )}
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Today’s notes</h2>
      <NoteList residentId={residentId} day={today} empty="No notes yet today." onCorrect={mayWrite ? setCorrecting : undefined} />
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="earlier">
        Earlier notes: {dayName(earlier, today)}
      </h2>
      <NoteList residentId={residentId} day={earlier} empty={`No notes on ${formatDay(earlier)}.`} onCorrect={mayWrite ? setCorrecting : undefined} />
      <DayPager earlier={earlier} today={today} admitted={admitted} />
    </>
  );
}

/** The earlier day shown: from the URL, never today or later, never before admission. */
function earlierDay(param: string | null, today: string, admitted: string): string {
  const yesterday = addDays(today, -1);
  if (!param || !isDate(param) || param > yesterday) return yesterday < admitted ? admitted : yesterday;
  return param < admitted ? admitted : param;
}

function DayPager({ earlier, today, admitted }: { earlier: string; today: string; admitted: string }) {
  const before = addDays(earlier, -1);
  const after = addDays(earlier, 1);
  const hasBefore = before >= admitted;
  const hasAfter = after < today;
  if (!hasBefore && !hasAfter) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Earlier days">
      {hasAfter && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={`?day=${after}#earlier`} rel="prev">
            <span className="govuk-pagination__link-title">Later day</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{formatDay(after)}</span>
          </Link>
        </div>
      )}
      {hasBefore && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={`?day=${before}#earlier`} rel="next">
            <span className="govuk-pagination__link-title">Earlier day</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{formatDay(before)}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}

function FluidToday({ residentId, today }: { residentId: string; today: string }) {
  const query = useQuery({ queryKey: [...fluidKey(residentId), today], queryFn: () => fetchFluidTotals(residentId, today) });
  if (query.isPending) return <Loading text="Loading today’s drinks…" />;
  if (query.isError) return <ProblemMessage error={query.error} />;
  const summary = fluidSummary(query.data, today);
  return (
    <div className="app-fluid-today" aria-busy={query.isFetching}>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Drinks today</h2>
      <p className="govuk-body-l govuk-!-margin-bottom-1" data-testid="fluid-total">
        <strong>{summary.text}</strong>
        {summary.met && <strong className="govuk-tag govuk-tag--green govuk-!-margin-left-2">Target met</strong>}
      </p>
      <div className="app-fluid-bar" aria-hidden="true">
        <div className="app-fluid-bar__fill" style={{ width: `${Math.min(100, summary.percent)}%` }} />
      </div>
      <p className="govuk-body-s govuk-!-margin-bottom-0">{summary.targetFrom}</p>
    </div>
  );
}
