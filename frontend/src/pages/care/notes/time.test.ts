import { describe, expect, it } from "vitest";
import { addDays, ageOn, dayName, formatDay, formatTime, isDate, londonDate, londonInstant } from "./time";

describe("London days and times", () => {
  it("dates an instant by the London calendar", () => {
    expect(londonDate(new Date("2026-12-04T23:59:00Z"))).toBe("2026-12-04");
    expect(londonDate(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02"); // 00:30 BST
  });

  it("turns London wall-clock times into instants, in GMT and BST", () => {
    expect(londonInstant("2026-12-04", "08:00").toISOString()).toBe("2026-12-04T08:00:00.000Z");
    expect(londonInstant("2026-07-01", "08:00").toISOString()).toBe("2026-07-01T07:00:00.000Z");
    // The hour that repeats when the clocks go back: the first one.
    expect(londonInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // The hour skipped in spring reads in the offset before the change.
    expect(londonInstant("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("does calendar arithmetic across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2028-02-29")).toBe(true);
  });

  it("writes times and days as people read them", () => {
    expect(formatTime("2026-07-01T13:05:00Z")).toBe("14:05");
    expect(formatDay("2026-12-04")).toBe("Friday 4 December 2026");
    expect(dayName("2026-12-03", "2026-12-04")).toBe("Yesterday");
    expect(dayName("2026-12-04", "2026-12-04")).toBe("Today");
  });

  it("counts whole years of age", () => {
    expect(ageOn("1940-12-05", "2026-12-04")).toBe(85);
    expect(ageOn("1940-12-04", "2026-12-04")).toBe(86);
  });
});
