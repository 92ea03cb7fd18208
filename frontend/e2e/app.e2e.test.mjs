// @ts-check
// End-to-end: the built app in real headless Chromium against a real `carehub run`.
// `npm run test:e2e` (builds first). Screenshots and the server log go to e2e/artifacts/.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiSession, assertNoScriptErrors, checkPage, openBrowser, screenshot, signIn, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;

before(async () => {
  server = await useCarehub();
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
}, { timeout: 60_000 });

describe("Care Hub in the browser", { timeout: 300_000 }, () => {
  it("sends a visitor to sign in, explains mistakes, and returns them where they were going", async () => {
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/estate/homes");
      await page.waitForURL(/\/sign-in\?next=%2Festate%2Fhomes$/);
      await page.getByRole("heading", { level: 1, name: "Sign in to Care Hub" }).waitFor();
      assert.equal(await page.title(), "Sign in – Care Hub");
      await checkPage(page, "01-sign-in");

      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary.getByText("Enter your username").waitFor();
      await summary.getByText("Enter your password").waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkPage(page, "02-sign-in-missing");

      await page.getByLabel("Username").fill("care.worker");
      await page.getByLabel("Password", { exact: true }).fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await summary.getByText("The username or password is not right. Check them and try again.").waitFor();

      await signIn(page, "care.worker");
      await page.waitForURL(/\/estate\/homes$/);
      await page.getByRole("heading", { level: 1, name: /Homes/ }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows a care worker only their own home, and nothing they may not change", async () => {
    const admin = await apiSession(server.url, "admin");
    const everyHome = (await admin.call("GET", "/api/assets/v1/homes?limit=200")).body.items;
    const worker = await apiSession(server.url, "care.worker");
    assert.equal(worker.me.homes.length, 1, "the demo care worker works in one home");
    const own = everyHome.find((/** @type {{id: string}} */ h) => h.id === worker.me.homes[0]);
    const other = everyHome.find((/** @type {{id: string}} */ h) => h.id !== worker.me.homes[0]);

    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 }); // a tablet, upright
    try {
      await page.goto("/");
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: /Hello, Casey/ }).waitFor();
      await page.locator(".app-account-bar__home", { hasText: `Working in ${own.name}` }).waitFor();
      assert.equal(await page.locator("#home-switcher").count(), 0, "no home switcher with one home");
      await checkPage(page, "03-start-care-worker");

      await page.getByRole("link", { name: "Estate", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
      await page.getByRole("link", { name: "Homes", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /Homes/ }).waitFor();
      const rows = page.locator("tbody tr");
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      assert.equal(await rows.first().locator("a").innerText(), own.name);
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      assert.equal(focused, "H1", "focus moves to the new page's heading");
      await checkPage(page, "04-homes-care-worker");

      await rows.first().locator("a").click();
      await page.getByRole("heading", { level: 1, name: own.name }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Change details" }).count(), 0);
      await checkPage(page, "05-home-care-worker");

      await page.goto(`/estate/homes/${other.id}`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      await page.goto(`/estate/homes/${own.id}/edit`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      await page.goto("/no-such-page");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      await checkPage(page, "06-not-found");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You have signed out.").waitFor();
      await page.goto("/estate/homes");
      await page.waitForURL(/\/sign-in/);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("sends a person whose session ended to sign in, then back to the page they wanted", async () => {
    const browser = await openBrowser(server.url);
    const { page, context } = browser;
    try {
      await page.goto("/");
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: /Hello, Nia/ }).waitFor();
      await context.clearCookies(); // the session ends (timed out, or signed out elsewhere)
      await page.getByRole("link", { name: "Estate", exact: true }).click();
      await page.waitForURL(/\/sign-in\?next=%2Festate$/);
      await signIn(page, "nurse");
      await page.waitForURL(/\/estate$/);
      await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a home manager switch between their homes, remembered on this device", async () => {
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/");
      await signIn(page, "home.manager");
      const switcher = page.locator("#home-switcher");
      await switcher.waitFor();
      const options = await switcher.locator("option").allInnerTexts();
      assert.equal(options.length, 2);
      await switcher.selectOption({ label: options[1] ?? "" });
      await page.getByRole("button", { name: "Change home" }).click();
      await page.getByText(`You are working in ${options[1]}`).waitFor();
      await checkPage(page, "07-start-home-manager");
      await page.reload();
      await page.getByText(`You are working in ${options[1]}`).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets an estates officer find homes page by page and change a home's details", async () => {
    const admin = await apiSession(server.url, "admin");
    const existing = (await admin.call("GET", "/api/assets/v1/homes?limit=200")).body.items.length;
    for (let n = existing; n < 53; n += 1) {
      const created = await admin.call("POST", "/api/assets/v1/homes", {
        headers: { "idempotency-key": `e2e-home-${n}` },
        body: { name: `Test Home ${String(n).padStart(2, "0")}`, address_line1: `${n} Test Road`, town: "Widnes", postcode: "WA8 0AA", registered_beds: 20 },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/estate/homes");
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: /Homes/ }).waitFor();
      assert.equal(await page.locator("tbody tr").count(), 50);
      await page.getByRole("link", { name: "Next page" }).click();
      await page.getByRole("link", { name: "First page" }).waitFor();
      assert.ok((await page.locator("tbody tr").count()) >= 3);
      await checkPage(page, "08-homes-page-2");

      await page.getByLabel("Search by name or postcode").fill("Millbrow");
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(/q=Millbrow/);
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
      await page.getByRole("link", { name: "Millbrow" }).waitFor();
      await page.getByLabel("Status").selectOption("closed");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("No homes match your search.").waitFor();
      await page.getByLabel("Status").selectOption("");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "Millbrow" }).click();
      await page.getByRole("heading", { level: 1, name: "Millbrow" }).waitFor();
      await page.getByRole("link", { name: "Change details" }).click();
      await page.getByRole("heading", { level: 1, name: "Change the home’s details" }).waitFor();
      await checkPage(page, "09-edit-home");

      await page.getByLabel("Registered beds").fill("");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.locator(".govuk-error-summary").getByText("Enter the number of registered beds").waitFor();
      await checkPage(page, "10-edit-home-errors");

      // The server's own checks come back next to the field, in plain words.
      await page.getByLabel("Registered beds").fill("44");
      await page.getByLabel("Postcode").fill("WA8 7PD EXTRA");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.locator(".govuk-error-summary").getByText("The postcode must be 10 characters or fewer").waitFor();
      await page.locator("#home-postcode-error").getByText("The postcode must be 10 characters or fewer").waitFor();
      await page.getByLabel("Postcode").fill("WA8 7PD");

      await page.getByLabel("Phone number (optional)").fill("0151 511 0099");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("The home’s details have been saved.").waitFor();
      await page.getByText("0151 511 0099").waitFor();
      await checkPage(page, "11-home-saved");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows both versions when someone else saved first, and never overwrites silently", async () => {
    const officer = await apiSession(server.url, "estates.officer");
    const homes = (await officer.call("GET", "/api/assets/v1/homes?q=Naughton")).body.items;
    const home = homes[0];
    assert.ok(home, "the demo data has Naughton Fields");

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/homes/${home.id}/edit`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Change the home’s details" }).waitFor();

      // Someone else saves a change while this form is open.
      const current = await officer.call("GET", `/api/assets/v1/homes/${home.id}`);
      const theirs = await officer.call("PATCH", `/api/assets/v1/homes/${home.id}`, {
        headers: { "if-match": current.headers.get("etag") ?? "" },
        body: { town: "Bradford" },
      });
      assert.equal(theirs.status, 200, JSON.stringify(theirs.body));

      await page.getByLabel("Registered beds").fill("61");
      await page.getByRole("button", { name: "Save changes" }).click();
      const panel = page.getByRole("region", { name: "Someone else changed this while you were working on it" });
      await panel.waitFor();
      await panel.getByText("Bradford").waitFor();
      await panel.getByText("61").waitFor();
      await checkPage(page, "12-conflict");

      await page.getByRole("button", { name: "Keep my changes and save" }).click();
      await page.getByText("The home’s details have been saved.").waitFor();
      const saved = (await officer.call("GET", `/api/assets/v1/homes/${home.id}`)).body;
      assert.equal(saved.town, "Bradford", "their change is kept");
      assert.equal(saved.registered_beds, 61, "my change is saved on top");

      // And the other choice: take their version.
      await page.getByRole("link", { name: "Change details" }).click();
      await page.getByRole("heading", { level: 1, name: "Change the home’s details" }).waitFor();
      const again = await officer.call("GET", `/api/assets/v1/homes/${home.id}`);
      await officer.call("PATCH", `/api/assets/v1/homes/${home.id}`, {
        headers: { "if-match": again.headers.get("etag") ?? "" },
        body: { registered_beds: 62 },
      });
      await page.getByLabel("Registered beds").fill("70");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("button", { name: "Use their version" }).click();
      assert.equal(await page.getByLabel("Registered beds").inputValue(), "62");
      assert.equal((await officer.call("GET", `/api/assets/v1/homes/${home.id}`)).body.registered_beds, 62);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("keeps a save that lost its connection and retries it until it is saved, once", async () => {
    const officer = await apiSession(server.url, "estates.officer");
    const home = (await officer.call("GET", "/api/assets/v1/homes?q=Madeline")).body.items[0];
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/homes/${home.id}/edit`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Change the home’s details" }).waitFor();

      let dropped = 0;
      await page.route(`**/api/assets/v1/homes/${home.id}`, async (route) => {
        if (route.request().method() === "PATCH" && dropped === 0) {
          dropped += 1;
          await route.abort("internetdisconnected");
          return;
        }
        await route.continue();
      });
      await page.getByLabel("Phone number (optional)").fill("01928 510 777");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText(/not saved yet, will retry/).waitFor();
      await screenshot(page, "13-not-saved-yet");
      await page.getByText("The home’s details have been saved.").waitFor({ timeout: 20_000 });
      assert.equal(dropped, 1);
      const saved = (await officer.call("GET", `/api/assets/v1/homes/${home.id}`)).body;
      assert.equal(saved.phone, "01928 510 777");
      assert.equal(saved.version, home.version + 1, "saved exactly once");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});
