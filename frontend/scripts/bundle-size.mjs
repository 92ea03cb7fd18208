// The JavaScript and CSS a first visit to the sign-in page downloads, gzipped, from the Vite
// manifest of `npm run build`: the entry with its static imports, plus the sign-in page's chunk
// with its own. Fails when the JavaScript is over the budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} */
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8"));

/** @param {string[]} keys @param {Set<string>} seen */
function withImports(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    withImports(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

/** @param {string} page */
function report(page) {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry || !manifest[page]) throw new Error(`${page} or the entry is not in the manifest: run npm run build`);
  const chunks = withImports([entry, page]);
  const js = [...chunks].map((key) => manifest[key]?.file ?? "");
  const css = [...new Set([...chunks].flatMap((key) => manifest[key]?.css ?? []))];
  const jsBytes = js.reduce((sum, file) => sum + gzipped(file), 0);
  const cssBytes = css.reduce((sum, file) => sum + gzipped(file), 0);
  return { page, files: js.length, jsKb: jsBytes / 1024, cssKb: cssBytes / 1024 };
}

const pages = ["src/pages/SignIn.tsx", "src/pages/Start.tsx", "src/pages/estate/HomesList.tsx"];
let over = false;
for (const { page, files, jsKb, cssKb } of pages.map(report)) {
  console.log(`${page}: initial JavaScript ${jsKb.toFixed(1)} KB gzipped in ${files} files (budget ${BUDGET_KB} KB); CSS ${cssKb.toFixed(1)} KB gzipped`);
  over ||= jsKb > BUDGET_KB;
}
if (over) {
  console.error(`Over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
