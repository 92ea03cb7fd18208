// Daily notes: the careplan-api calls, the one-tap entries and the free-text form's rules.
// Notes are append-only: a mistake is put right by a new note that names the one it corrects.
import type { FieldMessage } from "../../../api/messages";
import { careplan } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { londonInstant } from "./time";
import type { FluidTotals, Note, NoteCategory, NoteCreate, NotePage } from "./types";

export const CATEGORY_NAMES: Record<NoteCategory, string> = {
  personal_care: "Personal care",
  food: "Food",
  fluids: "Drinks",
  mood_and_wellbeing: "Mood and wellbeing",
  activity: "Activity",
  sleep: "Sleep",
  continence: "Continence",
  visit: "Visit",
  incident: "Incident",
};

/** In the order a carer meets them on a shift. */
export const CATEGORIES: readonly NoteCategory[] = [
  "fluids",
  "food",
  "personal_care",
  "continence",
  "sleep",
  "mood_and_wellbeing",
  "activity",
  "visit",
  "incident",
];

export interface QuickEntry {
  /** The button's words, and the note's text. */
  label: string;
  category: NoteCategory;
  fluidMl?: number;
}

/** The entries written most often, each one tap. Grouped by category on the page. */
export const QUICK_ENTRIES: readonly QuickEntry[] = [
  { label: "Drank 100 ml", category: "fluids", fluidMl: 100 },
  { label: "Drank 200 ml", category: "fluids", fluidMl: 200 },
  { label: "Drank 300 ml", category: "fluids", fluidMl: 300 },
  { label: "Had breakfast", category: "food" },
  { label: "Had lunch", category: "food" },
  { label: "Had evening meal", category: "food" },
  { label: "Had a snack", category: "food" },
  { label: "Refused a meal", category: "food" },
  { label: "Personal care given", category: "personal_care" },
  { label: "Bath or shower given", category: "personal_care" },
  { label: "Refused personal care", category: "personal_care" },
  { label: "Continence care given", category: "continence" },
  { label: "Slept well", category: "sleep" },
  { label: "Restless night", category: "sleep" },
  { label: "Settled and content", category: "mood_and_wellbeing" },
  { label: "Anxious or low", category: "mood_and_wellbeing" },
  { label: "Joined in an activity", category: "activity" },
  { label: "Had a visitor", category: "visit" },
];

export function quickGroups(): { category: NoteCategory; entries: QuickEntry[] }[] {
  return CATEGORIES.map((category) => ({ category, entries: QUICK_ENTRIES.filter((e) => e.category === category) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** The note a one-tap entry writes, timed now. */
export function quickNote(entry: QuickEntry, now: Date): NoteCreate {
  return {
    occurred_at: now.toISOString(),
    category: entry.category,
    text: `${entry.label}.`,
    fluid_ml: entry.fluidMl ?? null,
    handover: false,
  };
}

/** The free-text note form, as typed. */
export interface NoteFormValues {
  category: NoteCategory | "";
  text: string;
  fluidMl: string;
  /** "HH:MM" today, or blank for now. */
  time: string;
  handover: boolean;
}

export const EMPTY_NOTE: NoteFormValues = { category: "", text: "", fluidMl: "", time: "", handover: false };

export const NOTE_LABELS: Record<string, string> = {
  category: "what the note is about",
  text: "the note",
  fluid_ml: "how much they drank",
  occurred_at: "the time",
  corrects_note_id: "the note being corrected",
  handover: "whether to flag it for handover",
};

/** Form field ids by API field, for the error summary's links. */
export const NOTE_FIELD_IDS: Record<string, string> = {
  category: "note-category",
  text: "note-text",
  fluid_ml: "note-fluid_ml",
  occurred_at: "note-time",
};

const FIVE_MINUTES = 5 * 60_000;

/** The checks worth making before asking the server, which checks everything again. */
export function validateNote(values: NoteFormValues, today: string, now: Date): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!values.category) errors.push({ field: "category", message: "Select what the note is about" });
  const text = values.text.trim();
  if (!text) errors.push({ field: "text", message: "Enter the note" });
  else if (text.length > 2000) errors.push({ field: "text", message: "The note must be 2,000 characters or fewer" });
  if (values.category === "fluids") {
    const ml = values.fluidMl.trim();
    if (!ml) errors.push({ field: "fluid_ml", message: "Enter how much they drank, in millilitres" });
    else if (!/^\d+$/.test(ml)) errors.push({ field: "fluid_ml", message: "How much they drank must be a whole number of millilitres, like 200" });
    else if (Number(ml) < 1 || Number(ml) > 2000) errors.push({ field: "fluid_ml", message: "How much they drank must be between 1 and 2,000 ml" });
  }
  const time = values.time.trim();
  if (time) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.push({ field: "occurred_at", message: "Enter the time as hours and minutes, like 14:30" });
    else if (londonInstant(today, time).getTime() > now.getTime() + FIVE_MINUTES) {
      errors.push({ field: "occurred_at", message: "The time cannot be later than now" });
    }
  }
  return errors;
}

/** The note to send; call only when `validateNote` found nothing. */
export function toNoteCreate(values: NoteFormValues, today: string, now: Date, corrects?: string): NoteCreate {
  const category = values.category || "mood_and_wellbeing";
  const time = values.time.trim();
  return {
    occurred_at: (time ? londonInstant(today, time) : now).toISOString(),
    category,
    text: values.text.trim(),
    fluid_ml: category === "fluids" ? Number(values.fluidMl.trim()) : null,
    handover: values.handover,
    ...(corrects ? { corrects_note_id: corrects } : {}),
  };
}

/** A correction starts from the note as written, at the time it happened. */
export function correctionValues(note: Note): NoteFormValues {
  return {
    category: note.category,
    text: note.text,
    fluidMl: note.fluid_ml === null ? "" : String(note.fluid_ml),
    time: "",
    handover: note.handover,
  };
}

/** A correction keeps the original's time (it says what happened then), whatever the form says. */
export function toCorrection(values: NoteFormValues, original: Note): NoteCreate {
  const category = values.category || original.category;
  return {
    occurred_at: original.occurred_at,
    category,
    text: values.text.trim(),
    fluid_ml: category === "fluids" ? Number(values.fluidMl.trim()) : null,
    handover: values.handover,
    corrects_note_id: original.id,
  };
}

export interface FluidSummary {
  totalMl: number;
  targetMl: number;
  percent: number;
  met: boolean;
  /** "350 ml of 1,500 ml (23%)". */
  text: string;
  targetFrom: string;
}

const ml = (n: number) => `${n.toLocaleString("en-GB")} ml`;

export function fluidSummary(totals: FluidTotals, day: string): FluidSummary {
  const found = totals.days.find((d) => d.date === day);
  const totalMl = found?.total_ml ?? 0;
  const targetMl = found?.target_ml ?? totals.target_ml;
  const percent = found?.percent_of_target ?? 0;
  return {
    totalMl,
    targetMl,
    percent,
    met: found?.target_met ?? false,
    text: `${ml(totalMl)} of ${ml(targetMl)} (${percent}%)`,
    targetFrom:
      totals.target_source === "resident"
        ? "Their daily target is set in their care record."
        : "The usual daily target for their sex: about 80% of the EFSA adequate water intake (the share that comes from drinks).",
  };
}

// ---- API calls -------------------------------------------------------------------------

const SAVE_TIMEOUT_MS = 20_000;

export async function fetchNotes(residentId: string, day: string, cursor: string | null, limit = 100): Promise<NotePage> {
  return unwrap(
    careplan.GET("/v1/residents/{resident_id}/notes", {
      params: { path: { resident_id: residentId }, query: { date: day, sort: "-occurred_at", limit, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export async function fetchFluidTotals(residentId: string, day: string): Promise<FluidTotals> {
  return unwrap(
    careplan.GET("/v1/residents/{resident_id}/fluid-totals", {
      params: { path: { resident_id: residentId }, query: { from_date: day, to_date: day } },
    }),
  );
}

/** POST a note with the save queue's Idempotency-Key, so a retry after a lost answer saves it once. */
export async function addNote(residentId: string, note: NoteCreate, idempotencyKey: string): Promise<Note> {
  return unwrap(
    careplan.POST("/v1/residents/{resident_id}/notes", {
      params: { path: { resident_id: residentId }, header: { "idempotency-key": idempotencyKey } },
      body: note,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
}

export const notesKey = (residentId: string) => ["daily", "notes", residentId] as const;
export const fluidKey = (residentId: string) => ["daily", "fluids", residentId] as const;
