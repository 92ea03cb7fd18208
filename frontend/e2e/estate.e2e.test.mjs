// @ts-check
// End-to-end: Estate — compliance dashboards, the asset list and page, recording inspections.
// Every test makes the equipment it changes through the API first, so it depends on no other
// file and on no exact count that another file could change.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { apiSession, assertNoScriptErrors, checkPage, openBrowser, screenshot, signIn, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;
/** @type {Awaited<ReturnType<typeof apiSession>>} */
let officer;
/** @type {Record<string, string>} category code -> id */
const categories = {};
const RUN = randomUUID().slice(0, 6).toUpperCase();

before(async () => {
  server = await useCarehub();
  officer = await apiSession(server.url, "estates.officer");
  const list = await officer.call("GET", "/api/assets/v1/categories?limit=200");
  for (const c of list.body.items) categories[c.code] = c.id;
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
}, { timeout: 60_000 });

/**
 * A new asset in a home, through the API.
 * @param {string} homeId
 * @param {{ code: string, name: string, tag: string, extra?: Record<string, unknown>, make?: string, model?: string }} spec
 */
async function createAsset(homeId, spec) {
  const locations = await officer.call("GET", `/api/assets/v1/locations?home_id=${homeId}&kind=room&limit=1`);
  const created = await officer.call("POST", "/api/assets/v1/assets", {
    body: {
      home_id: homeId,
      category_id: categories[spec.code],
      name: spec.name,
      tag: spec.tag,
      location_id: locations.body.items[0]?.id ?? null,
      extra: spec.extra ?? {},
      ...(spec.make ? { make: spec.make, model: spec.model } : {}),
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

/** @param {string} code */
async function ruleFor(code) {
  const rules = await officer.call("GET", `/api/assets/v1/inspection-rules?category_id=${categories[code]}`);
  return rules.body.items[0];
}

/** The figures on a home's dashboard, as a person reads them. @param {import("playwright-core").Page} page */
async function dashboardFigures(page) {
  const figures = page.getByRole("list", { name: "Inspections and defects" });
  await figures.waitFor();
  /** @param {string} label */
  const figure = async (label) => Number(await figures.locator("li", { hasText: label }).locator(".app-estate-figure__number").innerText());
  const inDate = await page.getByText(/ of \d+ statutory inspections? on equipment in use/).innerText();
  const match = /(\d+) of (\d+) statutory/.exec(inDate);
  return { failed: await figure("Failed"), overdue: await figure("Overdue"), inDate: Number(match?.[1]), required: Number(match?.[2]) };
}

/** The demo care worker's home (so the care worker can see the equipment made there). */
async function careWorkerHome() {
  const worker = await apiSession(server.url, "care.worker");
  const homeId = worker.me.homes[0];
  assert.ok(homeId, "the demo care worker works in a home");
  return homeId;
}

describe("Estate in the browser", { timeout: 300_000 }, () => {
  it("an estates officer records a failed LOLER examination: the hoist goes out of service with a defect, and the dashboard changes", async () => {
    const homeId = await careWorkerHome();
    const hoist = await createAsset(homeId, { code: "hoist", name: `Test hoist ${RUN}`, tag: `E2E-HOI-${RUN}`, extra: { safe_working_load_kg: 180, hoist_type: "mobile" } });
    // In date first (a passing examination last month), so the fail is what changes the figures.
    const loler = await ruleFor("hoist");
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const passed = await officer.call("POST", "/api/assets/v1/inspections", {
      body: { asset_id: hoist.id, rule_id: loler.id, inspected_date: lastMonth, outcome: "pass", inspector_name: "Setup" },
    });
    assert.equal(passed.status, 201, JSON.stringify(passed.body));

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/homes/${homeId}/compliance`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
      const before = await dashboardFigures(page);
      await page.getByRole("figure", { name: "Statutory inspections in date, by category (%)" }).waitFor();
      await checkPage(page, "estate-01-home-dashboard");

      // The QR label's page.
      await page.goto(`/estate/assets/${hoist.id}`);
      await page.getByRole("heading", { level: 1, name: hoist.name }).waitFor();
      await page.getByRole("row", { name: /LOLER thorough examination/ }).getByText("In date").waitFor();
      await page.getByRole("link", { name: "Report a fault" }).waitFor();
      await checkPage(page, "estate-02-asset-in-service");

      await page.getByRole("link", { name: "Record an inspection" }).click();
      await page.getByRole("heading", { level: 1, name: "Record an inspection" }).waitFor();
      // One rule for a hoist: already chosen; the date is today; the inspector is the person.
      assert.equal(await page.getByLabel("LOLER thorough examination").isChecked(), true);
      assert.equal(await page.getByLabel("Who did the inspection?").inputValue(), "Ellis Owen");
      await page.getByLabel("Company (optional)").fill("Lift Safe Ltd");
      await page.getByLabel("Fail", { exact: true }).check();
      const warning = page.locator("#inspection-fail-warning");
      await warning.getByText(/will be taken out of service straight away and an urgent \(P1\) defect raised/).waitFor();
      await page.getByLabel(/Defects found/).fill("Lifting strap frayed at the spreader bar");
      await checkPage(page, "estate-03-record-failed-inspection");
      await page.getByRole("button", { name: "Save the failed inspection" }).click();

      await page.getByRole("heading", { level: 1, name: hoist.name }).waitFor();
      const banner = page.getByRole("alert").filter({ hasText: "Inspection recorded: fail" });
      await banner.getByText(/is now out of service/).waitFor();
      await banner.getByText("A defect has been raised").waitFor();
      await page.getByText("Do not use: this equipment is out of service.").waitFor();
      await page.locator(".govuk-summary-list__row", { hasText: "Status" }).first().getByText("Out of service").waitFor();
      const defect = page.locator(".govuk-summary-card", { hasText: "LOLER thorough examination" });
      await defect.getByText("P1 urgent (safety)").waitFor();
      await page.getByRole("row", { name: /LOLER thorough examination/ }).getByText("Failed").first().waitFor();
      const history = page.locator("section", { has: page.getByRole("heading", { name: "Inspection history" }) });
      await history.locator("tbody tr").first().getByText("Fail").waitFor();
      assert.equal(await history.locator("tbody tr").count(), 2, "the fail and the earlier pass, latest first");
      await checkPage(page, "estate-04-asset-out-of-service");

      // The dashboard: one more failed inspection, and the hoist no longer counts as in date.
      await page.goto(`/estate/homes/${homeId}/compliance`);
      const afterwards = await dashboardFigures(page);
      assert.equal(afterwards.failed, before.failed + 1, "failed count up by one");
      assert.equal(afterwards.inDate, before.inDate - 1, "one fewer inspection in date");
      assert.equal(afterwards.required, before.required - 1, "out of service equipment is not counted as required");
      await page.locator("#open-defects").locator("..").getByRole("link", { name: /Failed: LOLER thorough examination/ }).first().waitFor();

      // The failed count links to the inspections behind it.
      await page.getByRole("list", { name: "Inspections and defects" }).getByRole("link", { name: /Failed/ }).click();
      await page.getByRole("heading", { level: 1, name: "Failed inspections" }).waitFor();
      await page.getByRole("row", { name: new RegExp(hoist.name) }).waitFor();
      await checkPage(page, "estate-05-failed-items");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("judges readings live against the rule's limits, and the keyboard alone records an inspection", async () => {
    const homeId = await careWorkerHome();
    const outlet = await createAsset(homeId, { code: "water_outlet_sentinel", name: `Test sentinel tap ${RUN}`, tag: `E2E-SEN-${RUN}`, extra: { supply: "both" } });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/assets/${outlet.id}/inspect`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Record an inspection" }).waitFor();

      // Nothing but the keyboard from here: Tab to each field, type, Space, Enter.
      await page.keyboard.press("Tab"); // from the heading to the back link
      const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
      /** @param {string} id */
      const tabTo = async (id) => {
        for (let i = 0; i < 30 && (await focusedId()) !== id; i += 1) await page.keyboard.press("Tab");
        assert.equal(await focusedId(), id);
      };
      await tabTo("inspection-rule");
      await page.keyboard.press("Space");
      await tabTo("inspection-reading-hot_water_temperature_c");
      const hot = page.locator("#inspection-reading-hot_water_temperature_c-judgement");
      await page.keyboard.type("49.9");
      await hot.getByText("Outside limit: must be at least 50 °C").waitFor();
      await page.locator("#inspection-fail-warning").getByText(/a high-priority \(P2\) defect will be raised/).waitFor();
      await page.getByText("A reading is outside its limit, so this inspection will be saved as a fail.").waitFor();
      for (let i = 0; i < 4; i += 1) await page.keyboard.press("Backspace");
      await page.keyboard.type("50");
      await hot.getByText("Within limit").waitFor();
      await tabTo("inspection-reading-cold_water_temperature_c");
      await page.keyboard.type("20");
      const cold = page.locator("#inspection-reading-cold_water_temperature_c-judgement");
      await cold.getByText("Outside limit: must be below 20 °C").waitFor();
      await page.keyboard.press("Backspace");
      await page.keyboard.press("Backspace");
      await page.keyboard.type("12.5");
      await cold.getByText("Within limit").waitFor();
      assert.equal(await page.locator("#inspection-fail-warning").count(), 0);
      await checkPage(page, "estate-06-readings-judged-live");

      await tabTo("inspection-outcome");
      await page.keyboard.press("Space");
      assert.equal(await page.getByLabel("Pass", { exact: true }).isChecked(), true);
      await page.keyboard.press("Enter"); // submits the form
      await page.getByRole("heading", { level: 1, name: outlet.name }).waitFor();
      const banner = page.getByRole("alert").filter({ hasText: "Inspection recorded" });
      await banner.getByText(/saved as pass/).waitFor();
      await banner.getByText(/Hot water temperature 50 °C: within limit/).waitFor();
      await page.getByRole("row", { name: /Sentinel outlet temperature check/ }).getByText("In date").waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows the form's mistakes and the server's judgement in words", async () => {
    const homeId = await careWorkerHome();
    const tmv = await createAsset(homeId, { code: "tmv", name: `Test bath valve ${RUN}`, tag: `E2E-TMV-${RUN}`, extra: { outlet_use: "bath" } });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/assets/${tmv.id}/inspect`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Record an inspection" }).waitFor();
      await page.getByLabel("Day").fill("31");
      await page.getByLabel("Month").fill("2");
      await page.getByLabel("Mixed water temperature").fill("hot");
      await page.getByRole("button", { name: "Save the inspection" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary.getByText("The date of the inspection must be a real date, like 27 3 2026").waitFor();
      await summary.getByText("Enter the mixed water temperature as a number, like 41").waitFor();
      await summary.getByText("Select the outcome of the inspection").waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkPage(page, "estate-07-inspection-errors");

      // Today as the service counts it: the UK date.
      const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()).split("-");
      await page.getByLabel("Day").fill(String(Number(day)));
      await page.getByLabel("Month").fill(String(Number(month)));
      await page.getByLabel("Year").fill(year ?? "");
      await page.getByLabel("Mixed water temperature").fill("46");
      await page.locator("#inspection-reading-mixed_water_temperature_c-judgement").getByText("Outside limit: must be between 38 and 44 °C").waitFor();
      await page.getByLabel("Pass", { exact: true }).check();
      await page.getByRole("button", { name: "Save the failed inspection" }).click();
      await page.getByRole("heading", { level: 1, name: tmv.name }).waitFor();
      // The server judged it too: a fail, whatever was chosen; a TMV fail takes it out of service.
      const banner = page.getByRole("alert").filter({ hasText: "Inspection recorded: fail" });
      await banner.getByText(/Mixed water temperature 46 °C: outside limit/).waitFor();
      await page.getByText("Do not use: this equipment is out of service.").waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("keeps an inspection whose answer was lost and saves it exactly once", async () => {
    const homeId = await careWorkerHome();
    const light = await createAsset(homeId, { code: "emergency_light", name: `Test exit light ${RUN}`, tag: `E2E-EML-${RUN}`, extra: { mode: "maintained", duration_hours: 3 } });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/assets/${light.id}/inspect`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Record an inspection" }).waitFor();
      // Two rules for an emergency light: the person chooses, and the readings follow the rule.
      assert.equal(await page.getByLabel("How long the lights stayed on").count(), 0);
      await page.getByLabel("Emergency lighting annual full-duration test").check();
      await page.getByLabel("How long the lights stayed on").fill("185");
      await page.locator("#inspection-reading-emergency_duration_minutes-judgement").getByText("Within limit").waitFor();
      await page.getByLabel("Pass", { exact: true }).check();

      // The first answer never arrives (the request did reach Care Hub): the save is kept and
      // retried with the same Idempotency-Key, so the server records it once.
      /** @type {string[]} */
      const keys = [];
      await page.route("**/api/assets/v1/inspections", async (route) => {
        keys.push(route.request().headers()["idempotency-key"] ?? "");
        if (keys.length === 1) {
          await route.fetch();
          await route.abort("internetdisconnected");
          return;
        }
        await route.continue();
      });
      await page.getByRole("button", { name: "Save the inspection" }).click();
      await page.getByText(/Inspection of Test exit light .*: not saved yet, will retry/).waitFor();
      await screenshot(page, "estate-14-inspection-not-saved-yet");
      await page.getByRole("alert").filter({ hasText: "Inspection recorded" }).waitFor({ timeout: 30_000 });
      assert.equal(keys.length, 2);
      assert.equal(keys[0], keys[1], "the retry carries the same Idempotency-Key");
      const recorded = await officer.call("GET", `/api/assets/v1/inspections?asset_id=${light.id}`);
      assert.equal(recorded.body.items.length, 1, "saved exactly once");
      await page.getByRole("row", { name: /Emergency lighting annual full-duration test/ }).getByText("In date").waitFor();
      await page.getByRole("row", { name: /Emergency lighting monthly function test/ }).getByText("Never").waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("finds equipment by filter and search, 50 at a time, kept in the address", async () => {
    const admin = await apiSession(server.url, "admin");
    const home = await admin.call("POST", "/api/assets/v1/homes", {
      body: { name: `Test Estate Home ${RUN}`, address_line1: "1 Test Road", town: "Runcorn", postcode: "WA7 1AA", registered_beds: 10 },
    });
    assert.equal(home.status, 201, JSON.stringify(home.body));
    const homeId = home.body.id;
    const building = await officer.call("POST", "/api/assets/v1/locations", { body: { home_id: homeId, kind: "building", name: "Main house" } });
    assert.equal(building.status, 201, JSON.stringify(building.body));
    const floor = await officer.call("POST", "/api/assets/v1/locations", { body: { home_id: homeId, kind: "floor", name: "First floor", parent_id: building.body.id } });
    const room = await officer.call("POST", "/api/assets/v1/locations", { body: { home_id: homeId, kind: "room", room_type: "bathroom", name: "Bathroom 2", parent_id: floor.body.id } });
    assert.equal(room.status, 201, JSON.stringify(room.body));
    for (let n = 1; n <= 53; n += 1) {
      const created = await officer.call("POST", "/api/assets/v1/assets", {
        body: { home_id: homeId, category_id: categories.wheelchair, name: `Wheelchair ${String(n).padStart(2, "0")}`, tag: `E2E-${RUN}-W${String(n).padStart(2, "0")}`, location_id: building.body.id },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    const sling = await officer.call("POST", "/api/assets/v1/assets", {
      body: { home_id: homeId, category_id: categories.sling, name: "Bath sling", tag: `E2E-${RUN}-SL1`, serial: `SN-77${RUN}`, make: "Arjo", model: "Flites", location_id: room.body.id, condition: "C", extra: { sling_size: "M", safe_working_load_kg: 190 } },
    });
    assert.equal(sling.status, 201, JSON.stringify(sling.body));

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/estate/assets?home_id=${homeId}`);
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: "Equipment" }).waitFor();
      await page.getByText("54 assets in this home.").waitFor();
      assert.equal(await page.locator("tbody tr").count(), 50);
      await checkPage(page, "estate-08-asset-list");
      await page.getByRole("link", { name: "Next page" }).click();
      await page.getByRole("link", { name: "First page" }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 4);

      // Search: a word prefix of the serial finds the sling.
      await page.getByLabel("Search by tag, serial, name or model").fill("sn-77");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(/q=sn-77/);
      await page.getByText("1 asset match.").waitFor();
      await page.getByRole("link", { name: "Bath sling" }).waitFor();

      // Filters: a floor includes the rooms in it; condition; category.
      await page.getByRole("link", { name: "Clear filters" }).click();
      await page.getByText("54 assets in this home.").waitFor();
      await page.getByLabel("Location (and the rooms in it)").selectOption({ label: "Main house, First floor" });
      await page.getByLabel("Condition").selectOption("C");
      await page.getByLabel("Category").selectOption({ label: "Sling" });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByText("1 asset match.").waitFor();
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("location_id"), floor.body.id);
      assert.equal(url.searchParams.get("condition"), "C");
      assert.equal(url.searchParams.get("category_id"), categories.sling);
      assert.equal(await page.getByLabel("Condition").inputValue(), "C", "the form shows the filters in the address");
      await page.getByRole("row", { name: /Bath sling/ }).getByText("Main house, First floor, Bathroom 2").waitFor();
      // Never inspected, added today: due today, so not yet overdue; due by today finds it.
      await page.getByLabel("Overdue only").check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByText("No equipment matches these filters.").waitFor();
      await page.getByLabel("Overdue only").uncheck();
      await page.getByLabel("Status").selectOption("out_of_service");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByText("No equipment matches these filters.").waitFor();
      await checkPage(page, "estate-09-asset-list-filtered");

      // The same filters download as a spreadsheet.
      const href = await page.getByRole("link", { name: "CSV" }).count();
      assert.equal(href, 0, "no download links for an empty list");
      await page.getByLabel("Status").selectOption("in_service");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByText("1 asset match.").waitFor();
      const csv = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
      assert.ok(csv);
      const download = await page.evaluate(async (link) => (await fetch(link)).text(), csv);
      assert.match(download, /Bath sling/);
      assert.doesNotMatch(download, /Wheelchair/);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows a care worker their home's dashboard and equipment, on a tablet, without recording inspections", async () => {
    const homeId = await careWorkerHome();
    const bed = await createAsset(homeId, { code: "profiling_bed", name: `Test bed ${RUN}`, tag: `E2E-BED-${RUN}` });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto("/");
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: /Hello, Casey/ }).waitFor();
      await page.getByRole("link", { name: "Estate", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
      await page.getByRole("list", { name: "Inspections and defects" }).waitFor();
      await checkPage(page, "estate-10-estate-care-worker");

      await page.goto(`/estate/assets/${bed.id}`);
      await page.getByRole("heading", { level: 1, name: bed.name }).waitFor();
      await page.getByRole("link", { name: "Report a fault" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Record an inspection" }).count(), 0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 768, `no sideways scrolling at 768 px (page is ${width} px wide)`);
      await checkPage(page, "estate-11-asset-768px-care-worker");

      // On a phone, as the QR label opens it: "Report a fault" is on the first screen, one tap away.
      await page.setViewportSize({ width: 390, height: 844 });
      const report = await page.getByRole("link", { name: "Report a fault" }).boundingBox();
      assert.ok(report && report.y + report.height <= 844 && report.height >= 44, `Report a fault is on the first screen, big enough to tap (${JSON.stringify(report)})`);
      await checkPage(page, "estate-15-asset-phone");
      await page.setViewportSize({ width: 768, height: 1024 });

      await page.goto(`/estate/assets/${bed.id}/inspect`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();

      await page.goto(`/estate/assets?home_id=${homeId}`);
      await page.getByRole("heading", { level: 1, name: "Equipment" }).waitFor();
      await page.locator("tbody tr").first().waitFor();
      await checkPage(page, "estate-12-asset-list-768px");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows an org-wide person every home, and another home's equipment is not found for a care worker", async () => {
    const homeId = await careWorkerHome();
    const homes = (await officer.call("GET", "/api/assets/v1/homes?limit=200")).body.items;
    const other = homes.find((/** @type {{ id: string }} */ h) => h.id !== homeId);
    const elsewhere = await createAsset(other.id, { code: "wheelchair", name: `Test chair elsewhere ${RUN}`, tag: `E2E-WCE-${RUN}` });
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/estate");
      await signIn(page, "divisional.manager");
      await page.getByRole("heading", { level: 1, name: /Compliance across the estate/ }).waitFor();
      await page.getByRole("table", { name: /Homes, those needing most attention first/ }).waitFor();
      await checkPage(page, "estate-13-estate-wide");
      await page.getByRole("link", { name: other.name, exact: true }).first().click();
      await page.getByRole("heading", { level: 1, name: /Compliance/ }).waitFor();
      await page.locator("h1").getByText(other.name).waitFor();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You have signed out.").waitFor();

      await page.goto(`/estate/assets/${elsewhere.id}`);
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      await page.goto(`/estate/homes/${other.id}/compliance`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});
