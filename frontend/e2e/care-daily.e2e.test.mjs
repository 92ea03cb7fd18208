// @ts-check
// End-to-end: care on shift (daily notes, risk assessments, reviews due, handover, record
// export) in real headless Chromium against a real `carehub run`. Every test admits its own
// resident through the API, so it depends on no other file and on no count another file changes.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
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

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/**
 * A new resident of the care worker's home with a signed-off one-section plan, reviewed weekly
 * (so the section is due within 7 days), admitted by the home manager.
 * @param {string} label
 */
async function admitResident(label) {
  const worker = await apiSession(server.url, "care.worker");
  const manager = await apiSession(server.url, "home.manager");
  const homeId = worker.me.homes[0] ?? "";
  const family = `${label}${unique()}`.slice(0, 40);
  const admitted = await manager.call("POST", "/api/careplan/v1/residents", {
    headers: { "idempotency-key": `e2e-daily-${family}` },
    body: { home_id: homeId, given_name: "Dora", family_name: family, date_of_birth: "1941-05-20", sex: "female", admission_date: "2026-11-01", fluid_target_ml: 1500 },
  });
  assert.equal(admitted.status, 201, JSON.stringify(admitted.body));
  const id = admitted.body.id;
  const plan = await manager.call("POST", `/api/careplan/v1/residents/${id}/care-plan/versions`, {
    body: { reason: "First plan", sections: [{ domain: "skin_integrity", needs: "Fragile skin on both heels.", review_interval: "weekly" }] },
  });
  assert.equal(plan.status, 201, JSON.stringify(plan.body));
  const signed = await manager.call("POST", `/api/careplan/v1/residents/${id}/care-plan/versions/1/sign-off`, { body: { involvement: "resident" } });
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  return { id, homeId, name: `Dora ${family}`, family, sectionId: signed.body.sections[0].id };
}

/**
 * The notes of a resident today whose text is exactly `text`, read through the API.
 * @param {string} residentId
 * @param {string} text
 */
async function notesWithText(residentId, text) {
  const nurse = await apiSession(server.url, "nurse");
  const page = await nurse.call("GET", `/api/careplan/v1/residents/${residentId}/notes?limit=200`);
  assert.equal(page.status, 200);
  return page.body.items.filter((/** @type {{ text: string }} */ n) => n.text === text);
}

/** @param {import("playwright-core").Page} page */
async function fluidTotal(page) {
  const text = await page.getByTestId("fluid-total").innerText();
  const match = /^([\d,]+) ml/.exec(text);
  assert.ok(match, text);
  return Number((match[1] ?? "").replaceAll(",", ""));
}

/**
 * Press Tab until the focused element matches `selector` (and has `text`, if given): keyboard only.
 * @param {import("playwright-core").Page} page
 * @param {string} selector
 * @param {string} [text]
 */
async function tabTo(page, selector, text) {
  for (let n = 0; n < 80; n += 1) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(
      ([s, t]) => {
        const el = document.activeElement;
        return Boolean(el?.matches(s ?? "") && (!t || el.textContent?.trim() === t));
      },
      [selector, text],
    );
    if (found) return;
  }
  assert.fail(`Tab never reached ${selector} ${text ?? ""}`);
}

describe("Care on shift in the browser", { timeout: 300_000 }, () => {
  it("lets a care worker record one-tap and free-text notes that show in the notes, with the drinks total rising", async () => {
    const resident = await admitResident("Notes");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      // From the start page to the resident, as a care worker would on a tablet.
      await page.goto("/");
      await signIn(page, "care.worker");
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Residents", exact: true }).click();
      await page.getByLabel("Search by name or NHS number").fill(resident.family);
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: new RegExp(resident.family) }).click();
      await page.getByRole("navigation", { name: "Resident’s record" }).getByRole("link", { name: "Daily notes" }).click();
      await page.waitForURL(new RegExp(`/care/residents/${resident.id}/notes$`));
      await page.getByRole("heading", { level: 1, name: "Daily notes" }).waitFor();
      await page.getByText(resident.family).first().waitFor();
      assert.equal(await fluidTotal(page), 0);
      await checkPage(page, "care-daily-01-notes-empty");

      await page.getByRole("button", { name: "Drank 200 ml", exact: true }).click();
      await page.getByText("Saved: Drank 200 ml.").waitFor();
      await page.waitForFunction(() => /^200 ml of 1,500 ml/.test(document.querySelector("[data-testid=fluid-total]")?.textContent ?? ""));
      await page.locator(".app-note-list").first().getByText("Drank 200 ml.").waitFor();

      await page.getByRole("button", { name: "Had breakfast", exact: true }).click();
      await page.getByText("Saved: Had breakfast.").waitFor();

      const text = `Chatted about her garden and the roses ${unique()}.`;
      await page.getByRole("radio", { name: "Mood and wellbeing" }).check();
      await page.getByLabel("Note", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Save note" }).click();
      const today = page.locator(".app-note-list").first();
      await today.getByText(text).waitFor();
      assert.equal(await page.getByLabel("Note", { exact: true }).inputValue(), "", "the form is cleared for the next note");
      // Latest first: the free-text note, then breakfast, then the drink.
      const order = await today.locator(".app-note__text").allInnerTexts();
      assert.deepEqual(order.slice(0, 3), [text, "Had breakfast.", "Drank 200 ml."]);

      // A drink without millilitres is explained next to the field, not sent.
      await page.getByRole("radio", { name: "Drinks" }).check();
      await page.getByLabel("Note", { exact: true }).fill("Juice");
      await page.getByRole("button", { name: "Save note" }).click();
      await page.locator(".govuk-error-summary").getByRole("link", { name: "Enter how much they drank, in millilitres" }).waitFor();
      await checkPage(page, "care-daily-02-notes-error");
      await page.getByLabel("How much did they drink?").fill("150");
      await page.getByRole("button", { name: "Save note" }).click();
      await page.waitForFunction(() => /^350 ml of 1,500 ml/.test(document.querySelector("[data-testid=fluid-total]")?.textContent ?? ""));
      assert.equal(await fluidTotal(page), 350);

      // A correction is a new note; the original stays, marked corrected, and the total follows it.
      await today.locator("li", { hasText: "Juice" }).getByRole("button", { name: /Correct this note/ }).click();
      await page.getByRole("heading", { name: /Correct the note from/ }).waitFor();
      await page.getByLabel("How much did they drink?").fill("100");
      await page.getByRole("button", { name: "Save correction" }).click();
      await page.waitForFunction(() => /^300 ml of 1,500 ml/.test(document.querySelector("[data-testid=fluid-total]")?.textContent ?? ""));
      await today.locator("li", { hasText: "Correction of the note written at" }).waitFor();
      await today.locator(".app-note--corrected", { hasText: "Juice" }).waitFor();
      await checkPage(page, "care-daily-03-notes-saved");

      assert.equal((await notesWithText(resident.id, text)).length, 1);
      assert.equal((await notesWithText(resident.id, "Drank 200 ml.")).length, 1);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("keeps a note whose answer was lost and saves it exactly once", async () => {
    const resident = await admitResident("Retry");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${resident.id}/notes`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Daily notes" }).waitFor();
      let posts = 0;
      /** @type {string[]} */
      const keys = [];
      // The first POST reaches Care Hub, which saves the note, but the answer never comes back.
      await page.route(`**/api/careplan/v1/residents/${resident.id}/notes`, async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        posts += 1;
        keys.push(route.request().headers()["idempotency-key"] ?? "");
        if (posts === 1) {
          await route.fetch();
          return route.abort("connectionreset");
        }
        return route.continue();
      });
      const text = `Walked to the lounge with her frame ${unique()}.`;
      await page.getByRole("radio", { name: "Activity" }).check();
      await page.getByLabel("Note", { exact: true }).fill(text);
      // The save status says the note is kept and will be retried; it shows for a moment only.
      await page.evaluate(() => {
        const seen = /** @type {{ sawRetry?: boolean }} */ (/** @type {unknown} */ (window));
        new MutationObserver(() => {
          if (/not saved yet, will retry/.test(document.body.textContent ?? "")) seen.sawRetry = true;
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await page.getByRole("button", { name: "Save note" }).click();
      await page.locator(".app-note-list").first().getByText(text).waitFor({ timeout: 60_000 });
      assert.equal(await page.evaluate(() => /** @type {{ sawRetry?: boolean }} */ (/** @type {unknown} */ (window)).sawRetry), true, "said it would retry");
      assert.ok(posts >= 2, "tried again");
      assert.ok(keys[0]);
      assert.ok(keys.every((key) => key === keys[0]), "always with the same Idempotency-Key");
      assert.equal((await notesWithText(resident.id, text)).length, 1, "saved exactly once");
      assert.equal(await page.locator(".app-note-list").first().getByText(text).count(), 1);
      await page.unroute(`**/api/careplan/v1/residents/${resident.id}/notes`);
    } finally {
      await browser.close();
    }
  });

  it("shows the notes page on a tablet, and works by keyboard alone", async () => {
    const resident = await admitResident("Tablet");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto(`/care/residents/${resident.id}/notes`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Daily notes" }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at 768 px (${overflow}px)`);
      const button = await page.getByRole("button", { name: "Had lunch", exact: true }).boundingBox();
      assert.ok(button && button.height >= 44 && button.width >= 44, "one-tap buttons are big enough to tap");
      await checkPage(page, "care-daily-04-notes-768");

      // Keyboard only: a one-tap note, then a free-text note flagged for handover.
      await tabTo(page, "button.app-quick-button", "Slept well");
      await page.keyboard.press("Enter");
      await page.getByText("Saved: Slept well.").waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Slept well", "focus stays on the button");
      // Into the radios (the first is Drinks), then the arrow keys choose Sleep.
      await tabTo(page, "#note-category");
      for (let n = 0; n < 4; n += 1) await page.keyboard.press("ArrowDown");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "note-category-sleep");
      await tabTo(page, "#note-text");
      const text = `Woke at 3 and asked for a warm drink ${unique()}.`;
      await page.keyboard.type(text);
      await tabTo(page, "#note-handover");
      await page.keyboard.press("Space");
      await tabTo(page, "button[type=submit]");
      await page.keyboard.press("Enter");
      await page.locator(".app-note-list").first().getByText(text).waitFor();
      const saved = await notesWithText(resident.id, text);
      assert.equal(saved.length, 1);
      assert.equal(saved[0].category, "sleep");
      assert.equal(saved[0].handover, true);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a nurse complete a Waterlow whose preview band is the band saved", async () => {
    const resident = await admitResident("Waterlow");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${resident.id}/risks`);
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: "Risk assessments" }).waitFor();
      await page.getByRole("row", { name: /Waterlow/ }).getByText("Not assessed yet").waitFor();
      await checkPage(page, "care-daily-05-risks");

      await page.getByRole("link", { name: "New Waterlow assessment" }).click();
      await page.getByRole("heading", { level: 1, name: /New Waterlow/ }).waitFor();
      const band = page.getByTestId("preview-band");
      const score = page.getByTestId("preview-score");
      // Female (2) and 85 (5) come from her record.
      assert.equal(await score.innerText(), "7");
      await page.getByLabel("BMI", { exact: true }).fill("19.2"); // below 20: 3
      await page.getByLabel(/^Dry/).check(); // 1
      await page.getByLabel(/^Discoloured/).check(); // 2
      await page.locator("#risk-weight_lost_recently-yes").check();
      await page.getByLabel(/^5 to 10 kg/).check(); // 2
      await page.locator("#risk-eating_poorly-no").check();
      await page.getByLabel(/^Urinary incontinence/).check(); // 1
      await page.getByLabel(/^Chairbound/).check(); // 5
      await page.waitForFunction(() => document.querySelector("[data-testid=preview-score]")?.textContent === "21");
      assert.equal(await band.innerText(), "Very high risk");
      await page.getByLabel(/^Restricted/).check(); // 3
      await page.waitForFunction(() => document.querySelector("[data-testid=preview-score]")?.textContent === "19");
      const previewBand = await band.innerText();
      assert.equal(previewBand, "High risk");
      await page.getByLabel("Care plan section it informs (optional)").selectOption({ label: "Skin integrity" });
      await page.getByLabel("Your professional judgement (optional)").fill("Heels red after sitting out; needs a cushion.");
      await checkPage(page, "care-daily-06-waterlow-form");
      await page.getByRole("button", { name: "Save assessment" }).click();

      await page.getByText(/Assessment saved\. Care Hub scored it 19: High risk/).waitFor();
      assert.equal(await page.getByTestId("saved-score").locator(".govuk-tag").innerText(), previewBand);
      await page.getByText("the linked care plan section is due for review today").waitFor();
      await checkPage(page, "care-daily-07-waterlow-saved");

      await page.getByRole("link", { name: "All risk assessments" }).click();
      await page.getByRole("table", { name: "Latest result of each tool" }).getByRole("row", { name: /Waterlow/ }).getByText("High risk").waitFor();

      for (const [tool, heading, shot] of [["must", /New MUST/, "care-daily-08-must-form"], ["falls", /New Falls/, "care-daily-09-falls-form"]]) {
        await page.goto(`/care/residents/${resident.id}/risks/new/${tool}`);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await checkPage(page, String(shot));
      }
      // MUST: a BMI worked out from weight and height, previewed before saving.
      await page.goto(`/care/residents/${resident.id}/risks/new/must`);
      await page.getByLabel("Weight now").fill("54");
      await page.locator("#risk-height_measured").check();
      await page.getByLabel("Height", { exact: true }).fill("170"); // BMI 18.7: 1
      await page.getByLabel(/^Unplanned weight loss/).fill("6"); // 10 %: 1
      await page.getByText("BMI used: 18.7").waitFor();
      assert.equal(await page.getByTestId("preview-band").innerText(), "High risk");
      await page.getByRole("button", { name: "Save assessment" }).click();
      await page.getByText(/Care Hub scored it 2: High risk/).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows a nurse the reviews due in her home and records one", async () => {
    const resident = await admitResident("Review");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/care/reviews");
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: "Care plan reviews due" }).waitFor();
      await page.locator("tbody tr").first().waitFor();
      // Soonest first, 50 a page: a review due in 7 days may be on a later page of a busy home.
      const row = page.getByRole("row", { name: new RegExp(resident.family) });
      for (let n = 0; n < 20 && (await row.count()) === 0; n += 1) {
        const first = await page.locator("tbody tr").first().textContent();
        await page.getByRole("link", { name: "Next page" }).click();
        await page.waitForFunction((text) => document.querySelector("tbody tr")?.textContent !== text && !document.querySelector("table[aria-busy=true]"), first);
      }
      await row.waitFor();
      assert.ok((await row.getByRole("link", { name: /^Skin integrity/ }).getAttribute("href"))?.endsWith(`/care/residents/${resident.id}/plan#section-skin_integrity`));
      await checkPage(page, "care-daily-10-reviews-due");

      await row.getByRole("link", { name: /Record review/ }).click();
      await page.getByRole("heading", { level: 1, name: "Review: Skin integrity" }).waitFor();
      await page.getByRole("button", { name: "Record review" }).click();
      await page.locator(".govuk-error-summary").getByRole("link", { name: "Select the outcome of the review" }).waitFor();
      await checkPage(page, "care-daily-11-review-form");
      await page.getByLabel("The plan needs changes").check();
      await page.getByLabel("Summary of the review").fill("Heels still red; spoke with Dora and her daughter.");
      await page.getByRole("button", { name: "Record review" }).click();
      await page.locator(".govuk-error-summary").getByRole("link", { name: "Say what should change in the plan" }).waitFor();
      await page.getByLabel("What should change in the plan").fill("Add a pressure-relieving cushion.");
      await page.getByRole("button", { name: "Record review" }).click();
      await page.getByText(/Review of Skin integrity for Dora .* recorded\. The next review is due on/).waitFor();
      const nurse = await apiSession(server.url, "nurse");
      const reviews = await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/reviews`);
      assert.equal(reviews.body.items.length, 1);
      assert.equal(reviews.body.items[0].outcome, "changes_needed");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows the shift handover with a flagged note and an incident, ready to print", async () => {
    const resident = await admitResident("Handover");
    const worker = await apiSession(server.url, "care.worker");
    const flagged = `Family visiting at 10, wants a word with the nurse ${unique()}.`;
    const incident = `Found sitting on the floor by the bed, no injury ${unique()}.`;
    for (const [category, text, handover] of [["visit", flagged, true], ["incident", incident, false]]) {
      const made = await worker.call("POST", `/api/careplan/v1/residents/${resident.id}/notes`, {
        body: { occurred_at: new Date(Date.now() - 60_000).toISOString(), category, text, handover },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/care/handover");
      await signIn(page, "senior.carer");
      await page.getByRole("heading", { level: 1, name: "Shift handover" }).waitFor();
      await page.getByRole("region", { name: /Incidents/ }).getByText(incident).waitFor();
      await page.getByRole("region", { name: /Notes for handover/ }).getByText(flagged).waitFor();
      await page.getByRole("region", { name: /Care plan reviews due/ }).waitFor();
      await checkPage(page, "care-daily-12-handover");

      // Another shift: yesterday's night, chosen from the form, kept in the address.
      await page.getByLabel("Shift", { exact: true }).selectOption("night");
      await page.getByRole("button", { name: "Show handover" }).click();
      await page.waitForURL(/shift=night/);
      await page.getByText(/20:00 to .* 08:00/).waitFor();

      await page.goto("/care/handover");
      await page.getByRole("region", { name: /Incidents/ }).getByText(incident).waitFor();
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator(".govuk-generic-header").isVisible(), false, "no header on paper");
      assert.equal(await page.getByRole("navigation", { name: "Care" }).isVisible(), false, "no navigation on paper");
      assert.equal(await page.getByRole("button", { name: "Print handover" }).isVisible(), false);
      assert.equal(await page.getByText(incident).isVisible(), true);
      await screenshot(page, "care-daily-13-handover-print");
      await page.emulateMedia({ media: "screen" });
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a nurse download the FHIR record, audited, and shows a care worker no download", async () => {
    const resident = await admitResident("Fhir");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${resident.id}/record`);
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: "Download the care record" }).waitFor();
      await page.getByText(/Every download is recorded/).waitFor();
      await checkPage(page, "care-daily-14-record-nurse");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the record (FHIR JSON)" }).click()]);
      assert.match(download.suggestedFilename(), new RegExp(`^fhir-${resident.family.toLowerCase()}-dora-\\d{4}-\\d{2}-\\d{2}\\.json$`));
      const path = await download.path();
      const bundle = JSON.parse(await readFile(path, "utf8"));
      assert.equal(bundle.resourceType, "Bundle");
      assert.equal(bundle.type, "collection");
      assert.ok(bundle.entry.some((/** @type {{ resource: { resourceType: string } }} */ e) => e.resource.resourceType === "Patient"));
      await page.getByText(/^Downloaded fhir-/).waitFor();
      await page.getByText(/It contains 1 Patient/).waitFor();

      const manager = await apiSession(server.url, "home.manager");
      const audit = await manager.call("GET", `/api/careplan/v1/residents/${resident.id}/audit?limit=50`);
      assert.ok(audit.body.items.some((/** @type {{ action: string }} */ e) => e.action === "export"), "the download is in the audit trail");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.goto(`/care/residents/${resident.id}/record`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Download the care record" }).waitFor();
      await page.getByText("Your role cannot download care records.").waitFor();
      assert.equal(await page.getByRole("button", { name: /Download/ }).count(), 0);
      await checkPage(page, "care-daily-15-record-care-worker");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("does not show another home's resident, whatever the address says", async () => {
    const admin = await apiSession(server.url, "admin");
    const worker = await apiSession(server.url, "care.worker");
    const residents = (await admin.call("GET", "/api/careplan/v1/residents?limit=200")).body.items;
    const other = residents.find((/** @type {{ home_id: string }} */ r) => !worker.me.homes.includes(r.home_id));
    assert.ok(other, "the demo data has residents in other homes");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${other.id}/notes`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      for (const path of ["risks", "record", "risks/new/waterlow"]) {
        await page.goto(`/care/residents/${other.id}/${path}`);
        await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      }
    } finally {
      await browser.close();
    }
  });
});
