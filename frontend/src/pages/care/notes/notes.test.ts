import { describe, expect, it } from "vitest";
import { correctionValues, EMPTY_NOTE, fluidSummary, quickGroups, quickNote, QUICK_ENTRIES, toCorrection, toNoteCreate, validateNote } from "./notes";
import type { Note } from "./types";

const now = new Date("2026-12-04T15:00:00Z");
const today = "2026-12-04";

const note: Note = {
  id: "01a24323-33aa-7b4e-b199-a13122376c5f",
  resident_id: "8feb7965-aa28-4f8a-a208-bc4db5b97988",
  occurred_at: "2026-12-04T09:10:00Z",
  category: "fluids",
  text: "Cup of tea.",
  fluid_ml: 200,
  section_id: null,
  corrects_note_id: null,
  handover: false,
  corrected_by_note_id: null,
  author_name: "Casey Jones",
  created_at: "2026-12-04T09:10:01Z",
};

describe("one-tap notes", () => {
  it("writes the entry as the note, timed now, with millilitres only for drinks", () => {
    const drink = QUICK_ENTRIES.find((e) => e.label === "Drank 200 ml");
    const breakfast = QUICK_ENTRIES.find((e) => e.label === "Had breakfast");
    expect(drink && quickNote(drink, now)).toEqual({ occurred_at: "2026-12-04T15:00:00.000Z", category: "fluids", text: "Drank 200 ml.", fluid_ml: 200, handover: false });
    expect(breakfast && quickNote(breakfast, now)).toMatchObject({ category: "food", fluid_ml: null });
  });

  it("groups the entries by category, drinks first", () => {
    const groups = quickGroups();
    expect(groups[0]?.category).toBe("fluids");
    expect(groups.flatMap((g) => g.entries)).toHaveLength(QUICK_ENTRIES.length);
  });
});

describe("free-text note", () => {
  it("asks for a category and the note, and millilitres for a drink", () => {
    expect(validateNote(EMPTY_NOTE, today, now).map((e) => e.field)).toEqual(["category", "text"]);
    expect(validateNote({ ...EMPTY_NOTE, category: "fluids", text: "Juice" }, today, now)).toEqual([{ field: "fluid_ml", message: "Enter how much they drank, in millilitres" }]);
    expect(validateNote({ ...EMPTY_NOTE, category: "fluids", text: "Juice", fluidMl: "2500" }, today, now)[0]?.message).toBe("How much they drank must be between 1 and 2,000 ml");
    expect(validateNote({ ...EMPTY_NOTE, category: "fluids", text: "Juice", fluidMl: "20.5" }, today, now)[0]?.field).toBe("fluid_ml");
  });

  it("accepts an earlier time today, not a later one", () => {
    const values = { ...EMPTY_NOTE, category: "sleep" as const, text: "Nap after lunch" };
    expect(validateNote({ ...values, time: "13:30" }, today, now)).toEqual([]);
    expect(validateNote({ ...values, time: "16:30" }, today, now)).toEqual([{ field: "occurred_at", message: "The time cannot be later than now" }]);
    expect(validateNote({ ...values, time: "25:00" }, today, now)[0]?.field).toBe("occurred_at");
  });

  it("sends the London time given, trimmed text, and no millilitres unless a drink", () => {
    const body = toNoteCreate({ category: "food", text: "  Ate well  ", fluidMl: "300", time: "12:15", handover: true }, today, now);
    expect(body).toEqual({ occurred_at: "2026-12-04T12:15:00.000Z", category: "food", text: "Ate well", fluid_ml: null, handover: true });
    expect(toNoteCreate({ ...EMPTY_NOTE, category: "fluids", text: "Tea", fluidMl: "150" }, "2026-07-01", new Date("2026-07-01T10:00:00Z")).occurred_at).toBe("2026-07-01T10:00:00.000Z");
    expect(toNoteCreate({ ...EMPTY_NOTE, category: "fluids", text: "Tea", fluidMl: "150", time: "09:00" }, "2026-07-01", now).occurred_at).toBe("2026-07-01T08:00:00.000Z");
  });
});

describe("corrections", () => {
  it("start from the note as written and keep its time, naming the note corrected", () => {
    const values = correctionValues(note);
    expect(values).toMatchObject({ category: "fluids", text: "Cup of tea.", fluidMl: "200" });
    expect(toCorrection({ ...values, fluidMl: "150", text: "Half a cup of tea." }, note)).toEqual({
      occurred_at: note.occurred_at,
      category: "fluids",
      text: "Half a cup of tea.",
      fluid_ml: 150,
      handover: false,
      corrects_note_id: note.id,
    });
  });
});

describe("fluid totals", () => {
  it("reads today's total against the target", () => {
    const summary = fluidSummary(
      { resident_id: note.resident_id, target_ml: 1500, target_source: "resident", days: [{ date: today, total_ml: 350, target_ml: 1500, percent_of_target: 23, target_met: false }] },
      today,
    );
    expect(summary.text).toBe("350 ml of 1,500 ml (23%)");
    expect(summary.met).toBe(false);
    expect(summary.targetFrom).toMatch(/care record/);
  });

  it("reads a day with no drinks as 0", () => {
    expect(fluidSummary({ resident_id: note.resident_id, target_ml: 2000, target_source: "default", days: [] }, today).text).toBe("0 ml of 2,000 ml (0%)");
  });
});
