import { describe, expect, it } from "vitest";
import type { Category } from "../defects/types";
import {
  columnsOf,
  csvHeadings,
  dryRunReady,
  extraFieldChoices,
  IGNORE,
  mappingFor,
  progressOf,
  sameMapping,
  sortedProblems,
  startingMapping,
  validateFile,
  validateMapping,
} from "./importWizard";
import type { ImportJob, ImportReport } from "./types";

const report: ImportReport = {
  encoding: "utf-8-sig",
  columns: { Name: "name", Category: "category", Tag: "tag" },
  unmapped_columns: ["Colour"],
  ignored_columns: ["Notes to self"],
  problems: [],
};

function job(change: Partial<ImportJob> = {}): ImportJob {
  return {
    id: "j1",
    home_id: "h1",
    file_name: "kit.csv",
    file_format: "csv",
    dry_run: true,
    mapping: {},
    status: "succeeded",
    total_rows: 10,
    processed_rows: 10,
    created_assets: 0,
    problem_count: 0,
    report: { ...report, unmapped_columns: [] },
    created_by: "s1",
    started_at: null,
    finished_at: null,
    created_at: "2026-12-04T10:00:00Z",
    ...change,
  };
}

const name = (field: string) => field;

describe("reading a CSV's headings", () => {
  it("reads the first record as a spreadsheet writes it", () => {
    expect(csvHeadings('\uFEFFTag,"Name, full",Category\r\nA,B,C')).toEqual(["Tag", "Name, full", "Category"]);
    expect(csvHeadings('"Say ""hi""",Two\nx,y')).toEqual(['Say "hi"', "Two"]);
    expect(csvHeadings("Only")).toEqual(["Only"]);
  });
});

describe("matching columns", () => {
  it("lists every column the service saw, in the file's order", () => {
    expect(columnsOf(report, ["Tag", "Colour", "Name", "Notes to self", "Category"])).toEqual(["Tag", "Colour", "Name", "Notes to self", "Category"]);
    expect(columnsOf(report, null).sort()).toEqual(["Category", "Colour", "Name", "Notes to self", "Tag"]);
  });

  it("starts from earlier choices, then the service's own matches; an unmatched column starts blank", () => {
    const columns = columnsOf(report, null);
    expect(startingMapping(columns, report, {})).toEqual({ Name: "name", Category: "category", Tag: "tag", Colour: "", "Notes to self": IGNORE });
    expect(startingMapping(columns, report, { Colour: IGNORE, Tag: "serial" })).toMatchObject({ Colour: IGNORE, Tag: "serial" });
  });

  it("sends earlier choices only for headings the new file has", () => {
    expect(mappingFor(["Tag", "Colour"], { Colour: IGNORE, Gone: "name", Tag: "" })).toEqual({ Colour: IGNORE });
    expect(mappingFor(null, { Colour: IGNORE })).toEqual({});
  });

  it("blocks until every column is matched or left out, once each, with a name and a category", () => {
    expect(validateMapping({ Name: "name", Category: "category", Colour: "" }, name)).toEqual([
      { field: "Colour", message: "Choose what the column “Colour” holds, or choose not to import it" },
    ]);
    expect(validateMapping({ Name: "name", Title: "name", Category: "category" }, name)).toEqual([
      { field: "Title", message: "“Name” and “Title” are both matched to name. Match only one of them" },
    ]);
    expect(validateMapping({ Colour: IGNORE, Other: IGNORE }, name).map((e) => e.message)).toEqual([
      "Match one column to Name: every asset needs a name",
      "Match one column to Category: every asset needs a category",
    ]);
    expect(validateMapping({ Name: "name", Category: "category", Colour: IGNORE, SWL: "extra.safe_working_load_kg" }, name)).toEqual([]);
  });

  it("knows when the report already answers for the chosen matches", () => {
    expect(sameMapping({ a: "name", b: IGNORE }, { b: IGNORE, a: "name" })).toBe(true);
    expect(sameMapping({ a: "name" }, { a: "name", b: IGNORE })).toBe(false);
    expect(sameMapping({ a: "name" }, null)).toBe(false);
  });

  it("offers each category's extra fields once, naming the categories", () => {
    const category = (n: string, schema: Category["extra_schema"]): Category => ({
      id: n,
      code: n,
      name: n,
      description: null,
      extra_schema: schema,
      archived_at: null,
      created_at: "",
      updated_at: "",
      version: 1,
    });
    const choices = extraFieldChoices([
      category("Hoist", { type: "object", properties: { safe_working_load_kg: { type: "number", description: "Safe working load, kg" } } }),
      category("Sling", { type: "object", properties: { safe_working_load_kg: { type: "number" }, sling_size: { enum: ["S"] } } }),
      category("Kettle", null),
    ]);
    expect(choices).toEqual([
      { value: "extra.safe_working_load_kg", label: "Safe working load, kg (hoist, sling)" },
      { value: "extra.sling_size", label: "Sling size (sling)" },
    ]);
  });
});

describe("the dry run and the import", () => {
  it("is ready only with no problems and every column matched", () => {
    expect(dryRunReady(job())).toBe(true);
    expect(dryRunReady(job({ status: "failed", problem_count: 1 }))).toBe(false);
    expect(dryRunReady(job({ report: report }))).toBe(false);
  });

  it("shows progress as a share of the rows, or a count when the total is unknown", () => {
    expect(progressOf(job({ status: "running", processed_rows: 2500, total_rows: 10000 }))).toEqual({ percent: 25, text: "2,500 of 10,000 rows (25%)" });
    expect(progressOf(job({ status: "running", processed_rows: 1000, total_rows: null }))).toEqual({ percent: null, text: "1,000 rows so far" });
    expect(progressOf(job({ status: "queued", processed_rows: 0 })).percent).toBeNull();
  });

  it("lists the problems about the headings first, then row by row", () => {
    const sorted = sortedProblems([
      { row: 7, column: "Category", problem: "unknown" },
      { row: 1, column: "Colour", problem: "not mapped" },
      { row: 3, column: null, problem: "tag used twice" },
    ]);
    expect(sorted.map((p) => p.row)).toEqual([1, 3, 7]);
  });

  it("checks the file before sending it", () => {
    expect(validateFile(null)).toEqual([{ field: "file", message: "Choose a spreadsheet to upload" }]);
    expect(validateFile(new File(["x"], "kit.pdf"))[0]?.message).toMatch(/CSV or an Excel workbook/);
    expect(validateFile(new File([], "kit.csv"))[0]?.message).toBe("The file is empty");
    expect(validateFile(new File(["a,b"], "KIT.XLSX"))).toEqual([]);
  });
});
