// @ts-check
// End-to-end: the home overview report (on screen, printed, refused for another home and in
// part for a role that may not read every part), the start page per role, and sign-in at the
// organisation's identity provider. `node e2e/run.mjs e2e/report.e2e.test.mjs`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { apiSession, ARTIFACTS, assertNoScriptErrors, checkPage, DEMO_PASSWORD, freePort, FRONTEND, openBrowser, REPO, screenshot, signIn, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;

before(async () => {
  server = await useCarehub();
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
}, { timeout: 60_000 });

/**
 * "2026-11-24": a calendar day `days` from today (negative: in the past).
 * @param {number} days
 */
function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The start page's links, in order.
 * @param {import("playwright-core").Page} page
 */
async function startTasks(page) {
  const tasks = page.locator(".app-start-tasks li");
  await tasks.first().waitFor();
  return tasks.evaluateAll((items) => items.map((item) => item.getAttribute("data-task")));
}

/**
 * The home a person works in first, and one they do not.
 * @param {string} username
 */
async function homesOf(username) {
  const admin = await apiSession(server.url, "admin");
  const every = (await admin.call("GET", "/api/assets/v1/homes?limit=200")).body.items;
  const person = await apiSession(server.url, username);
  const own = every.find((/** @type {{id: string}} */ h) => h.id === person.me.homes[0]);
  const other = every.find((/** @type {{id: string}} */ h) => !person.me.homes.includes(h.id));
  assert.ok(own && other, `${username} works in some homes and not in others`);
  return { own, other };
}

describe("Home overview report, start page and sign-in", { timeout: 300_000 }, () => {
  it("gives a home manager one printable page about their home, with every part", async () => {
    const { own } = await homesOf("home.manager");
    // An overdue action for this home, made here so the test relies on no other file.
    const divisional = await apiSession(server.url, "divisional.manager");
    const title = `Fix the sluice room door ${randomUUID().slice(0, 8)}`;
    const created = await divisional.call("POST", "/api/feedback/v1/actions", {
      body: { title, owner: "Maintenance team", home_id: own.id, raised_on: dayFromToday(-30), due_date: dayFromToday(-3) },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));

    const browser = await openBrowser(server.url);
    const { page } = browser;
    // The print dialog is the browser's; the test only counts that the button asks for it.
    await page.addInitScript(() => {
      window.print = () => {
        document.body.dataset.printed = String(Number(document.body.dataset.printed ?? "0") + 1);
      };
    });
    try {
      await page.goto("/");
      await signIn(page, "home.manager");
      await page.getByRole("heading", { level: 1, name: /Hello, Hana/ }).waitFor();
      await page.getByRole("link", { name: "Reports", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /Home overview reports/ }).waitFor();
      const rows = page.locator("tbody tr");
      await rows.first().waitFor();
      const listed = await rows.locator("td:first-child a").allInnerTexts();
      assert.equal(listed.length, 2, "a home manager sees the reports of their two homes only");
      await checkPage(page, "report-01-reports-list");

      await page.getByRole("link", { name: `Overview report for ${own.name}`, exact: true }).click();
      await page.waitForURL(new RegExp(`/reports/homes/${own.id}$`));
      await page.getByRole("heading", { level: 1, name: own.name }).waitFor();
      assert.equal(await page.title(), `${own.name}: home overview report – Care Hub`);
      for (const heading of ["Points to look at", "Equipment and safety checks", "Care-plan reviews", "DoLS authorisations expiring", "Actions from feedback", "Workforce"]) {
        await page.getByRole("heading", { level: 2, name: heading, exact: true }).waitFor();
      }
      const section = (/** @type {string} */ id) => page.locator(`section[aria-labelledby="${id}"]`);
      await section("compliance").getByRole("table", { name: "Inspections by kind of equipment" }).waitFor();
      await section("compliance").locator("dt", { hasText: "In date" }).waitFor();
      await section("reviews").locator("dt", { hasText: "Overdue" }).waitFor();
      await section("actions").getByRole("row", { name: new RegExp(title) }).getByText("Overdue").waitFor();
      await section("workforce").getByRole("table", { name: "Workforce indicators against the national figures" }).waitFor();
      // The action made above is overdue, so the recommendations report flags it, naming the rule.
      await section("flags").getByText("overdue_actions").waitFor();
      await section("flags").getByText("Rule: Actions overdue").waitFor();
      assert.equal(await page.getByText("Your role does not give access").count(), 0, "a home manager may read every part");
      await page.getByText(/Prepared on .* for Hana Morris/).waitFor();
      await checkPage(page, "report-02-home-report");

      await page.getByRole("button", { name: "Print this page" }).click();
      assert.equal(await page.evaluate(() => document.body.dataset.printed), "1");

      // On paper: no navigation or buttons, the "see more" links with their address, A4.
      await page.emulateMedia({ media: "print" });
      for (const selector of [".govuk-service-navigation", ".govuk-generic-header", ".app-account-bar", ".govuk-footer", ".app-report__contents"]) {
        assert.equal(await page.locator(selector).first().evaluate((el) => getComputedStyle(el).display), "none", `${selector} is not printed`);
      }
      assert.equal(await page.getByRole("button", { name: "Print this page" }).isVisible(), false);
      const more = page.locator("a[data-print-address]").first();
      const printed = await more.evaluate((el) => getComputedStyle(el, "::after").content);
      assert.match(printed, new RegExp(`\\(${server.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`), "links print their address");
      const resident = page.locator('a[href^="/care/residents/"]').first();
      if ((await resident.count()) > 0) {
        assert.equal(await resident.evaluate((el) => getComputedStyle(el, "::after").content), "none", "other links print as text only");
      }
      await screenshot(page, "report-03-home-report-print");
      const pdfPath = path.join(ARTIFACTS, "report-home-overview.pdf");
      await page.pdf({ path: pdfPath, format: "A4", preferCSSPageSize: true, printBackground: true });
      const pdf = await readFile(pdfPath);
      assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
      assert.ok(pdf.length > 20_000, "the PDF has the report in it");
      await page.emulateMedia({ media: "screen" });
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("does not show a home manager another home's report, even by editing the address", async () => {
    const { other } = await homesOf("home.manager");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/reports/homes/${other.id}`);
      await signIn(page, "home.manager");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      assert.equal(await page.getByText(other.name).count(), 0);
      await checkPage(page, "report-04-other-home-not-found");
      await page.goto("/reports/homes/not-a-home");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows each part an estates officer's role may read, and says which it may not", async () => {
    const { own } = await homesOf("home.manager");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/reports/homes/${own.id}`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: own.name }).waitFor();
      await page.locator('section[aria-labelledby="compliance"]').getByRole("table").waitFor();
      for (const id of ["flags", "reviews", "dols", "actions", "workforce"]) {
        await page.locator(`section[aria-labelledby="${id}"]`).getByText("Your role does not give access to").waitFor();
      }
      await checkPage(page, "report-05-home-report-estates-officer");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("starts each role with what they need first, and only what they may do", async () => {
    /** @type {[string, string, string[], string[]][]} */
    const cases = [
      ["care.worker", "care-worker", ["handover", "residents", "feedback", "estate"], ["report", "reviews"]],
      ["nurse", "nurse", ["handover", "reviews", "residents"], ["report"]],
      ["home.manager", "home-manager", ["report", "reviews", "feedback"], ["homes"]],
      ["divisional.manager", "divisional-manager", ["report", "feedback", "estate"], ["reviews"]],
      ["estates.officer", "estates-officer", ["estate", "homes", "feedback"], ["residents", "handover", "report"]],
    ];
    let n = 6;
    for (const [username, slug, first, never] of cases) {
      const browser = await openBrowser(server.url);
      const { page } = browser;
      if (username === "care.worker") await page.setViewportSize({ width: 768, height: 1024 }); // a tablet, upright
      try {
        await page.goto("/");
        await signIn(page, username);
        await page.getByRole("heading", { level: 1, name: /Hello, / }).waitFor();
        const tasks = await startTasks(page);
        assert.deepEqual(tasks.slice(0, first.length), first, `${username} starts with ${first.join(", ")}`);
        for (const id of never) assert.ok(!tasks.includes(id), `${username} is not offered ${id}`);
        await checkPage(page, `report-${String(n).padStart(2, "0")}-start-${slug}`);
        n += 1;
        if (username === "home.manager") {
          const link = page.locator('.app-start-tasks li[data-task="report"] a');
          assert.match((await link.getAttribute("href")) ?? "", /^\/reports\/homes\/[0-9a-f-]{36}$/);
        }
        assertNoScriptErrors(browser);
      } finally {
        await browser.close();
      }
    }
  });

  it("lets a home manager reach and print their report by keyboard only", async () => {
    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.addInitScript(() => {
      window.print = () => {
        document.body.dataset.printed = "yes";
      };
    });
    try {
      await page.goto("/");
      await page.getByLabel("Username").focus();
      await page.keyboard.type("home.manager");
      await page.keyboard.press("Tab");
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: /Hello, Hana/ }).waitFor();
      const report = page.locator('.app-start-tasks li[data-task="report"] a');
      for (let presses = 0; presses < 40 && !(await report.evaluate((el) => el === document.activeElement)); presses += 1) {
        await page.keyboard.press("Tab");
      }
      assert.ok(await report.evaluate((el) => el === document.activeElement), "the report link can be reached with Tab");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 2, name: "Workforce", exact: true }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus moves to the report's heading");
      const print = page.getByRole("button", { name: "Print this page" });
      for (let presses = 0; presses < 10 && !(await print.evaluate((el) => el === document.activeElement)); presses += 1) {
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.body.dataset.printed === "yes");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("offers sign-in with the organisation's account when the gateway says so (its answer stood in for)", async () => {
    // This server signs in with passwords; here the browser is given the answer a gateway with an
    // identity provider configured gives, to check what the page does with it.
    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.route("**/auth/config", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ method: "oidc", login_url: "/auth/oidc/login" }) }),
    );
    try {
      await page.goto("/care/reviews");
      await page.waitForURL(/\/sign-in\?next=%2Fcare%2Freviews$/);
      const link = page.getByRole("button", { name: "Sign in with your organisation’s account" });
      await link.waitFor();
      assert.equal(await link.getAttribute("href"), "/auth/oidc/login?return_to=%2Fcare%2Freviews");
      assert.equal(await page.getByLabel("Username").count(), 0, "no password form");
      await checkPage(page, "report-11-sign-in-organisation");

      await page.goto("/sign-in?error=no_access");
      await page.locator(".govuk-error-summary").getByText("Your account has no role in Care Hub yet").waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkPage(page, "report-12-sign-in-organisation-refused");

      await page.unroute("**/auth/config");
      await page.goto("/sign-in");
      await page.getByLabel("Username").waitFor();
      assert.equal(await page.getByRole("button", { name: /organisation/ }).count(), 0, "the real gateway here uses passwords");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});

// Sign-in at an identity provider, for real: oidc-provider-mock (the provider the gateway's own
// tests use) on a loopback port, and a second `carehub run` configured to sign people in there.
// CAREHUB_E2E_OIDC_URL and CAREHUB_E2E_OIDC_PROVIDER point at ones already running instead;
// CAREHUB_E2E_OIDC=0 leaves this part out (starting the second Care Hub takes a minute or two).
const MOCK_PROVIDER = path.join(REPO, ".venv", "bin", "oidc-provider-mock");
const OIDC_SKIP = process.env.CAREHUB_E2E_OIDC === "0"
  ? "CAREHUB_E2E_OIDC=0"
  : !existsSync(MOCK_PROVIDER) && !process.env.CAREHUB_E2E_OIDC_URL
    ? "oidc-provider-mock is not installed in the repository's .venv"
    : false;

/**
 * Poll `url` until it answers 200, or the process exits, or the time is up.
 * @param {string} url
 * @param {() => number | null} exitCode
 * @param {number} ms
 */
async function waitUntilUp(url, exitCode, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`the process behind ${url} exited with ${exitCode()}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/**
 * A process with its output in e2e/artifacts/<log>, stopped with SIGTERM (then SIGKILL).
 * @param {string} bin
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} log
 */
function startProcess(bin, args, env, log) {
  const out = createWriteStream(path.join(ARTIFACTS, log));
  const child = spawn(bin, args, { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  /** @type {number | null} */
  let code = null;
  const exited = new Promise((resolve) => child.on("exit", (c) => resolve((code = c ?? -1))));
  const stop = async () => {
    if (code === null) {
      child.kill("SIGTERM");
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
      if (!done) child.kill("SIGKILL");
    }
    out.end();
  };
  return { exitCode: () => code, stop };
}

/** @returns {Promise<{ url: string, provider: string, stop: () => Promise<void> }>} */
async function startOidcCarehub() {
  const given = process.env.CAREHUB_E2E_OIDC_URL;
  const givenProvider = process.env.CAREHUB_E2E_OIDC_PROVIDER;
  if (given && givenProvider) return { url: given, provider: givenProvider, stop: async () => {} };
  await mkdir(ARTIFACTS, { recursive: true });
  // The issuer must be https, or http on localhost: the gateway refuses anything else.
  const providerPort = await freePort();
  const provider = `http://localhost:${providerPort}`;
  const mock = startProcess(MOCK_PROVIDER, ["--port", String(providerPort)], process.env, "report-oidc-provider.log");
  const dataDir = await mkdtemp(path.join(tmpdir(), "ch-"));
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    CAREHUB_FRONTEND_DIST: path.join(FRONTEND, "dist"),
    GATEWAY_LOG_LEVEL: "WARNING",
    OIDC_ISSUER: provider,
    OIDC_CLIENT_ID: "carehub-e2e",
    OIDC_CLIENT_SECRET: "carehub-e2e-secret",
  };
  delete env.DATABASE_URL;
  const bin = process.env.CAREHUB_BIN ?? path.join(REPO, ".venv", "bin", "carehub");
  const carehub = startProcess(bin, ["run", "--port", String(port), "--data-dir", dataDir], env, "report-oidc-carehub.log");
  const stop = async () => {
    await carehub.stop();
    await mock.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${provider}/.well-known/openid-configuration`, mock.exitCode, 30_000);
    await waitUntilUp(`http://127.0.0.1:${port}/readyz`, carehub.exitCode, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, provider, stop };
}

describe("Sign-in at the organisation's identity provider", { timeout: 300_000, skip: OIDC_SKIP }, () => {
  /** @type {{ url: string, provider: string, stop: () => Promise<void> }} */
  let oidc;

  before(async () => {
    oidc = await startOidcCarehub();
  }, { timeout: 240_000 });

  after(async () => {
    await oidc?.stop();
  }, { timeout: 90_000 });

  it("signs a divisional manager in at the provider and brings them back where they were going", async () => {
    // A person at the provider, with the claims the gateway maps to a Care Hub role.
    const sub = `dm-${randomUUID().slice(0, 8)}`;
    const made = await fetch(`${oidc.provider}/users/${sub}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ preferred_username: sub, name: "Devi Okafor", roles: ["divisional_manager"], homes: [] }),
    });
    assert.equal(made.status, 204);

    const browser = await openBrowser(oidc.url);
    const { page } = browser;
    try {
      await page.goto("/reports");
      await page.waitForURL(/\/sign-in\?next=%2Freports$/);
      const button = page.getByRole("button", { name: "Sign in with your organisation’s account" });
      await button.waitFor();
      assert.equal(await page.getByLabel("Username").count(), 0, "passwords are off when an identity provider is configured");
      await checkPage(page, "report-13-sign-in-identity-provider");

      await button.click();
      await page.waitForURL((url) => url.href.startsWith(`${oidc.provider}/oauth2/authorize`));
      await page.locator('input[name="sub"]').fill(sub);
      await page.getByRole("button", { name: "Authorize" }).click();
      await page.waitForURL(`${oidc.url}/reports`);
      await page.getByRole("heading", { level: 1, name: /Home overview reports/ }).waitFor();
      await page.getByText("Devi Okafor").first().waitFor();
      await page.locator("tbody tr").first().waitFor();
      await checkPage(page, "report-14-reports-after-identity-provider");

      // Turned down at the provider: back on the sign-in page, told why, and not signed in.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You have signed out.").waitFor();
      await page.getByRole("button", { name: "Sign in with your organisation’s account" }).click();
      await page.waitForURL((url) => url.href.startsWith(`${oidc.provider}/oauth2/authorize`));
      await page.getByRole("button", { name: "Deny" }).click();
      await page.waitForURL(/\/sign-in\?error=access_denied$/);
      await page.locator(".govuk-error-summary").getByText("You did not finish signing in").waitFor();
      await checkPage(page, "report-15-sign-in-identity-provider-denied");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});
