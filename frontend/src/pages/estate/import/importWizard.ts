// The spreadsheet import wizard's logic: which field each column fills, the checks before a
// dry run, and how a job's report and progress are shown. The service decides; this only asks
// the right questions first.
import type { FieldMessage } from "../../../api/messages";
import type { Category } from "../defects/types";
import type { ImportJob, ImportReport, RowProblem } from "./types";

export const IGNORE = "ignore";
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface Choice {
  value: string;
  label: string;
}

/** The asset fields a column can fill, as the service names them, with the words people use. */
export const ASSET_FIELDS: readonly Choice[] = [
  { value: "tag", label: "Tag (the asset’s own label, like NF-HOI-01)" },
  { value: "name", label: "Name" },
  { value: "category", label: "Category (its code, like hoist)" },
  { value: "serial", label: "Serial number" },
  { value: "make", label: "Make" },
  { value: "model", label: "Model" },
  { value: "location_id", label: "Location (its Care Hub ID)" },
  { value: "status", label: "Status" },
  { value: "condition", label: "Condition (A to D)" },
  { value: "purchase_date", label: "Purchase date" },
  { value: "purchase_cost", label: "Purchase cost" },
  { value: "warranty_end_date", label: "Warranty end date" },
  { value: "supplier", label: "Supplier" },
  { value: "notes", label: "Notes" },
];

/** "safe_working_load_kg" -> "Safe working load kg". */
export function humanise(name: string): string {
  const words = name.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function propertiesOf(schema: Category["extra_schema"]): Record<string, { description?: unknown }> {
  const properties = schema?.["properties"];
  return typeof properties === "object" && properties !== null ? (properties as Record<string, { description?: unknown }>) : {};
}

/** Each category's extra fields as `extra.<name>`, once each, naming the categories that use it. */
export function extraFieldChoices(categories: readonly Category[]): Choice[] {
  const byName = new Map<string, { label: string; categories: string[] }>();
  for (const category of categories) {
    for (const [name, property] of Object.entries(propertiesOf(category.extra_schema))) {
      const entry = byName.get(name) ?? { label: typeof property.description === "string" ? property.description : humanise(name), categories: [] };
      entry.categories.push(category.name.toLowerCase());
      byName.set(name, entry);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => ({ value: `extra.${name}`, label: `${entry.label} (${entry.categories.join(", ")})` }));
}

/** The headings of a CSV: its first record, read as a spreadsheet writes it (quotes, BOM). */
export function csvHeadings(text: string): string[] {
  const source = text.replace(/^\uFEFF/, "");
  const headings: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      headings.push(cell.trim());
      cell = "";
    } else if (char === "\n" || char === "\r") break;
    else cell += char;
  }
  headings.push(cell.trim());
  return headings.filter((heading) => heading !== "");
}

/** Every column the service saw, in the file's order when known. */
export function columnsOf(report: ImportReport, headings: readonly string[] | null): string[] {
  const seen = [...Object.keys(report.columns ?? {}), ...(report.unmapped_columns ?? []), ...(report.ignored_columns ?? [])];
  const unique = [...new Set(seen)];
  if (!headings) return unique;
  const order = (column: string) => {
    const at = headings.indexOf(column);
    return at === -1 ? headings.length : at;
  };
  return unique.sort((a, b) => order(a) - order(b));
}

export type Mapping = Record<string, string>;

/**
 * What each column holds, to start the matching step: the person's earlier choice for a heading
 * (kept across uploads of a corrected file), else what the service matched by itself; a column it
 * could not match starts blank, so it has to be chosen.
 */
export function startingMapping(columns: readonly string[], report: ImportReport, earlier: Mapping): Mapping {
  const mapping: Mapping = {};
  for (const column of columns) {
    mapping[column] = earlier[column] ?? report.columns?.[column] ?? ((report.ignored_columns ?? []).includes(column) ? IGNORE : "");
  }
  return mapping;
}

/** Earlier choices for the headings a new file has (a mapping naming a missing column is refused). */
export function mappingFor(headings: readonly string[] | null, earlier: Mapping): Mapping {
  if (!headings) return {};
  return Object.fromEntries(Object.entries(earlier).filter(([heading, field]) => headings.includes(heading) && field !== ""));
}

export function validateMapping(mapping: Mapping, fieldName: (field: string) => string): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const byField = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) {
      errors.push({ field: column, message: `Choose what the column “${column}” holds, or choose not to import it` });
      continue;
    }
    if (field === IGNORE) continue;
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (columns.length > 1) {
      const [first = "", ...rest] = columns;
      for (const column of rest) {
        errors.push({ field: column, message: `“${first}” and “${column}” are both matched to ${fieldName(field)}. Match only one of them` });
      }
    }
  }
  const used = new Set(byField.keys());
  if (!used.has("name")) errors.push({ field: "", message: "Match one column to Name: every asset needs a name" });
  if (!used.has("category")) errors.push({ field: "", message: "Match one column to Category: every asset needs a category" });
  return errors;
}

export function sameMapping(a: Mapping | null, b: Mapping | null): boolean {
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function isFinished(job: ImportJob | undefined): boolean {
  return job?.status === "succeeded" || job?.status === "failed";
}

/** A finished dry run: ready to import, or the problems to fix first. */
export function dryRunReady(job: ImportJob): boolean {
  return job.status === "succeeded" && job.problem_count === 0 && (job.report.unmapped_columns ?? []).length === 0;
}

export interface Progress {
  /** 0-100, or null when the total is not known yet (an XLSX without its size). */
  percent: number | null;
  text: string;
}

export function progressOf(job: ImportJob): Progress {
  const done = job.processed_rows.toLocaleString("en-GB");
  if (job.status === "queued") return { percent: null, text: "Waiting to start…" };
  if (job.total_rows === null || job.total_rows === 0) return { percent: null, text: `${done} rows so far` };
  const percent = Math.min(100, Math.round((job.processed_rows / job.total_rows) * 100));
  return { percent, text: `${done} of ${job.total_rows.toLocaleString("en-GB")} rows (${percent}%)` };
}

/** Problems in spreadsheet order: about the whole file (headings) first, then row by row. */
export function sortedProblems(problems: readonly RowProblem[]): RowProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The service's own words, with a capital letter. */
export function problemText(problem: RowProblem): string {
  const text = problem.problem.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The checks before uploading: a file, of a kind the service reads, not too big. */
export function validateFile(file: File | null): FieldMessage[] {
  if (!file) return [{ field: "file", message: "Choose a spreadsheet to upload" }];
  if (!/\.(csv|xlsx)$/i.test(file.name)) return [{ field: "file", message: "The file must be a CSV or an Excel workbook (.xlsx)" }];
  if (file.size === 0) return [{ field: "file", message: "The file is empty" }];
  if (file.size > MAX_UPLOAD_BYTES) return [{ field: "file", message: "The file must be smaller than 50 MB" }];
  return [];
}
