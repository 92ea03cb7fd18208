// @ts-check
// End-to-end: the estate tools in real headless Chromium against a real `carehub run`: a fault
// reported from an asset's QR page on a phone, faults and repairs, the spreadsheet import wizard
// and the QR labels. Each test makes its own data (through the API) and never counts on another
// file's. Screenshots go to e2e/artifacts/tools-NN-*.png.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { apiSession, assertNoScriptErrors, checkPage, openBrowser, signIn, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;
/** @type {string} */
let scratch;
const RUN = Date.now().toString(36).toUpperCase();

before(async () => {
  server = await useCarehub();
  scratch = await mkdtemp(path.join(tmpdir(), "tools-e2e-"));
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}, { timeout: 60_000 });

/**
 * The person works in this home when the app starts (the app remembers the choice per user).
 * @param {import("playwright-core").BrowserContext} context
 * @param {string} username
 * @param {string} homeId
 */
async function workIn(context, username, homeId) {
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`carehub.home.${username}`, homeId]);
}

/** @param {Awaited<ReturnType<typeof apiSession>>} api @param {string} code */
async function categoryId(api, code) {
  const page = await api.call("GET", "/api/assets/v1/categories?limit=200");
  const found = page.body.items.find((/** @type {{code: string}} */ c) => c.code === code);
  assert.ok(found, `category ${code}`);
  return found.id;
}

/**
 * A new asset in a home, made as the estates officer.
 * @param {string} homeId @param {string} name @param {string} code @param {Record<string, unknown>} [extra]
 */
async function newAsset(homeId, name, code, extra = {}) {
  const officer = await apiSession(server.url, "estates.officer");
  const created = await officer.call("POST", "/api/assets/v1/assets", {
    body: { home_id: homeId, name, category_id: await categoryId(officer, code), extra },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

describe("Estate tools in the browser", { timeout: 400_000 }, () => {
  it("lets a care worker on a phone report a fault from an asset's QR page in two taps", async () => {
    const worker = await apiSession(server.url, "care.worker");
    const homeId = worker.me.homes[0] ?? "";
    const asset = await newAsset(homeId, `Wheelchair ${RUN}`, "wheelchair");

    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 }); // a phone, upright
    try {
      // The QR code opens the asset's page; signing in brings the person back to it.
      await page.goto(`/estate/assets/${asset.id}`);
      await page.waitForURL(/\/sign-in/);
      await signIn(page, "care.worker");
      await page.waitForURL(new RegExp(`/estate/assets/${asset.id}$`));
      await page.getByRole("heading", { level: 1, name: new RegExp(asset.name) }).waitFor();
      await page.getByRole("link", { name: "Report a fault" }).first().click(); // tap 1
      await page.waitForURL(new RegExp(`/estate/assets/${asset.id}/report-fault$`));
      await page.getByRole("heading", { level: 1, name: asset.name }).waitFor();
      await page.getByText(asset.tag, { exact: true }).waitFor();
      const notWorking = page.getByRole("button", { name: /^Not working/ });
      const box = await notWorking.boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 300, "a big button a thumb can hit");
      await checkPage(page, "tools-01-report-fault-phone");

      await notWorking.click(); // tap 2: reported at once
      await page.getByRole("heading", { level: 1, name: "Fault reported" }).waitFor();
      await page.getByText("What happens next").waitFor();
      await checkPage(page, "tools-02-fault-reported-phone");

      const defects = await worker.call("GET", `/api/assets/v1/defects?asset_id=${asset.id}`);
      assert.equal(defects.body.items.length, 1);
      assert.equal(defects.body.items[0].title, "Not working");
      assert.equal(defects.body.items[0].priority, "P2");
      assert.equal(defects.body.items[0].took_out_of_service, false);

      // Unsafe is urgent and stops the asset being used.
      await page.getByRole("button", { name: `Report another fault with ${asset.name}` }).click();
      const already = page.locator(".govuk-inset-text", { hasText: "Already reported" });
      await already.getByRole("link", { name: "Not working" }).waitFor();

      // Bad signal: the first try of this report never reaches Care Hub. It is kept and sent
      // again with the same Idempotency-Key, so it is saved exactly once.
      /** @type {string[]} */
      const keys = [];
      await page.route("**/api/assets/v1/defects", async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        keys.push((await route.request().allHeaders())["idempotency-key"] ?? "");
        return keys.length === 1 ? route.abort("internetdisconnected") : route.continue();
      });
      await page.getByRole("button", { name: /^Unsafe – stop using it/ }).click();
      await page.getByRole("heading", { level: 1, name: "Fault reported" }).waitFor({ timeout: 30_000 });
      await page.unroute("**/api/assets/v1/defects");
      assert.equal(keys.length, 2, "tried again after the dropped connection");
      assert.ok(keys[0] && keys[0] === keys[1], "the retry carries the same Idempotency-Key");
      await page.getByText("It is now marked out of service").waitFor();
      const after = await worker.call("GET", `/api/assets/v1/assets/${asset.id}`);
      assert.equal(after.body.status, "out_of_service");
      const unsafe = await worker.call("GET", `/api/assets/v1/defects?asset_id=${asset.id}&priority=P1`);
      assert.equal(unsafe.body.items.length, 1);
      assert.equal(unsafe.body.items[0].took_out_of_service, true);

      await page.getByRole("link", { name: `See every fault with ${asset.name}` }).click();
      await page.getByRole("heading", { level: 1, name: "Faults and repairs" }).waitFor();
      await page.getByText(`Faults reported with ${asset.name} (${asset.tag}).`).waitFor();
      await page.locator("tbody tr", { hasText: "Unsafe – stop using it" }).waitFor();
      assert.equal(await page.locator("tbody tr").count(), 2, "this asset's two faults");
      await checkPage(page, "tools-15-asset-faults-phone");

      // Another home's equipment is not there for this person, whatever the address says.
      const admin = await apiSession(server.url, "admin");
      const otherHome = (await admin.call("GET", "/api/assets/v1/homes?limit=200")).body.items.find((/** @type {{id: string}} */ h) => h.id !== homeId);
      const elsewhere = await newAsset(otherHome.id, `Hoist elsewhere ${RUN}`, "hoist", { safe_working_load_kg: 200 });
      await page.goto(`/estate/assets/${elsewhere.id}/report-fault`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a care worker describe any other fault using only the keyboard", async () => {
    const worker = await apiSession(server.url, "care.worker");
    const asset = await newAsset(worker.me.homes[0] ?? "", `Profiling bed ${RUN}`, "profiling_bed");
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/assets/${asset.id}/report-fault`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: asset.name }).waitFor();

      // Tab from the top of the page to the "describe" link and follow it.
      const link = page.getByRole("link", { name: "Something else? Describe the fault" });
      for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
      assert.ok(await link.evaluate((el) => el === document.activeElement), "the describe link is reached by Tab");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Describe the fault" }).waitFor();

      // Submitting nothing: the error summary takes focus, its links go to the fields.
      const submit = page.getByRole("button", { name: "Report the fault" });
      await submit.focus();
      await page.keyboard.press("Enter");
      const summary = page.locator(".govuk-error-summary");
      await summary.getByText("Enter what is wrong").waitFor();
      await summary.getByText("Select how urgent it is").waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkPage(page, "tools-03-describe-fault-errors");

      await page.keyboard.press("Tab"); // the first link in the focused summary
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "fault-title");
      await page.keyboard.type("Side rail will not lock");
      await page.keyboard.press("Tab");
      await page.keyboard.type("It drops when leaned on.");
      await page.keyboard.press("Tab"); // the first urgency radio
      await page.keyboard.press("ArrowDown"); // the second: soon
      await page.keyboard.press("Tab"); // the submit button
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Fault reported" }).waitFor();

      const defects = await worker.call("GET", `/api/assets/v1/defects?asset_id=${asset.id}`);
      assert.equal(defects.body.items.length, 1);
      assert.equal(defects.body.items[0].title, "Side rail will not lock");
      assert.equal(defects.body.items[0].description, "It drops when leaned on.");
      assert.equal(defects.body.items[0].priority, "P2");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets an estates officer find a fault, fix it with the return-to-service check, and not overwrite a colleague", async () => {
    const admin = await apiSession(server.url, "admin");
    const homes = (await admin.call("GET", "/api/assets/v1/homes?limit=200")).body.items;
    const home = homes.find((/** @type {{name: string}} */ h) => h.name === "Millbrow") ?? homes[0];
    const asset = await newAsset(home.id, `Stand aid ${RUN}`, "stand_aid", { safe_working_load_kg: 160 });
    const raised = await admin.call("POST", "/api/assets/v1/defects", {
      body: { asset_id: asset.id, title: `Brake slipping ${RUN}`, priority: "P1", take_out_of_service: true },
    });
    assert.equal(raised.status, 201, JSON.stringify(raised.body));
    const defect = raised.body;

    const browser = await openBrowser(server.url);
    const { page, context } = browser;
    await workIn(context, "estates.officer", home.id);
    await page.setViewportSize({ width: 768, height: 1024 }); // a tablet, upright
    try {
      await page.goto("/estate/defects");
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Faults and repairs" }).waitFor();
      await page.getByLabel("Priority").selectOption("P1");
      await page.getByLabel("Status").selectOption("open");
      await page.getByRole("button", { name: "Show faults" }).click();
      await page.waitForURL(/priority=P1/);
      const row = page.locator("tbody tr", { hasText: defect.title });
      await row.waitFor();
      await row.getByText(`${asset.name} (${asset.tag})`).waitFor();
      // The filtered page has replaced the one shown while it loaded: only open P1 faults.
      await page.locator("table[aria-busy='false']").waitFor();
      for (const cell of await page.locator("tbody tr td:nth-child(3)").allInnerTexts()) assert.match(cell, /P1/);
      for (const cell of await page.locator("tbody tr td:nth-child(4)").allInnerTexts()) assert.match(cell, /Open/);
      await checkPage(page, "tools-04-defects-tablet");

      await row.getByRole("link", { name: defect.title }).click();
      await page.getByRole("heading", { level: 1, name: defect.title }).waitFor();
      await page.getByRole("link", { name: `${asset.name} (${asset.tag})` }).waitFor();
      await checkPage(page, "tools-05-defect");

      await page.getByRole("link", { name: "Update the repair" }).click();
      await page.getByRole("heading", { level: 1, name: "Update the repair" }).waitFor();
      await page.getByLabel(/^Fixed/).check();
      await page.getByText("Return-to-service check").waitFor();
      await page.getByLabel("Who is fixing it (optional)").fill("Halton Mobility");
      await page.getByRole("button", { name: "Save" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary.getByText("Enter who checked it is safe").waitFor();
      await summary.getByText("Select whether it can be used again").waitFor();
      await checkPage(page, "tools-06-defect-update-errors");

      // Meanwhile a colleague writes down a different contractor.
      const colleague = await apiSession(server.url, "admin");
      const changed = await colleague.call("PATCH", `/api/assets/v1/defects/${defect.id}`, {
        headers: { "if-match": `"${defect.version}"` },
        body: { contractor: "Arjo Service", status: "in_progress" },
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));

      await page.getByLabel("Who checked it?").fill("J Patel, engineer");
      await page.getByLabel("Yes, it is safe").check();
      await page.getByLabel("What was done (optional)").fill("Brake pads replaced");
      await page.getByRole("button", { name: "Save" }).click();
      const conflict = page.getByRole("region", { name: "Someone else changed this while you were working on it" });
      await conflict.waitFor();
      await conflict.getByText("Arjo Service").waitFor();
      await conflict.getByText("Halton Mobility").waitFor();
      await checkPage(page, "tools-07-defect-conflict");
      const unchanged = await colleague.call("GET", `/api/assets/v1/defects/${defect.id}`);
      assert.equal(unchanged.body.contractor, "Arjo Service", "nothing overwritten before the person chooses");

      await conflict.getByRole("button", { name: "Keep my changes and save" }).click();
      await page.getByText("The fault has been updated.").waitFor();
      await page.getByRole("heading", { level: 1, name: defect.title }).waitFor();
      await page.locator(".govuk-summary-list .govuk-tag", { hasText: "Fixed" }).waitFor();
      const saved = await colleague.call("GET", `/api/assets/v1/defects/${defect.id}`);
      assert.equal(saved.body.status, "resolved");
      assert.equal(saved.body.contractor, "Halton Mobility");
      assert.equal(saved.body.return_check_by, "J Patel, engineer");
      assert.equal(saved.body.returned_to_service, true);
      const back = await colleague.call("GET", `/api/assets/v1/assets/${asset.id}`);
      assert.equal(back.body.status, "in_service", "the asset is back in service");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets an estates officer import a spreadsheet: match columns, fix a bad row, import, see the result", async () => {
    const officer = await apiSession(server.url, "estates.officer");
    const homes = (await officer.call("GET", "/api/assets/v1/homes?limit=200")).body.items;
    const home = homes.find((/** @type {{name: string}} */ h) => h.name === "Naughton Fields") ?? homes[0];
    const tags = [`IMP-${RUN}-1`, `IMP-${RUN}-2`];
    const bad = path.join(scratch, "kettles.csv");
    const good = path.join(scratch, "kettles-corrected.csv");
    const csv = (/** @type {string} */ secondCategory) =>
      `Tag,Name,Category,Colour,Serial\r\n${tags[0]},Kettle ${RUN} one,portable_appliance,red,K1\r\n${tags[1]},Kettle ${RUN} two,${secondCategory},blue,K2\r\n`;
    await writeFile(bad, csv("kettle_thing"));
    await writeFile(good, csv("portable_appliance"));

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/estate/import");
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Import assets from a spreadsheet" }).waitFor();
      await checkPage(page, "tools-08-import-upload");
      await page.getByLabel("Which home are the assets in?").selectOption(home.id);
      await page.setInputFiles("#import-file", bad);
      await page.getByRole("button", { name: "Continue" }).click();

      await page.getByRole("heading", { level: 1, name: "What does each column hold?" }).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByLabel("What the column “Name” holds").inputValue(), "name");
      assert.equal(await page.getByLabel("What the column “Colour” holds").inputValue(), "", "an unmatched column starts blank");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.locator(".govuk-error-summary").getByText("Choose what the column “Colour” holds, or choose not to import it").waitFor();
      await checkPage(page, "tools-09-import-columns-errors");
      await page.getByLabel("What the column “Colour” holds").selectOption("ignore");
      await page.getByRole("button", { name: "Continue" }).click();

      await page.getByRole("heading", { level: 1, name: "Fix the problems in the file" }).waitFor({ timeout: 30_000 });
      const problem = page.locator("tbody tr", { hasText: "kettle_thing" });
      await problem.waitFor();
      assert.equal(await problem.locator("td").nth(0).innerText(), "3");
      assert.equal(await problem.locator("td").nth(1).innerText(), "Category");
      await checkPage(page, "tools-10-import-problems");

      // Back goes to the matching step, with the choices kept; then forward again.
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "What does each column hold?" }).waitFor();
      assert.equal(await page.getByLabel("What the column “Colour” holds").inputValue(), "ignore");
      await page.goForward();
      await page.getByRole("heading", { level: 1, name: "Fix the problems in the file" }).waitFor();

      await page.getByRole("button", { name: "Upload the corrected file" }).click();
      await page.getByRole("heading", { level: 1, name: "Import assets from a spreadsheet" }).waitFor();
      await page.setInputFiles("#import-file", good);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("heading", { level: 1, name: "What does each column hold?" }).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByLabel("What the column “Colour” holds").inputValue(), "ignore", "the choice is kept for the corrected file");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("heading", { level: 1, name: "The file is ready to import" }).waitFor({ timeout: 30_000 });
      await checkPage(page, "tools-11-import-ready");
      assert.equal((await officer.call("GET", `/api/assets/v1/assets?home_id=${home.id}&q=${tags[0]}`)).body.items.length, 0, "a dry run writes nothing");

      await page.getByRole("button", { name: "Import the assets" }).click();
      await page.getByRole("heading", { level: 1, name: "2 assets imported" }).waitFor({ timeout: 60_000 });
      await page.getByRole("link", { name: `See the assets in ${home.name}` }).waitFor();
      assert.equal(await page.getByRole("link", { name: `See the assets in ${home.name}` }).getAttribute("href"), `/estate/assets?home_id=${home.id}`);
      await checkPage(page, "tools-12-import-done");
      await page.getByRole("link", { name: `See the assets in ${home.name}` }).click();
      await page.waitForURL(new RegExp(`/estate/assets\\?home_id=${home.id}`));
      await page.locator("h1").first().waitFor();

      for (const tag of tags) {
        const found = await officer.call("GET", `/api/assets/v1/assets?home_id=${home.id}&q=${encodeURIComponent(tag)}`);
        assert.equal(found.body.items.length, 1, `${tag} imported`);
        assert.equal(found.body.items[0].tag, tag);
        assert.equal(found.body.items[0].serial, tag.endsWith("1") ? "K1" : "K2");
      }
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows a sheet of QR labels to print, and one asset's label to download", async () => {
    const worker = await apiSession(server.url, "care.worker");
    const homeId = worker.me.homes[0] ?? "";
    const asset = await newAsset(homeId, `Hoist ${RUN}`, "hoist", { safe_working_load_kg: 180 });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/estate/labels");
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Print QR labels" }).waitFor();
      const sheet = page.locator("img.app-label-sheet");
      await sheet.waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector("img.app-label-sheet");
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
      });
      await page.getByText(/assets?: \d+ sheets?\. This is sheet 1 of \d+\./).waitFor();
      await checkPage(page, "tools-13-labels-sheet");

      // Printing gives the sheet alone, on one A4 page.
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      assert.equal(pages.length, 1, "one printed page");

      // The demo home has more than 21 assets: a second sheet follows the first.
      await page.getByRole("link", { name: "Next sheet" }).click();
      await page.getByText(/This is sheet 2 of \d+\./).waitFor();
      await page.getByRole("link", { name: "First sheet" }).click();
      await page.getByText(/This is sheet 1 of \d+\./).waitFor();

      await page.getByLabel("Category").selectOption({ label: "Hoist" });
      await page.getByRole("button", { name: "Show labels" }).click();
      await page.waitForURL(/category=/);
      await page.getByText(/This is sheet 1 of/).waitFor();

      await page.getByLabel("Tag, name or serial number").fill(asset.tag);
      await page.getByRole("button", { name: "Find" }).click();
      await page.getByRole("link", { name: `${asset.name} (${asset.tag})` }).click();
      await page.getByRole("heading", { level: 1, name: `${asset.name} (${asset.tag})` }).waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector("img.app-label-single");
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
      });
      await checkPage(page, "tools-14-asset-label");
      for (const [name, type] of [["The label, with the tag and name (SVG, for a label printer)", "image/svg+xml"], ["The QR code on its own (PNG picture)", "image/png"]]) {
        const href = await page.getByRole("link", { name }).getAttribute("href");
        const response = await page.request.get(href ?? "");
        assert.equal(response.status(), 200);
        assert.equal(response.headers()["content-type"], type);
      }
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});
