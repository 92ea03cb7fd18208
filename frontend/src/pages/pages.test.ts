import { describe, expect, it } from "vitest";
import type { Home } from "../api/types";
import { fromHome, toApi, toForm, validateHome } from "./estate/homeForm";
import { tooManyAttemptsMessage } from "./SignIn";

const home: Home = {
  id: "6f1c7a55-0000-4000-8000-000000000001",
  name: "Oak House",
  address_line1: "1 High Street",
  address_line2: null,
  town: "Leeds",
  postcode: "LS1 1AA",
  cqc_location_id: null,
  registered_beds: 40,
  phone: null,
  email: null,
  status: "active",
  archived_at: null,
  created_at: "2026-12-01T09:00:00Z",
  updated_at: "2026-12-01T09:00:00Z",
  version: 1,
};

describe("sign-in messages", () => {
  it("says how many minutes to wait", () => {
    expect(tooManyAttemptsMessage(300)).toBe("Too many attempts to sign in. Try again in 5 minutes.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts to sign in. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage(20)).toBe("Too many attempts to sign in. Try again in 1 minute.");
    expect(tooManyAttemptsMessage(null)).toMatch(/Wait a few minutes/);
  });
});

describe("home form", () => {
  it("round-trips a home without inventing changes", () => {
    expect(toApi(toForm(home))).toEqual(fromHome(home));
  });

  it("turns blanks into null and beds into a number", () => {
    const values = { ...toForm(home), phone: "  ", registered_beds: " 42 ", postcode: "ls2 2bb" };
    expect(toApi(values)).toMatchObject({ phone: null, registered_beds: 42, postcode: "LS2 2BB" });
  });

  it("checks the required details before saving", () => {
    const values = { ...toForm(home), name: " ", registered_beds: "forty" };
    expect(validateHome(values)).toEqual([
      { field: "name", message: "Enter the name of the home" },
      { field: "registered_beds", message: "Registered beds must be a whole number, like 42" },
    ]);
    expect(validateHome(toForm(home))).toEqual([]);
  });
});
