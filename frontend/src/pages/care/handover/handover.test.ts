import { describe, expect, it } from "vitest";
import { choiceFrom, shiftWindow, windowText } from "./handover";

const now = new Date("2026-12-04T22:30:00Z");

describe("shift windows (Europe/London)", () => {
  it("runs a winter day shift 08:00 to 20:00 GMT", () => {
    const w = shiftWindow({ shift: "day", date: "2026-12-04" }, now);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-12-04T08:00:00.000Z", "2026-12-04T20:00:00.000Z"]);
  });

  it("runs a summer night into the next morning, in BST", () => {
    const w = shiftWindow({ shift: "night", date: "2026-07-01" }, now);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-07-01T19:00:00.000Z", "2026-07-02T07:00:00.000Z"]);
  });

  it("makes the night the clocks go back 13 hours long, and the spring one 11", () => {
    const autumn = shiftWindow({ shift: "night", date: "2026-10-24" }, now);
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(13);
    const spring = shiftWindow({ shift: "night", date: "2026-03-28" }, now);
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(11);
  });

  it("takes the last 12 hours up to now", () => {
    const w = shiftWindow({ shift: "last12", date: "2026-12-04" }, now);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-12-04T10:30:00.000Z", "2026-12-04T22:30:00.000Z"]);
  });

  it("reads the choice from the URL, refusing future or made-up days and shifts", () => {
    expect(choiceFrom(new URLSearchParams("shift=night&date=2026-12-03"), "2026-12-04")).toEqual({ shift: "night", date: "2026-12-03" });
    expect(choiceFrom(new URLSearchParams("shift=brunch&date=2026-12-05"), "2026-12-04")).toEqual({ shift: "last12", date: "2026-12-04" });
    expect(choiceFrom(new URLSearchParams("date=2026-02-30"), "2026-12-04").date).toBe("2026-12-04");
  });

  it("says the window in words", () => {
    expect(windowText(shiftWindow({ shift: "day", date: "2026-12-04" }, now))).toBe("Friday 4 December 2026, 08:00 to 20:00");
    expect(windowText(shiftWindow({ shift: "night", date: "2026-12-04" }, now))).toBe("Friday 4 December 2026 20:00 to Saturday 5 December 2026 08:00");
  });
});
