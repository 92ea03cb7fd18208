import { describe, expect, it } from "vitest";
import { can, describeRoles, isOrgWide, ROLES } from "./can";
import { chooseHome, rememberedHome, rememberHome } from "./homeChoice";
import { safeReturnPath } from "./RequireAuth";

describe("can", () => {
  it("lets every role read homes", () => {
    for (const role of ROLES) expect(can(role, "assets:home.read")).toBe(true);
  });

  it("lets only estates officers and admins change homes", () => {
    const allowed = ROLES.filter((role) => can(role, "assets:home.update"));
    expect(allowed).toEqual(["estates_officer", "admin"]);
    expect(ROLES.filter((role) => can(role, "assets:home.create"))).toEqual(["estates_officer", "admin"]);
    expect(ROLES.filter((role) => can(role, "assets:home.archive"))).toEqual(["estates_officer", "admin"]);
  });

  it("allows when any of several roles allows", () => {
    expect(can(["care_worker", "estates_officer"], "assets:home.update")).toBe(true);
    expect(can(["care_worker", "nurse"], "assets:home.update")).toBe(false);
  });

  it("refuses unknown roles, no roles and no session", () => {
    expect(can(["superuser"], "assets:home.read")).toBe(false);
    expect(can([], "assets:home.read")).toBe(false);
    expect(can(null, "assets:home.read")).toBe(false);
  });

  it("knows the organisation-wide roles", () => {
    expect(isOrgWide(["divisional_manager"])).toBe(true);
    expect(isOrgWide(["estates_officer"])).toBe(true);
    expect(isOrgWide(["admin"])).toBe(true);
    expect(isOrgWide(["home_manager", "nurse"])).toBe(false);
  });

  it("names roles in plain English", () => {
    expect(describeRoles(["care_worker"])).toBe("Care worker");
    expect(describeRoles(["nurse", "home_manager"])).toBe("Nurse and Home manager");
  });
});

describe("home choice", () => {
  const homes = [{ id: "a" }, { id: "b" }];

  it("remembers the home per user", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    rememberHome("nurse", "b", storage);
    expect(rememberedHome("nurse", storage)).toBe("b");
    expect(rememberedHome("care.worker", storage)).toBeNull();
  });

  it("falls back to the first home when the remembered one is no longer allowed", () => {
    expect(chooseHome(homes, "b")?.id).toBe("b");
    expect(chooseHome(homes, "gone")?.id).toBe("a");
    expect(chooseHome([], "a")).toBeNull();
  });
});

describe("return after sign-in", () => {
  it("returns only to paths on this site", () => {
    expect(safeReturnPath("/estate/homes?q=oak")).toBe("/estate/homes?q=oak");
    expect(safeReturnPath("//evil.example/")).toBe("/");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath("/sign-in?next=/x")).toBe("/");
    expect(safeReturnPath(null)).toBe("/");
  });
});

describe("can, across the three services", () => {
  it("follows each service's own matrix", () => {
    expect(ROLES.filter((role) => can(role, "careplan:plan.sign_off"))).toEqual(["senior_carer", "nurse", "home_manager"]);
    expect(can("estates_officer", "careplan:resident.read")).toBe(false);
    expect(can("divisional_manager", "feedback:action.manage")).toBe(true);
    expect(can("home_manager", "feedback:action.manage")).toBe(false);
    expect(can("care_worker", "assets:defect.raise")).toBe(true);
    expect(can("care_worker", "assets:inspection.record")).toBe(false);
  });
});
