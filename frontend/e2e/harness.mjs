// @ts-check
// The end-to-end harness: a real `carehub run` (embedded PostgreSQL in its own temporary data
// folder, on a free port, serving the built frontend/dist) and Debian's headless Chromium driven
// by playwright-core. Nothing here downloads a browser.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FRONTEND = path.resolve(here, "..");
export const REPO = path.resolve(FRONTEND, "..");
export const ARTIFACTS = path.join(here, "artifacts");
export const DEMO_PASSWORD = process.env.CAREHUB_DEMO_PASSWORD ?? "carehub-demo-2026";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Headless Chromium on a machine with no outside network: without these it keeps trying to
// reach Google's services (see the repository's notes on the test machines).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** @returns {Promise<number>} */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server every test file uses: the one `e2e/run.mjs` started (CAREHUB_E2E_URL), so the
 * files share one `carehub run`; a file run on its own starts its own.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function useCarehub() {
  const shared = process.env.CAREHUB_E2E_URL;
  if (shared) return { url: shared, stop: async () => {} };
  return startCarehub();
}

/**
 * Start `carehub run` and wait until /readyz says ready.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startCarehub() {
  const dist = path.join(FRONTEND, "dist", "index.html");
  if (!existsSync(dist)) throw new Error("frontend/dist is missing: run `npm run build` first");
  const bin = process.env.CAREHUB_BIN ?? path.join(REPO, ".venv", "bin", "carehub");
  if (!existsSync(bin)) throw new Error(`${bin} not found: run \`make venv\` in the repository root`);

  await mkdir(ARTIFACTS, { recursive: true });
  // Short path: PostgreSQL's socket lives in it, and socket paths have a length limit.
  const dataDir = await mkdtemp(path.join(tmpdir(), "ch-"));
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, CAREHUB_FRONTEND_DIST: path.join(FRONTEND, "dist"), GATEWAY_LOG_LEVEL: "WARNING" };
  delete env.DATABASE_URL; // always the embedded database, never a shared one
  const log = createWriteStream(path.join(ARTIFACTS, "carehub.log"));
  const child = spawn(bin, ["run", "--port", String(port), "--data-dir", dataDir], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  /** @type {number | null} */
  let exitCode = null;
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve((exitCode = code ?? -1))));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode === null) {
      child.kill("SIGTERM"); // carehub stops the embedded database on SIGTERM
      const done = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
      if (!done) child.kill("SIGKILL");
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      const text = await readFile(path.join(ARTIFACTS, "carehub.log"), "utf8").catch(() => "");
      await stop();
      throw new Error(`carehub run exited with ${exitCode}:\n${text.slice(-3000)}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error("carehub run did not become ready within 180 s");
}

/**
 * A fresh headless Chromium with its own empty profile.
 * @param {string} baseURL
 */
export async function openBrowser(baseURL) {
  const profile = await mkdtemp(path.join(tmpdir(), "chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: { width: 1024, height: 900 },
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {string[]} */
  const consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, page, close, consoleErrors };
}

/**
 * Run axe (@axe-core/playwright) on the page; returns the serious and critical violations, as text.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<string[]>}
 */
export async function seriousViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * A signed-in API caller outside the browser (the session cookie and CSRF token by hand), for
 * setting up data and for changing a record "behind the browser's back".
 * @param {string} baseURL
 * @param {string} username
 */
export async function apiSession(baseURL, username) {
  const login = await fetch(`${baseURL}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  /** @type {{ username: string, name: string, roles: string[], homes: string[], csrf_token: string }} */
  const me = await login.json();
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  /**
   * @param {string} method
   * @param {string} pathname
   * @param {{ body?: unknown, headers?: Record<string, string> }} [options]
   */
  const call = async (method, pathname, options = {}) => {
    const response = await fetch(`${baseURL}${pathname}`, {
      method,
      headers: {
        cookie,
        accept: "application/json",
        ...(method === "GET" ? {} : { "x-csrf-token": me.csrf_token }),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  return { me, call };
}

/**
 * A page as a person sees it, checked: its heading shown, its data loaded (no "Loading…" left),
 * no serious or critical axe violation, and a screenshot kept.
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
export async function checkPage(page, name) {
  await page.locator("h1").first().waitFor();
  await page.locator("[role=status]", { hasText: /^Loading/ }).first().waitFor({ state: "detached" }).catch(() => {});
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `axe found serious or critical problems on ${name}`);
  await screenshot(page, name);
}

/**
 * No script errors in the page (failed loads, such as the 401 of /auth/me before sign-in or a
 * connection a test cut on purpose, are not script errors).
 * @param {{ consoleErrors: string[] }} browser
 */
export function assertNoScriptErrors(browser) {
  assert.deepEqual(browser.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
}

/**
 * Sign in on the sign-in page with a demo account.
 * @param {import("playwright-core").Page} page
 * @param {string} username
 */
export async function signIn(page, username) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}
