import { useInfiniteQuery } from "@tanstack/react-query";
import { Loading } from "../../../components/Loading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { CATEGORY_NAMES, fetchNotes, notesKey } from "./notes";
import { formatTime } from "./time";
import type { Note } from "./types";

interface Props {
  residentId: string;
  day: string;
  /** Shown when the day has no notes. */
  empty: string;
  /** Offered on notes that have not been corrected yet, to people who may write notes. */
  onCorrect?: ((note: Note) => void) | undefined;
}

/** One day's notes, latest first, a page at a time. */
export function NoteList({ residentId, day, empty, onCorrect }: Props) {
  const query = useInfiniteQuery({
    queryKey: [...notesKey(residentId), day],
    queryFn: ({ pageParam }) => fetchNotes(residentId, day, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
  if (query.isPending) return <Loading text="Loading notes…" />;
  if (query.isError) return <ProblemMessage error={query.error} />;
  const notes = query.data.pages.flatMap((page) => page.items);
  if (notes.length === 0) return <p className="govuk-body">{empty}</p>;
  const byId = new Map(notes.map((note) => [note.id, note]));
  return (
    <>
      <ol className="app-note-list" aria-busy={query.isFetching}>
        {notes.map((note) => (
          <NoteItem key={note.id} note={note} byId={byId} onCorrect={onCorrect} />
        ))}
      </ol>
      {query.hasNextPage && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : "Show more notes from this day"}
        </button>
      )}
    </>
  );
}

function NoteItem({ note, byId, onCorrect }: { note: Note; byId: Map<string, Note>; onCorrect?: ((note: Note) => void) | undefined }) {
  const corrected = note.corrected_by_note_id !== null;
  const original = note.corrects_note_id ? byId.get(note.corrects_note_id) : undefined;
  return (
    <li className={`app-note${corrected ? " app-note--corrected" : ""}`}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong className="app-note__time">{formatTime(note.occurred_at)}</strong>{" "}
        <strong className={`govuk-tag${note.category === "incident" ? " govuk-tag--red" : " govuk-tag--grey"}`}>{CATEGORY_NAMES[note.category]}</strong>
        {note.fluid_ml !== null && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">{note.fluid_ml} ml</strong>}
        {note.handover && <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">For handover</strong>}
        {corrected && <strong className="govuk-tag govuk-tag--orange govuk-!-margin-left-1">Corrected</strong>}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1 app-note__text">{note.text}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-1 app-secondary-text">
        {note.corrects_note_id &&
          (original ? `Correction of the note written at ${formatTime(original.occurred_at)}. ` : "Correction of an earlier note. ")}
        {corrected && "A later note corrects this one. "}
        By {note.author_name}
      </p>
      {onCorrect && !corrected && (
        <button type="button" className="app-link-button" onClick={() => onCorrect(note)}>
          Correct this note<span className="govuk-visually-hidden"> from {formatTime(note.occurred_at)}</span>
        </button>
      )}
    </li>
  );
}
