// @ts-check
// End-to-end: care planning (residents, the resident summary and the care plan) in real headless
// Chromium against a real `carehub run`. Every test admits its own resident through the API, so
// it never depends on another file's data. Screenshots go to e2e/artifacts/careplans-*.png.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiSession, assertNoScriptErrors, checkPage as checkPageNamed, DEMO_PASSWORD, openBrowser, signIn, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;

before(async () => {
  server = await useCarehub();
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
}, { timeout: 60_000 });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A family name no other test uses, letters only (names are searched by word). */
function testFamilyName() {
  const letters = unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)] ?? "x");
  return `Testplan${letters}`;
}

/**
 * Admit a resident to the nurse's home with an allergy and a signed-off first care plan.
 * @param {string} url
 */
async function admitResident(url) {
  const manager = await apiSession(url, "home.manager");
  const nurse = await apiSession(url, "nurse");
  const homeId = nurse.me.homes[0];
  const familyName = testFamilyName();
  const admitted = await manager.call("POST", "/api/careplan/v1/residents", {
    headers: { "idempotency-key": `e2e-admit-${familyName}` },
    body: {
      home_id: homeId,
      given_name: "Winifred",
      family_name: familyName,
      preferred_name: "Winnie",
      date_of_birth: "1941-03-09",
      sex: "female",
      admission_date: "2026-11-02",
      what_matters_to_me: "Seeing my grandson on Sundays.",
    },
  });
  assert.equal(admitted.status, 201, JSON.stringify(admitted.body));
  const resident = admitted.body;
  const allergy = await manager.call("POST", `/api/careplan/v1/residents/${resident.id}/allergies`, {
    body: { substance: "Peanuts", category: "food", severity: "severe", reaction: "Swelling of the throat" },
  });
  assert.equal(allergy.status, 201, JSON.stringify(allergy.body));
  const first = await nurse.call("POST", `/api/careplan/v1/residents/${resident.id}/care-plan/versions`, {
    body: {
      reason: "Care plan agreed after admission",
      sections: [
        {
          domain: "mobility_and_falls",
          needs: "Walks with a stick; unsteady when tired.",
          preferences: "Let me walk by myself where I can.",
          goals: [{ description: "Walk to the garden every day", measure: "Daily, with no falls" }],
          interventions: [{ what: "Walk alongside in the evening", how_often: "Every evening", by_whom: "Care team" }],
        },
        { domain: "communication", needs: "Wears glasses for reading.", review_interval: "quarterly" },
      ],
    },
  });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const signed = await nurse.call("POST", `/api/careplan/v1/residents/${resident.id}/care-plan/versions/1/sign-off`, {
    body: { involvement: "resident", involvement_note: "Agreed with Winnie." },
  });
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  return { resident, familyName, nurse, manager };
}

/** @param {number} days */
function isoDate(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Give a resident the other alerts: a high falls risk linked to their mobility section (which
 * makes its review due today) and a DoLS authorisation expiring in 10 days.
 * @param {Awaited<ReturnType<typeof admitResident>>} admitted
 */
async function addAlerts({ resident, nurse, manager }) {
  const plan = (await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/care-plan`)).body;
  const mobility = plan.current.sections.find((/** @type {{domain: string}} */ s) => s.domain === "mobility_and_falls");
  const risk = await nurse.call("POST", `/api/careplan/v1/residents/${resident.id}/risk-assessments`, {
    body: {
      tool: "falls",
      assessed_at: new Date(Date.now() - 60_000).toISOString(),
      section_id: mobility.id,
      items: { recent_falls: "in_last_3_months", medications: 3, psychological: "moderately", amts: 6, dizziness_or_postural_hypotension: true },
    },
  });
  assert.equal(risk.status, 201, JSON.stringify(risk.body));
  assert.equal(risk.body.high_risk, true);
  const dols = await manager.call("POST", `/api/careplan/v1/residents/${resident.id}/dols`, {
    body: { stage: "authorisation", kind: "standard", supervisory_body: "Northshire County Council", event_date: isoDate(-300), starts_on: isoDate(-300), expires_on: isoDate(10) },
  });
  assert.equal(dols.status, 201, JSON.stringify(dols.body));
  return risk.body;
}

/**
 * Press Tab until the focused element's text (or label) matches, as a keyboard user would.
 * @param {import("playwright-core").Page} page
 * @param {RegExp} wanted
 */
async function tabTo(page, wanted) {
  for (let n = 0; n < 60; n += 1) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return "";
      const id = el.getAttribute("id");
      const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : "";
      return `${el.textContent ?? ""} ${label ?? ""} ${el.getAttribute("aria-label") ?? ""}`.trim();
    });
    if (wanted.test(text)) return;
  }
  throw new Error(`Tab never reached ${wanted}`);
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
const checkPage = (page, name) => checkPageNamed(page, `careplans-${name}`);

describe("Care planning in the browser", { timeout: 300_000 }, () => {
  it("shows a care worker Not found, never the record, for another home's resident reached by editing the URL", async () => {
    const manager = await apiSession(server.url, "home.manager");
    const worker = await apiSession(server.url, "care.worker");
    assert.equal(worker.me.homes.length, 1, "the demo care worker works in one home");
    const otherHome = manager.me.homes.find((/** @type {string} */ id) => id !== worker.me.homes[0]);
    assert.ok(otherHome, "the demo home manager runs a second home");
    const theirs = (await manager.call("GET", `/api/careplan/v1/residents?home_id=${otherHome}&limit=1`)).body.items[0];
    assert.ok(theirs, "the second demo home has residents");
    assert.equal((await worker.call("GET", `/api/careplan/v1/residents/${theirs.id}`)).status, 404, "the API refuses it as missing");

    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/care/residents");
      await signIn(page, "care.worker");
      await page.getByRole("heading", { level: 1, name: /Residents/ }).waitFor();
      for (const suffix of ["", "/plan", "/plan/versions", "/plan/compare?from=1&to=2", "/plan/edit", "/plan/sign-off"]) {
        await page.goto(`/care/residents/${theirs.id}${suffix}`);
        await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
        const text = await page.locator("body").innerText();
        assert.ok(!text.includes(theirs.family_name), `no name on ${suffix || "the summary"}`);
        assert.ok(!text.includes(theirs.given_name), `no given name on ${suffix || "the summary"}`);
      }
      await checkPage(page, "01-other-home-not-found");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a care worker find a resident, read their alerts and care plan, with no edit or sign-off controls", async () => {
    const admitted = await admitResident(server.url);
    const { resident, familyName } = admitted;
    const risk = await addAlerts(admitted);
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/");
      await signIn(page, "care.worker");
      await page.getByRole("link", { name: "Residents", exact: true }).first().click();
      await page.waitForURL(/\/care\/residents$/);
      await page.getByRole("heading", { level: 1, name: /Residents/ }).waitFor();
      await page.locator("tbody tr").first().waitFor();
      await checkPage(page, "02-residents");

      await page.getByLabel("Search by name or NHS number").fill(familyName.toLowerCase());
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(new RegExp(`q=${familyName.toLowerCase()}`));
      await page.getByText("1 resident found").waitFor();
      assert.equal(await page.locator("tbody tr").count(), 1);
      await page.getByLabel("Status").selectOption("discharged");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("No residents match your search.").waitFor();
      await page.getByLabel("Status").selectOption("active");
      await page.getByRole("button", { name: "Search" }).click();
      await checkPage(page, "03-residents-search");
      await page.getByRole("link", { name: `Winifred ${familyName} (Winnie)` }).click();

      await page.getByRole("heading", { level: 1, name: "Summary" }).waitFor();
      const alerts = page.locator("#alerts");
      await alerts.getByText("Allergic to Peanuts (food). Severe reaction: swelling of the throat.").waitFor();
      await alerts.getByText(/^DoLS authorisation expires in \d+ days, on .+\. Ask Northshire County Council to renew it\.$/).waitFor();
      await alerts.getByText("Review of “Mobility and falls” is due today.").waitFor();
      await alerts.getByText(new RegExp(`^Falls risk \\(FRAT\\): high \\(score ${risk.score}\\)`)).waitFor();
      await page.getByRole("heading", { name: "Alerts (4)" }).waitFor();
      await alerts.getByRole("link", { name: "See risk assessments" }).waitFor();
      await alerts.getByRole("link", { name: "Go to reviews due" }).waitFor();
      await page.getByRole("heading", { name: "About me" }).waitFor();
      await page.getByText("Seeing my grandson on Sundays.").waitFor();
      const nav = page.getByRole("navigation", { name: "Resident’s record" });
      assert.equal(await nav.getByRole("link", { name: "Share record" }).count(), 0, "care workers do not export records");
      await nav.getByRole("link", { name: "Daily notes" }).waitFor();
      await checkPage(page, "04-summary");

      await nav.getByRole("link", { name: "Care plan" }).click();
      await page.getByRole("heading", { level: 1, name: "Care plan" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Mobility and falls" }).waitFor();
      await page.getByText("Walk to the garden every day").waitFor();
      assert.equal(await page.getByRole("link", { name: /Edit/ }).count(), 0, "no edit control");
      assert.equal(await page.getByRole("link", { name: /Sign off/ }).count(), 0, "no sign-off control");
      await checkPage(page, "05-plan-care-worker");

      // The plan's contents and the header's alerts take the person to the part they name.
      await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Mobility and falls" }).click();
      await page.waitForFunction(() => document.activeElement?.id === "section-mobility_and_falls");
      await page.getByRole("link", { name: "4 alerts" }).click();
      await page.getByRole("heading", { level: 1, name: "Summary" }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === "alerts");
      await page.getByRole("link", { name: "See allergies" }).click();
      await page.waitForFunction(() => document.activeElement?.id === "allergies");

      // Typing the edit address shows Not found, not a form the server would refuse.
      await page.goto(`/care/residents/${resident.id}/plan/edit`);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a nurse on a tablet edit a section as a new draft, sign it off and compare the versions side by side", async () => {
    const { resident, nurse } = await admitResident(server.url);
    const browser = await openBrowser(server.url);
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 }); // a tablet, upright
    try {
      await page.goto(`/care/residents/${resident.id}/plan`);
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: "Care plan" }).waitFor();
      await checkPage(page, "06-plan-nurse-768");
      await page.getByRole("link", { name: "Edit as a new draft" }).click();
      await page.getByRole("heading", { level: 1, name: /Edit the care plan/ }).waitFor();
      await checkPage(page, "07-plan-edit-768");

      // Missing answers are explained next to their fields.
      await page.locator("#plan-sections-0-needs").fill("");
      await page.getByRole("button", { name: "Save as a draft" }).click();
      const summary = page.locator(".govuk-error-summary");
      await summary.getByText("Enter the needs for Mobility and falls").waitFor();
      await summary.getByText("Enter why the plan is changing").waitFor();
      await page.locator("#plan-sections-0-needs-error").getByText("Enter the needs for Mobility and falls").waitFor();
      assert.match(await page.title(), /^Error: /);
      await checkPage(page, "08-plan-edit-errors");

      await page.locator("#plan-sections-0-needs").fill("Walks with a frame since a fall on 1 December.");
      await page.getByRole("button", { name: "Add a goal to Mobility and falls" }).click();
      const goal = page.locator("#plan-sections-0-goals-1-description");
      await goal.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), "plan-sections-0-goals-1-description", "focus moves to the new goal");
      await goal.fill("Join the chair exercise class");
      await page.locator("#plan-sections-0-goals-1-measure").fill("Twice a week");
      await page.getByRole("button", { name: /Remove this section.*Communication/ }).click();
      await page.getByLabel("Why is the plan changing?").fill("Reviewed after a fall");
      await page.getByRole("button", { name: "Save as a draft" }).click();

      await page.getByText("Your changes are saved as draft version 2.").waitFor();
      await page.getByRole("heading", { level: 1, name: "Care plan: version 2" }).waitFor();
      await page.getByText("Walks with a frame since a fall on 1 December.").waitFor();
      await checkPage(page, "09-plan-draft");

      await page.getByRole("link", { name: "Sign off this draft" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign off the care plan" }).waitFor();
      await page.getByRole("button", { name: "Sign off this version" }).click();
      await page.locator(".govuk-error-summary").getByText("Select who agreed the plan").waitFor();
      await page.getByLabel("Neither could take part").check();
      await page.getByRole("button", { name: "Sign off this version" }).click();
      await page.locator(".govuk-error-summary").getByText("Say why neither the resident nor a representative could take part").waitFor();
      await checkPage(page, "10-sign-off-errors");
      await page.getByLabel("The resident and their representative agreed it").check();
      await page.getByLabel("How did they take part? (optional)").fill("Talked it through with Winnie and her son.");
      await page.getByRole("button", { name: "Sign off this version" }).click();
      await page.getByText("Version 2 is signed off and is now the care plan in use.").waitFor();
      await page.getByText("The resident and their representative").waitFor();

      const plan = (await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/care-plan`)).body;
      assert.equal(plan.current_version_number, 2);
      assert.equal(plan.current.involvement, "resident_and_representative");
      assert.deepEqual(plan.current.sections.map((/** @type {{domain: string}} */ s) => s.domain), ["mobility_and_falls"]);

      await page.getByRole("link", { name: "Version history" }).click();
      await page.getByRole("heading", { level: 1, name: "Care plan versions" }).waitFor();
      await page.getByRole("link", { name: "Version 1", exact: true }).waitFor();
      await checkPage(page, "11-versions");
      await page.getByRole("button", { name: "Compare side by side" }).click();
      await page.getByRole("heading", { level: 1, name: "Compare version 1 with version 2" }).waitFor();
      await page.getByText("1 section changed and 1 section removed.").waitFor();
      const changed = page.getByRole("table", { name: /Mobility and falls: version 1 and version 2/ });
      const needsRow = changed.getByRole("row", { name: /Changed Needs/ });
      await needsRow.getByText("Walks with a stick; unsteady when tired.").waitFor();
      await needsRow.getByText("Walks with a frame since a fall on 1 December.").waitFor();
      await changed.getByRole("row", { name: /Added Goal/ }).getByText(/Join the chair exercise class/).waitFor();
      await page.getByRole("table", { name: /Communication: version 1 and version 2/ }).getByRole("row", { name: /Removed Needs/ }).waitFor();
      await checkPage(page, "12-compare");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("shows both versions when someone else saved a draft first, and keeps both changes when asked", async () => {
    const { resident, nurse } = await admitResident(server.url);
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${resident.id}/plan/edit`);
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: /Edit the care plan/ }).waitFor();

      // Someone else saves a draft while this form is open.
      const current = (await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/care-plan`)).body.current;
      const sections = current.sections.map((/** @type {Record<string, unknown>} */ s) =>
        s.domain === "communication" ? { ...s, needs: "Needs new glasses: optician booked." } : s,
      );
      const theirs = await nurse.call("POST", `/api/careplan/v1/residents/${resident.id}/care-plan/versions`, {
        body: { based_on_version: 1, reason: "Optician", sections },
      });
      assert.equal(theirs.status, 201, JSON.stringify(theirs.body));

      await page.locator("#plan-sections-0-preferences").fill("I want to walk to the shop on my own.");
      await page.getByLabel("Why is the plan changing?").fill("Winnie's wishes");
      await page.getByRole("button", { name: "Save as a draft" }).click();
      const panel = page.getByRole("region", { name: "Someone else changed this while you were working on it" });
      await panel.waitFor();
      await panel.getByText("Needs new glasses: optician booked.").waitFor();
      await panel.getByText("I want to walk to the shop on my own.").waitFor();
      await checkPage(page, "13-plan-conflict");

      await page.getByRole("button", { name: "Keep my changes and save" }).click();
      await page.getByText("Your changes are saved as draft version 3.").waitFor();
      const saved = (await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/care-plan/versions/3`)).body;
      const byDomain = Object.fromEntries(saved.sections.map((/** @type {{domain: string}} */ s) => [s.domain, s]));
      assert.equal(byDomain.communication.needs, "Needs new glasses: optician booked.", "their change is kept");
      assert.equal(byDomain.mobility_and_falls.preferences, "I want to walk to the shop on my own.", "my change is saved on top");
      assert.equal(saved.based_on_number, 2);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("keeps a draft whose save lost its connection and saves it exactly once", async () => {
    const { resident, nurse } = await admitResident(server.url);
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto(`/care/residents/${resident.id}/plan/edit`);
      await signIn(page, "nurse");
      await page.getByRole("heading", { level: 1, name: /Edit the care plan/ }).waitFor();
      let dropped = 0;
      await page.route(`**/api/careplan/v1/residents/${resident.id}/care-plan/versions`, async (route) => {
        if (route.request().method() === "POST" && dropped === 0) {
          dropped += 1;
          await route.abort("internetdisconnected");
          return;
        }
        await route.continue();
      });
      await page.locator("#plan-sections-1-needs").fill("Wears glasses for reading and for television.");
      await page.getByLabel("Why is the plan changing?").fill("Eyesight check");
      await page.getByRole("button", { name: "Save as a draft" }).click();
      await page.getByText(/not saved yet, will retry/).waitFor();
      await page.getByText("Your changes are saved as draft version 2.").waitFor({ timeout: 20_000 });
      assert.equal(dropped, 1);
      const plan = (await nurse.call("GET", `/api/careplan/v1/residents/${resident.id}/care-plan`)).body;
      assert.equal(plan.latest_version_number, 2, "saved exactly once");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("works by keyboard alone: search, open a resident and their care plan", async () => {
    const { familyName } = await admitResident(server.url);
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/care/residents");
      await page.getByRole("heading", { level: 1, name: "Sign in to Care Hub" }).waitFor();
      await tabTo(page, /Username/);
      await page.keyboard.type("senior.carer");
      await page.keyboard.press("Tab");
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: /Residents/ }).waitFor();
      await tabTo(page, /Search by name or NHS number/);
      await page.keyboard.type(familyName);
      await page.keyboard.press("Enter");
      await page.getByText("1 resident found").waitFor();
      await tabTo(page, new RegExp(`Winifred ${familyName}`));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Summary" }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus starts at the new page's heading");
      await tabTo(page, /^Care plan$/);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Care plan" }).waitFor();
      await tabTo(page, /Version history/);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Care plan versions" }).waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("tells an estates officer plainly that care records are not for them", async () => {
    const browser = await openBrowser(server.url);
    const { page } = browser;
    try {
      await page.goto("/");
      await signIn(page, "estates.officer");
      await page.getByRole("heading", { level: 1, name: /Hello/ }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Residents", exact: true }).count(), 0, "no Residents in the menu");
      await page.goto("/care");
      await page.getByRole("heading", { level: 1, name: "You do not have access to care records" }).waitFor();
      await checkPage(page, "14-no-access");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });
});
