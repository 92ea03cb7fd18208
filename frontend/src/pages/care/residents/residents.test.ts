import { describe, expect, it } from "vitest";
import type { Allergy, Assessment, DolsExpiring, DueReview, ResidentSummary } from "../types";
import { bandName, buildAlerts, latestByTool } from "./alerts";
import { ageOn, formatDate, londonToday, residentName } from "./names";
import { residentParts } from "./ResidentNav";
import { isForbidden, isNotFound, retryUnlessRefused, roomName } from "./residents";
import { ApiProblem, NetworkError } from "../../../api/problem";
import { listParamsFrom, listSearch, matchResidents } from "./search";

const RID = "0cf4cc02-1c8b-438f-a22a-391fce2dc3c3";
const OTHER = "cae62d99-e3a0-48fe-a468-562bf8dae508";

function summary(id: string, given: string, family: string, preferred: string | null = null, room: string | null = null): ResidentSummary {
  return { id, home_id: "h", given_name: given, family_name: family, preferred_name: preferred, room_location_id: room, admission_date: "2026-10-01", status: "active", status_date: "2026-10-01" };
}

const allergy: Allergy = {
  id: "a1",
  resident_id: RID,
  substance: "Penicillin",
  category: "medication",
  reaction: "Rash",
  severity: "moderate",
  archived_at: null,
  created_at: "2026-12-01T09:00:00Z",
  updated_at: "2026-12-01T09:00:00Z",
  version: 1,
};

function assessment(tool: Assessment["tool"], assessedAt: string, highRisk: boolean, band: string): Assessment {
  return {
    id: `${tool}-${assessedAt}`,
    resident_id: RID,
    tool,
    assessed_at: assessedAt,
    section_id: null,
    items: {},
    item_scores: {},
    score: highRisk ? 17 : 3,
    band,
    high_risk: highRisk,
    action: "",
    judgement: null,
    assessor_name: "Nia Evans",
    created_at: assessedAt,
  };
}

const dols = (residentId: string, days: number): DolsExpiring => ({
  id: `d-${residentId}`,
  resident_id: residentId,
  given_name: "M",
  family_name: "A",
  preferred_name: null,
  kind: "standard",
  supervisory_body: "Northshire County Council",
  starts_on: "2025-12-29",
  expires_on: "2026-12-24",
  days_left: days,
});

const review = (residentId: string, overdue: boolean): DueReview => ({
  id: `r-${residentId}-${overdue}`,
  resident_id: residentId,
  given_name: "M",
  family_name: "A",
  preferred_name: null,
  section_id: "s1",
  domain: "nutrition_and_hydration",
  title: "Nutrition and hydration",
  interval: "weekly",
  last_reviewed_date: null,
  next_review_date: "2026-12-01",
  overdue,
});

describe("resident alerts", () => {
  it("says each alert in words and links it to where it is dealt with", () => {
    const alerts = buildAlerts({
      residentId: RID,
      allergies: [allergy, { ...allergy, id: "gone", substance: "Latex", archived_at: "2026-12-02T09:00:00Z" }],
      dolsExpiring: [dols(RID, 20), dols(OTHER, 3)],
      reviewsDue: [review(RID, true), review(OTHER, true)],
      risks: [assessment("falls", "2026-12-04T10:00:00Z", true, "high")],
    });
    expect(alerts.map((a) => [a.kind, a.text, a.href])).toEqual([
      ["allergy", "Allergic to Penicillin (medication). Moderate reaction: rash.", `/care/residents/${RID}#allergies`],
      ["dols", "DoLS authorisation expires in 20 days, on 24 December 2026. Ask Northshire County Council to renew it.", `/care/residents/${RID}#dols`],
      ["review", "Review of “Nutrition and hydration” is overdue since 1 December 2026.", "/care/reviews"],
      ["risk", "Falls risk (FRAT): high (score 17), assessed on 4 December 2026.", `/care/residents/${RID}/risks`],
    ]);
  });

  it("raises a risk alert only when the newest assessment of a tool is in a high band", () => {
    const risks = [
      assessment("falls", "2026-12-04T10:00:00Z", false, "low"),
      assessment("falls", "2026-11-01T10:00:00Z", true, "high"),
      assessment("waterlow", "2026-12-01T10:00:00Z", true, "very_high_risk"),
    ];
    expect(latestByTool(risks).map((r) => r.id)).toEqual(["falls-2026-12-04T10:00:00Z", "waterlow-2026-12-01T10:00:00Z"]);
    const alerts = buildAlerts({ residentId: RID, risks });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toMatch(/^Pressure ulcer risk \(Waterlow\): very high risk/);
    expect(bandName("not_at_risk")).toBe("not at risk");
  });

  it("counts a review due today, and words a DoLS expiring today or tomorrow", () => {
    const alerts = buildAlerts({ residentId: RID, reviewsDue: [review(RID, false)], dolsExpiring: [dols(RID, 0)] });
    expect(alerts.map((a) => a.text)).toEqual([
      "DoLS authorisation expires today, on 24 December 2026. Ask Northshire County Council to renew it.",
      "Review of “Nutrition and hydration” is due today.",
    ]);
    expect(buildAlerts({ residentId: RID, dolsExpiring: [dols(RID, 1)] })[0]?.text).toMatch(/expires tomorrow/);
    expect(buildAlerts({ residentId: RID })).toEqual([]);
  });
});

describe("resident search", () => {
  const residents = [summary("1", "Margaret", "Ashworth", "Peggy"), summary("2", "Edith", "Barlow", null, "room-12"), summary("3", "Albert", "Cole", "Bert")];
  const rooms = new Map([["room-12", "Room 12 (Rose wing)"]]);

  it("finds residents by the start of any of their names, ignoring case and accents", () => {
    expect(matchResidents(residents, "ash").map((r) => r.id)).toEqual(["1"]);
    expect(matchResidents(residents, "PEGGY").map((r) => r.id)).toEqual(["1"]);
    expect(matchResidents(residents, "édith barl").map((r) => r.id)).toEqual(["2"]);
    expect(matchResidents(residents, "bert").map((r) => r.id)).toEqual(["3"]);
    expect(matchResidents(residents, "worth")).toEqual([]);
  });

  it("finds residents by room name or number", () => {
    expect(matchResidents(residents, "rose", rooms).map((r) => r.id)).toEqual(["2"]);
    expect(matchResidents(residents, "12", rooms).map((r) => r.id)).toEqual(["2"]);
    expect(matchResidents(residents, "  ", rooms)).toHaveLength(3);
  });

  it("keeps the filters in the URL, dropping unknown statuses", () => {
    expect(listParamsFrom(new URLSearchParams("q=%20ash%20&status=in_hospital&cursor=abc"))).toEqual({ q: "ash", status: "in_hospital", cursor: "abc" });
    expect(listParamsFrom(new URLSearchParams("status=asleep")).status).toBe("");
    expect(listSearch({ q: "ash", status: "", cursor: "" })).toBe("?q=ash");
    expect(listSearch({})).toBe("");
  });
});

describe("names and dates", () => {
  it("names a resident with their preferred name when it differs", () => {
    expect(residentName(summary("1", "Margaret", "Ashworth", "Peggy"))).toBe("Margaret Ashworth (Peggy)");
    expect(residentName(summary("1", "Edith", "Barlow", "Edith"))).toBe("Edith Barlow");
  });

  it("formats calendar dates without shifting them, and counts whole years of age", () => {
    expect(formatDate("2026-03-29")).toBe("29 March 2026");
    expect(ageOn("1938-04-12", "2026-04-11")).toBe(87);
    expect(ageOn("1938-04-12", "2026-04-12")).toBe(88);
    expect(londonToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });
});

describe("refused and missing records", () => {
  it("treats another home's resident (404) and a malformed id (422) as not found, never retrying them", () => {
    const missing = new ApiProblem(404, null);
    expect(isNotFound(missing)).toBe(true);
    expect(isNotFound(new ApiProblem(422, null))).toBe(true);
    expect(isNotFound(new ApiProblem(403, null))).toBe(false);
    expect(isForbidden(new ApiProblem(403, null))).toBe(true);
    expect(retryUnlessRefused(0, missing)).toBe(false);
    expect(retryUnlessRefused(0, new ApiProblem(503, null))).toBe(true);
    expect(retryUnlessRefused(0, new NetworkError())).toBe(true);
    expect(retryUnlessRefused(2, new NetworkError())).toBe(false);
  });
});

describe("rooms", () => {
  it("names a room with its number when the name does not say it", () => {
    expect(roomName({ name: "Rose", room_number: "12" })).toBe("Rose (room 12)");
    expect(roomName({ name: "Room 12", room_number: "12" })).toBe("Room 12");
    expect(roomName({ name: "Garden room", room_number: null })).toBe("Garden room");
  });
});

describe("the resident's record navigation", () => {
  it("shows each part only to the roles that may use it", () => {
    expect(residentParts(["care_worker"]).map((p) => p.part)).toEqual(["summary", "plan", "notes", "risks"]);
    expect(residentParts(["nurse"]).map((p) => p.part)).toEqual(["summary", "plan", "notes", "risks", "record"]);
    expect(residentParts(["estates_officer"])).toEqual([]);
  });
});
