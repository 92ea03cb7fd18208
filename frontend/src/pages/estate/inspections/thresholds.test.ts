import { describe, expect, it } from "vitest";
import type { Threshold } from "../assets/types";
import { expectedOutcome, judge, limitText, parseReading, withinLimits } from "./thresholds";

const hot: Threshold = { reading: "hot_water_temperature_c", min: "50", max: null, max_inclusive: true };
const cold: Threshold = { reading: "cold_water_temperature_c", min: null, max: "20", max_inclusive: false };
const tmv: Threshold = { reading: "mixed_water_temperature_c", min: "38", max: "44", max_inclusive: true };
const lights: Threshold = { reading: "emergency_duration_minutes", min: 180, max: null, max_inclusive: true };

describe("reading limits", () => {
  it("says each limit in words", () => {
    expect(limitText(hot)).toBe("at least 50 °C");
    expect(limitText(cold)).toBe("below 20 °C");
    expect(limitText(tmv)).toBe("between 38 and 44 °C");
    expect(limitText(lights)).toBe("at least 180 minutes");
    expect(limitText({ ...cold, max_inclusive: true })).toBe("at most 20 °C");
  });

  it("takes a minimum as inclusive", () => {
    expect(withinLimits(50, hot)).toBe(true);
    expect(withinLimits(49.99, hot)).toBe(false);
    expect(withinLimits(50.01, hot)).toBe(true);
  });

  it("takes an exclusive maximum as 'below'", () => {
    expect(withinLimits(19.99, cold)).toBe(true);
    expect(withinLimits(20, cold)).toBe(false);
  });

  it("takes an inclusive maximum as 'at most'", () => {
    expect(withinLimits(44, tmv)).toBe(true);
    expect(withinLimits(44.01, tmv)).toBe(false);
    expect(withinLimits(38, tmv)).toBe(true);
    expect(withinLimits(37.99, tmv)).toBe(false);
  });

  it("compares exactly at two decimal places", () => {
    // 0.1 + 0.2 style float noise must not move a reading across its limit.
    expect(withinLimits(0.1 + 0.2, { min: "0.3", max: null, max_inclusive: true })).toBe(true);
  });
});

describe("judging a reading as it is typed", () => {
  it("says nothing until something is typed", () => {
    expect(judge(hot, "  ")).toEqual({ state: "empty" });
  });

  it("judges the boundaries", () => {
    expect(judge(hot, "50")).toEqual({ state: "within", message: "Within limit" });
    expect(judge(hot, "49.9")).toEqual({ state: "outside", message: "Outside limit: must be at least 50 °C" });
    expect(judge(cold, "20")).toEqual({ state: "outside", message: "Outside limit: must be below 20 °C" });
    expect(judge(cold, "19.5")).toMatchObject({ state: "within" });
    expect(judge(tmv, "44.5")).toEqual({ state: "outside", message: "Outside limit: must be between 38 and 44 °C" });
    expect(judge(lights, "179")).toMatchObject({ state: "outside" });
    expect(judge(lights, "180")).toMatchObject({ state: "within" });
  });

  it("reads a decimal comma and refuses what is not a number", () => {
    expect(parseReading("52,5")).toBe(52.5);
    expect(parseReading("52.555")).toBeNull();
    expect(parseReading("-3")).toBeNull();
    expect(judge(hot, "hot")).toEqual({ state: "invalid", message: "Enter the hot water temperature as a number, like 52.5" });
  });

  it("refuses a value that cannot be real", () => {
    expect(judge(hot, "101")).toMatchObject({ state: "invalid", message: expect.stringContaining("between 0 and 100 °C") });
    expect(judge(lights, "1441")).toMatchObject({ state: "invalid" });
    expect(judge(lights, "1440")).toMatchObject({ state: "within" });
  });

  it("makes the outcome a fail when any reading is outside its limit", () => {
    expect(expectedOutcome("pass", [judge(hot, "55"), judge(cold, "21")])).toBe("fail");
    expect(expectedOutcome("pass", [judge(hot, "55"), judge(cold, "12")])).toBe("pass");
    expect(expectedOutcome("", [judge(hot, "")])).toBe("");
  });
});
