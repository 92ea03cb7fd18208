// @ts-check
// End-to-end: the Feedback area in real headless Chromium against a real `carehub run`.
// Every test makes the data it needs (unique titles), so it does not depend on other files.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiSession, assertNoScriptErrors, checkPage as checkPageNamed, DEMO_PASSWORD, openBrowser, useCarehub } from "./harness.mjs";

/** @type {{ url: string, stop: () => Promise<void> }} */
let server;
const RUN = Date.now().toString(36);

before(async () => {
  server = await useCarehub();
}, { timeout: 200_000 });

after(async () => {
  await server?.stop();
}, { timeout: 60_000 });

/**
 * Open a page as someone: the app sends them to sign in, then back to the page.
 * @param {string} username
 * @param {string} path
 * @param {{ width?: number }} [options]
 */
async function signedIn(username, path, options = {}) {
  const browser = await openBrowser(server.url);
  const { page } = browser;
  if (options.width) await page.setViewportSize({ width: options.width, height: 1024 });
  await page.goto(path);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
  return browser;
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} text
 */
async function banner(page, text) {
  await page.locator(".govuk-notification-banner", { hasText: text }).waitFor();
}

/** Today in the UK, as YYYY-MM-DD. */
function todayInLondon() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/**
 * @param {import("playwright-core").Page} page
 * @param {string} name
 */
const checkPage = (page, name) => checkPageNamed(page, `feedback-${name}`);

describe("Feedback", { timeout: 600_000 }, () => {
  it("turns anonymous feedback from a home manager into an action a care worker sees done on the board", async () => {
    const worker = await apiSession(server.url, "care.worker");
    const home = worker.me.homes[0] ?? "";
    const said = `E2E ${RUN}: the sluice room door sticks`;
    const title = `E2E ${RUN}: fix the sluice room door`;
    const outcome = `E2E ${RUN}: the door was rehung and now closes properly`;

    // A home manager gives feedback anonymously and is shown the reply code, once.
    const manager = await signedIn("home.manager", "/feedback");
    const mp = manager.page;
    let replyCode = "";
    try {
      await mp.getByRole("heading", { level: 1, name: "Feedback" }).waitFor();
      await checkPage(mp, "01-start-home-manager");
      await mp.getByRole("link", { name: "Give feedback" }).first().click();
      await mp.getByRole("heading", { level: 1, name: "Give feedback" }).waitFor();
      await mp.getByRole("button", { name: "Send feedback" }).click();
      await mp.locator(".govuk-error-summary").getByText("Select what kind of feedback it is").waitFor();
      assert.match(await mp.title(), /^Error: /);
      await checkPage(mp, "02-give-errors");

      await mp.getByLabel("Something that is not working").check();
      await mp.getByLabel("Which home is it about?").selectOption(home);
      await mp.getByLabel("What is it about?").selectOption({ label: "Equipment and estate" });
      await mp.getByLabel("Your feedback", { exact: true }).fill(said);
      await mp.getByLabel("High").check();
      await mp.getByLabel("No, give it anonymously").check();
      await mp.getByText("What anonymous means").click();
      await mp.getByText("Anonymous feedback is stored without your name").waitFor();
      await checkPage(mp, "03-give");
      await mp.getByRole("button", { name: "Send feedback" }).click();
      await mp.getByRole("heading", { level: 1, name: "Feedback sent" }).waitFor();
      replyCode = (await mp.getByTestId("reply-code").innerText()).trim();
      assert.match(replyCode, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
      await mp.getByText("It is shown only this once and cannot be shown again").waitFor();
      await checkPage(mp, "04-reply-code");
      // Shown once: coming back to the page does not show it again.
      await mp.reload();
      await mp.getByRole("heading", { level: 1, name: "Give feedback" }).waitFor();
      assert.equal(await mp.getByText(replyCode).count(), 0);
      assertNoScriptErrors(manager);
    } catch (error) {
      await manager.close();
      throw error;
    }

    // A divisional manager finds it, replies, and turns it into an action that gets done.
    const divisional = await signedIn("divisional.manager", `/feedback/inbox?home_id=${home}&raised_from=${todayInLondon()}`);
    const dp = divisional.page;
    try {
      const row = dp.locator("tbody tr", { hasText: said });
      await row.waitFor();
      assert.match(await row.innerText(), /Anonymous/);
      await checkPage(dp, "05-inbox");
      await row.getByRole("link", { name: said }).click();
      await dp.getByRole("heading", { level: 1, name: said }).waitFor();
      await dp.getByLabel("Tags (optional)").fill("Doors, estate");
      await dp.getByRole("button", { name: "Save", exact: true }).click();
      await banner(dp, "The feedback has been updated.");
      await dp.locator(".govuk-summary-list__row", { hasText: "Tags" }).getByText("doors, estate").waitFor();
      await dp.getByLabel("Reply", { exact: true }).fill("Thank you. The estates team will look at the door this week.");
      await dp.getByRole("button", { name: "Send reply" }).click();
      await dp.locator("ol li", { hasText: "The estates team will look at the door" }).waitFor();
      await checkPage(dp, "06-item");

      await dp.getByRole("link", { name: "Create an action from this feedback" }).click();
      await dp.getByRole("heading", { level: 1, name: "New action" }).waitFor();
      await dp.getByText(`“${said}”`).waitFor();
      await dp.getByLabel("What will be done?").fill(title);
      await dp.getByLabel("Who is responsible?").fill("Estates team");
      await checkPage(dp, "07-action-new");
      await dp.getByRole("button", { name: "Create action" }).click();
      await dp.getByRole("heading", { level: 1, name: title }).waitFor();
      await banner(dp, "The action has been created.");
      for (const step of ["Agreed", "In progress"]) {
        await dp.getByLabel(step, { exact: true }).check();
        await dp.getByRole("button", { name: "Save", exact: true }).click();
        await banner(dp, `The action is now: ${step}.`);
      }
      await dp.getByLabel("Done", { exact: true }).check();
      await dp.getByRole("button", { name: "Save", exact: true }).click();
      await dp.locator(".govuk-error-summary").getByText("Say what changed, so people can see what was done").waitFor();
      await dp.getByLabel("What changed?").fill(outcome);
      await dp.getByRole("button", { name: "Save", exact: true }).click();
      await banner(dp, "The action is now: Done.");
      await dp.getByText("This action is finished, so its status cannot change.").waitFor();
      await checkPage(dp, "08-action-done");
      assertNoScriptErrors(divisional);
    } finally {
      await divisional.close();
    }

    // The submitter reads the reply with the code, and answers, still anonymous.
    try {
      await mp.getByRole("link", { name: "Reply with your code" }).first().click();
      await mp.getByRole("heading", { level: 1, name: "Reply with your code" }).waitFor();
      await mp.getByRole("button", { name: "Open the conversation" }).click();
      await mp.locator(".govuk-error-summary").getByText(/Enter your reply code/).waitFor();
      await checkPage(mp, "24-reply-code-entry");
      await mp.getByLabel("Reply code").fill(replyCode.toLowerCase().replaceAll("-", " "));
      await mp.getByRole("button", { name: "Open the conversation" }).click();
      await mp.getByText("The estates team will look at the door this week.").waitFor();
      await mp.getByLabel("Your reply").fill("Thank you, it sticks worst in the mornings.");
      await mp.getByRole("button", { name: "Send reply" }).click();
      await mp.getByText("Your reply has been sent.").waitFor();
      await mp.locator("ol li", { hasText: "it sticks worst in the mornings" }).getByText("You").first().waitFor();
      await checkPage(mp, "09-conversation");
      assertNoScriptErrors(manager);
    } finally {
      await manager.close();
    }

    // Another person, a care worker in that home, sees what was done on the board.
    const care = await signedIn("care.worker", "/feedback/board");
    try {
      const card = care.page.locator(".govuk-summary-card", { hasText: title });
      await card.waitFor();
      await card.getByText(outcome).waitFor();
      await card.getByText("Done").first().waitFor();
      const youSaid = await card.locator(".govuk-summary-list__row", { hasText: "You said" }).innerText();
      assert.ok(youSaid.includes(said) || youSaid.includes("Not shown, to protect the person who said it"), youSaid);
      await checkPage(care.page, "10-board");
      assertNoScriptErrors(care);
    } finally {
      await care.close();
    }
  });

  it("shows a care worker what they may do, on a tablet, and no triage", async () => {
    const browser = await signedIn("care.worker", "/feedback", { width: 768 });
    const { page } = browser;
    try {
      await page.getByRole("heading", { level: 1, name: "Feedback" }).waitFor();
      const main = page.locator("main");
      for (const name of ["Give feedback", "My feedback", "Reply with your code", "You said, we did", "Pulse surveys"]) {
        await main.getByRole("link", { name, exact: true }).first().waitFor();
      }
      for (const name of ["Feedback inbox", "Actions", "Workforce"]) {
        assert.equal(await main.getByRole("link", { name, exact: true }).count(), 0, `no ${name} for a care worker`);
      }
      await checkPage(page, "11-start-care-worker-768");
      await page.goto("/feedback/inbox");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      await page.goto("/feedback/actions");
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();

      // Named feedback shows in "My feedback".
      await page.goto("/feedback/give");
      await page.getByLabel("An idea").check();
      await page.getByLabel("What is it about?").selectOption({ label: "Wellbeing" });
      const idea = `E2E ${RUN}: a water fountain in the staff room`;
      await page.getByLabel("Your feedback", { exact: true }).fill(idea);
      await page.getByLabel("Low").check();
      await page.getByLabel(/Yes, give my name/).check();
      await checkPage(page, "12-give-768");
      await page.getByRole("button", { name: "Send feedback" }).click();
      await page.getByRole("heading", { level: 1, name: "Feedback sent" }).waitFor();
      await page.getByRole("link", { name: "See all your feedback" }).click();
      await page.locator("tbody tr", { hasText: idea }).waitFor();
      await checkPage(page, "13-my-feedback");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("lets a home manager choose who may give feedback in their home", async () => {
    const manager = await apiSession(server.url, "home.manager");
    const home = manager.me.homes[1] ?? manager.me.homes[0] ?? "";
    const browser = await signedIn("home.manager", `/feedback/settings?home=${home}`);
    const { page } = browser;
    try {
      await page.getByRole("heading", { level: 1, name: "Who can give feedback" }).waitFor();
      const before = (await manager.call("GET", `/api/feedback/v1/home-settings/${home}`)).body.all_staff_may_submit;
      const [first, back] = before ? ["Managers only", "Every member of staff"] : ["Every member of staff", "Managers only"];
      await page.getByLabel(first).check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await banner(page, "has been saved");
      assert.equal((await manager.call("GET", `/api/feedback/v1/home-settings/${home}`)).body.all_staff_may_submit, !before);
      await checkPage(page, "27-settings");
      await page.getByLabel(back).check(); // as it was, for the other tests
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.waitForFunction(() => document.querySelector(".govuk-notification-banner") !== null);
      assert.equal((await manager.call("GET", `/api/feedback/v1/home-settings/${home}`)).body.all_staff_may_submit, before);
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("merges duplicate feedback and lists overdue actions", async () => {
    const manager = await apiSession(server.url, "home.manager");
    const divisional = await apiSession(server.url, "divisional.manager");
    const home = manager.me.homes[0] ?? "";
    const themes = (await manager.call("GET", "/api/feedback/v1/themes?limit=200")).body.items;
    const theme = themes[0].id;
    /** @param {string} summary */
    const give = async (summary) => {
      const created = await manager.call("POST", "/api/feedback/v1/feedback-items", {
        headers: { "idempotency-key": `e2e-${RUN}-${summary}` },
        body: { kind: "not_working", theme_id: theme, importance: "medium", summary, home_id: home, anonymous: false },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    const first = await give(`E2E ${RUN}: the lift is slow`);
    const second = await give(`E2E ${RUN}: the lift takes ages`);
    const late = await divisional.call("POST", "/api/feedback/v1/actions", {
      headers: { "idempotency-key": `e2e-${RUN}-late` },
      body: { title: `E2E ${RUN}: service the lift`, owner: "Estates team", home_id: home, raised_on: "2026-01-05", due_date: "2026-01-31", item_ids: [first.id] },
    });
    assert.equal(late.status, 201, JSON.stringify(late.body));

    const browser = await signedIn("divisional.manager", `/feedback/items/${second.id}`);
    const { page } = browser;
    try {
      await page.getByRole("heading", { level: 1, name: second.summary }).waitFor();
      await page.getByText("This repeats other feedback (merge duplicates)").click();
      await page.getByLabel("Which feedback does it repeat?").selectOption(first.id);
      await page.getByRole("button", { name: "Merge into the chosen feedback" }).click();
      await banner(page, "The feedback has been merged.");
      await page.locator(".govuk-summary-list__row", { hasText: "Status" }).getByText("Merged into another").waitFor();

      await page.goto(`/feedback/actions?overdue=true&home_id=${home}`);
      await page.getByRole("heading", { level: 1, name: "Overdue actions" }).waitFor();
      await page.locator("tbody tr").first().waitFor();
      let row = page.locator("tbody tr", { hasText: late.body.title });
      // Overdue actions are listed by due date; ours is due early in the year, so on an early page.
      for (let pageNo = 0; pageNo < 5 && (await row.count()) === 0; pageNo += 1) {
        await page.getByRole("link", { name: "Next page" }).click();
        await page.locator("tbody tr").first().waitFor();
        row = page.locator("tbody tr", { hasText: late.body.title });
      }
      await row.getByText("Overdue").waitFor();
      await checkPage(page, "14-actions-overdue");

      // Someone else changes the action while it is open: both versions are shown, nothing is overwritten.
      await row.getByRole("link", { name: late.body.title }).click();
      await page.getByRole("heading", { level: 1, name: late.body.title }).waitFor();
      const behind = await divisional.call("PATCH", `/api/feedback/v1/actions/${late.body.id}`, {
        headers: { "if-match": `"${late.body.version}"` },
        body: { owner: "Lift contractor" },
      });
      assert.equal(behind.status, 200, JSON.stringify(behind.body));
      await page.getByLabel("Agreed", { exact: true }).check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const conflict = page.getByRole("region", { name: "Someone else changed this while you were working on it" });
      await conflict.waitFor();
      await conflict.getByText("Lift contractor").waitFor();
      await checkPage(page, "26-action-conflict");
      await conflict.getByRole("button", { name: "Keep my changes and save" }).click();
      await banner(page, "The action is now: Agreed.");
      await page.locator(".govuk-summary-list__row", { hasText: "Who is responsible" }).getByText("Lift contractor").waitFor();
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }
  });

  it("runs a pulse survey: created, answered by keyboard, closed, results with small groups suppressed", async () => {
    const surveyTitle = `E2E ${RUN} pulse`;
    const divisional = await signedIn("divisional.manager", "/feedback/surveys");
    const dp = divisional.page;
    let surveyUrl = "";
    try {
      await dp.getByRole("heading", { level: 1, name: "Pulse surveys" }).waitFor();
      await checkPage(dp, "15-surveys");
      await dp.getByRole("link", { name: "Create a survey" }).click();
      await dp.getByRole("heading", { level: 1, name: "Create a survey" }).waitFor();
      await dp.getByLabel("Title").fill(surveyTitle);
      await dp.getByLabel("Smallest group to show results for").fill("3");
      await dp.getByRole("button", { name: "Add a question" }).click();
      await dp.locator("#survey-questions-1-text").fill("I get the support I need from my manager.");
      await dp.getByRole("button", { name: "Add a question" }).click();
      await dp.locator("#survey-questions-2-kind").selectOption("single_choice");
      await dp.locator("#survey-questions-2-text").fill("Which shift do you mostly work?");
      await dp.getByRole("button", { name: "Create and open the survey" }).click();
      await dp.locator(".govuk-error-summary").getByText("Give question 3 at least two different options, one a line").waitFor();
      await dp.locator("#survey-questions-2-options").fill("Days\nNights\nBoth");
      await dp.getByRole("button", { name: "Add a question" }).click();
      await dp.locator("#survey-questions-3-kind").selectOption("free_text");
      await dp.locator("#survey-questions-3-text").fill("What one thing would make your job better?");
      await dp.locator("#survey-questions-3-required").uncheck();
      await checkPage(dp, "16-survey-new");
      await dp.getByRole("button", { name: "Create and open the survey" }).click();
      await dp.getByRole("heading", { level: 1, name: surveyTitle }).waitFor();
      await banner(dp, "The survey has been created.");
      surveyUrl = new URL(dp.url()).pathname.replace(/\/manage$/, "");
      await checkPage(dp, "17-survey-manage");
    } catch (error) {
      await divisional.close();
      throw error;
    }
    const surveyId = surveyUrl.split("/").at(-1) ?? "";

    // A care worker answers by keyboard only.
    const care = await signedIn("care.worker", "/feedback/surveys");
    const cp = care.page;
    try {
      const row = cp.locator("tbody tr", { hasText: surveyTitle });
      await row.waitFor();
      await row.getByRole("link", { name: /Answer/ }).focus();
      await cp.keyboard.press("Enter");
      await cp.getByRole("heading", { level: 1, name: surveyTitle }).waitFor();
      await checkPage(cp, "18-survey-take");
      /** Tab until the focused element matches. */
      const tabTo = async (/** @type {string} */ selector) => {
        for (let i = 0; i < 60; i += 1) {
          await cp.keyboard.press("Tab");
          if (await cp.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        }
        throw new Error(`could not reach ${selector} by keyboard`);
      };
      await tabTo("input[type=radio]"); // question 1: 0 to 10
      await cp.keyboard.press("Space");
      for (let i = 0; i < 9; i += 1) await cp.keyboard.press("ArrowRight");
      await tabTo("input[type=radio]:not(:checked)"); // question 2: agree or disagree
      await cp.keyboard.press("Space");
      for (let i = 0; i < 3; i += 1) await cp.keyboard.press("ArrowDown");
      await tabTo("input[type=radio][value=Days], input[type=radio][value=Nights]"); // question 3
      await cp.keyboard.press("ArrowDown"); // Nights
      await tabTo("textarea");
      await cp.keyboard.type("More time to talk with residents");
      assert.equal(await cp.locator("input[type=radio]:checked").count(), 3);
      assert.equal(await cp.locator("input[type=radio][value='9']").isChecked(), true);
      assert.equal(await cp.getByLabel("Agree", { exact: true }).isChecked(), true);
      await tabTo("button[type=submit]");
      await cp.keyboard.press("Enter");
      await cp.getByRole("heading", { level: 1, name: /Thank you: your answers have been recorded/ }).waitFor();
      await cp.getByText("Your receipt").waitFor();
      await checkPage(cp, "19-survey-receipt");
      assertNoScriptErrors(care);
    } finally {
      await care.close();
    }

    // Two more people in that home, and one in another home, answer.
    const questions = (await (await apiSession(server.url, "nurse")).call("GET", `/api/feedback/v1/surveys/${surveyId}`)).body.questions;
    /** @param {string} username @param {string | null} homeId */
    const answer = async (username, homeId) => {
      const person = await apiSession(server.url, username);
      const answers = questions.map((/** @type {{id: string, kind: string, options: string[]}} */ q) =>
        q.kind === "recommend" ? { question_id: q.id, score: 6 } : q.kind === "likert" ? { question_id: q.id, score: 2 } : q.kind === "single_choice" ? { question_id: q.id, choice: q.options[0] } : { question_id: q.id, comment: "Clearer rotas" },
      );
      const sent = await person.call("POST", `/api/feedback/v1/surveys/${surveyId}/responses`, { headers: { "idempotency-key": `e2e-${RUN}-${username}` }, body: { answers, ...(homeId ? { home_id: homeId } : {}) } });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      return person;
    };
    await answer("nurse", null);
    await answer("senior.carer", null);
    const manager = await apiSession(server.url, "home.manager");
    const workerHome = (await apiSession(server.url, "care.worker")).me.homes[0];
    const otherHome = manager.me.homes.find((h) => h !== workerHome) ?? "";
    await answer("home.manager", otherHome);

    // The divisional manager closes it and reads the results: the small home is suppressed.
    try {
      await dp.getByRole("button", { name: "Close the survey now" }).click();
      await dp.getByRole("button", { name: "Yes, close it now" }).click();
      await banner(dp, "The survey is closed.");
      await dp.getByRole("link", { name: "See the results" }).click();
      await dp.getByRole("heading", { level: 1, name: surveyTitle }).waitFor();
      const groups = dp.getByRole("table", { name: "Who answered" });
      const allHomes = groups.locator("tr", { hasText: "All homes" });
      assert.equal((await allHomes.locator("td").first().innerText()).trim(), "4");
      const suppressedRows = groups.locator("tbody tr", { hasText: "Suppressed" });
      assert.ok((await suppressedRows.count()) >= 1, "a home with one answer is suppressed");
      for (const text of await suppressedRows.locator("td").allInnerTexts()) assert.doesNotMatch(text, /^\s*0\s*$/);
      await dp.getByText("Suppressed – fewer than 3 answers").first().waitFor();
      // In the charts too: the suppressed group is written out, not drawn as zero.
      assert.ok((await dp.locator("svg text", { hasText: "Suppressed – fewer than 3 answers" }).count()) >= 1);
      await dp.locator("td", { hasText: "−50.0" }).first().waitFor(); // eNPS of all homes: 1 promoter (25%), 3 detractors (75%)
      await checkPage(dp, "20-survey-results");
      assertNoScriptErrors(divisional);
    } finally {
      await divisional.close();
    }
  });

  it("records a workforce return, checked before saving, and shows it on the dashboard", async () => {
    const manager = await apiSession(server.url, "home.manager");
    const home = manager.me.homes[1] ?? manager.me.homes[0] ?? "";
    const month = todayInLondon().slice(0, 7);
    const browser = await signedIn("home.manager", `/feedback/workforce/return?home=${home}&month=${month}`);
    const { page } = browser;
    try {
      await page.getByRole("heading", { level: 1, name: /Workforce return: / }).waitFor();
      await page.getByRole("button", { name: "Save the return" }).waitFor();
      for (const input of await page.locator("tbody input").all()) await input.fill("");
      const fill = async (/** @type {string} */ id, /** @type {string} */ value) => page.locator(`#return-${id}`).fill(value);
      await fill("care_worker-headcount", "30");
      await fill("care_worker-fte", "24.5");
      await fill("care_worker-vacancies", "3");
      await fill("nurse-headcount", "5");
      await fill("nurse-fte", "5");
      await fill("nurse-vacancies", "1");
      const figures = { starters: "1", leavers_voluntary: "2", leavers_involuntary: "0", first_year_leavers: "5", sickness_days: "20", staff_hours: "6000", agency_hours: "300", agency_spend: "7500", level2_qualified: "20" };
      for (const [id, value] of Object.entries(figures)) await fill(id, value);
      await page.getByRole("button", { name: "Save the return" }).click();
      await page.locator(".govuk-error-summary").getByText("Leavers in their first year cannot be more than all leavers (2)").waitFor();
      await checkPage(page, "21-return-errors");
      await fill("first_year_leavers", "1");
      await page.getByRole("button", { name: "Save the return" }).click();
      await banner(page, "The return has been saved.");
      await checkPage(page, "22-return-saved");
      await page.getByRole("link", { name: "See the workforce dashboard" }).click();
      await page.getByRole("heading", { level: 1, name: "Workforce" }).waitFor();
      // 4 vacancies against 35 staff in post: 4 / 39 = 10.3%.
      await page.locator("[data-indicator=vacancy_rate]", { hasText: "10.3%" }).waitFor();
      await page.getByText("35 staff in post.").waitFor();
      await page.locator("figure", { hasText: "Staff turnover" }).waitFor();
      await page.locator("figure", { hasText: "Vacancy rate" }).getByText("National figure (2024/25)").first().waitFor();
      await checkPage(page, "23-workforce");
      assertNoScriptErrors(browser);
    } finally {
      await browser.close();
    }

    // A divisional manager compares every home in that month.
    const divisional = await signedIn("divisional.manager", `/feedback/workforce?home=all&month=${month}`);
    try {
      const table = divisional.page.getByRole("table", { name: "Each home this month" });
      await table.locator("tbody tr", { hasText: "10.3%" }).first().waitFor();
      await divisional.page.locator("figure", { hasText: "Staff turnover, all homes" }).waitFor();
      await checkPage(divisional.page, "25-workforce-all-homes");
      assertNoScriptErrors(divisional);
    } finally {
      await divisional.close();
    }
  });
});
