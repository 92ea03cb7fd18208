import { describe, expect, it } from "vitest";
import { startTasks } from "./startTasks";

const home = { id: "h1", name: "Oak House" };
const ids = (roles: string[], orgWide = false) => startTasks(roles, orgWide ? null : home, orgWide).map((t) => t.id);

describe("the start page by role", () => {
  it("puts the handover and residents first for a care worker, with nothing they may not do", () => {
    expect(ids(["care_worker"])).toEqual(["handover", "residents", "feedback", "estate"]);
  });

  it("gives a nurse the reviews due straight after the handover", () => {
    expect(ids(["nurse"]).slice(0, 3)).toEqual(["handover", "reviews", "residents"]);
    expect(ids(["nurse"])).not.toContain("report");
  });

  it("gives a home manager their home's report first", () => {
    const tasks = startTasks(["home_manager"], home, false);
    expect(tasks[0]).toMatchObject({ id: "report", to: "/reports/homes/h1", title: "Overview report for Oak House" });
    expect(tasks.map((t) => t.id)).toEqual(["report", "reviews", "feedback", "residents", "handover", "estate"]);
  });

  it("gives a divisional manager every home's reports, then feedback and actions", () => {
    const tasks = startTasks(["divisional_manager"], null, true);
    expect(tasks.map((t) => t.id)).toEqual(["report", "feedback", "estate", "residents", "handover"]);
    expect(tasks[0]?.to).toBe("/reports");
    expect(tasks[1]?.title).toBe("Feedback and actions");
  });

  it("gives an estates officer the equipment checks and homes, and no care records", () => {
    expect(ids(["estates_officer"], true)).toEqual(["estate", "homes", "feedback"]);
  });

  it("orders by the most senior role when a person has several", () => {
    expect(ids(["nurse", "home_manager"])[0]).toBe("report");
  });

  it("offers nothing for an unknown role", () => {
    expect(startTasks(["visitor"], null, false)).toEqual([]);
  });
});
