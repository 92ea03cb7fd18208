// The alerts at the top of a resident's record: what staff must know before they help them.
// Each is a sentence and a link to where it is dealt with; colour is never the only signal.
import type { Allergy, Assessment, DolsExpiring, DueReview, RiskTool } from "../types";
import { formatDate, londonToday, SEVERITY_NAMES } from "./names";

export type AlertKind = "allergy" | "dols" | "review" | "risk";

export interface Alert {
  kind: AlertKind;
  /** A stable key for React. */
  key: string;
  text: string;
  href: string;
  linkText: string;
}

export const RISK_TOOL_NAMES: Record<RiskTool, string> = {
  waterlow: "Pressure ulcer risk (Waterlow)",
  must: "Malnutrition risk (MUST)",
  falls: "Falls risk (FRAT)",
};

export interface AlertSources {
  residentId: string;
  allergies?: readonly Allergy[] | undefined;
  dolsExpiring?: readonly DolsExpiring[] | undefined;
  reviewsDue?: readonly DueReview[] | undefined;
  /** Assessments in any order; only the newest of each tool counts. */
  risks?: readonly Assessment[] | undefined;
}

/** The newest assessment of each tool, from a list in any order. */
export function latestByTool(assessments: readonly Assessment[]): Assessment[] {
  const latest = new Map<RiskTool, Assessment>();
  for (const assessment of assessments) {
    const seen = latest.get(assessment.tool);
    if (!seen || assessment.assessed_at > seen.assessed_at) latest.set(assessment.tool, assessment);
  }
  return [...latest.values()].sort((a, b) => a.tool.localeCompare(b.tool));
}

/** "very_high" as "very high". */
export function bandName(band: string): string {
  return band.replaceAll("_", " ");
}

function daysText(days: number): string {
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

export function buildAlerts({ residentId, allergies = [], dolsExpiring = [], reviewsDue = [], risks = [] }: AlertSources): Alert[] {
  const base = `/care/residents/${residentId}`;
  const alerts: Alert[] = [];
  for (const allergy of allergies) {
    if (allergy.archived_at) continue;
    const reaction = allergy.reaction ? `: ${allergy.reaction.toLowerCase()}` : "";
    alerts.push({
      kind: "allergy",
      key: `allergy-${allergy.id}`,
      text: `Allergic to ${allergy.substance} (${allergy.category}). ${SEVERITY_NAMES[allergy.severity]} reaction${reaction}.`,
      href: `${base}#allergies`,
      linkText: "See allergies",
    });
  }
  for (const dols of dolsExpiring) {
    if (dols.resident_id !== residentId) continue;
    alerts.push({
      kind: "dols",
      key: `dols-${dols.id}`,
      text: `DoLS authorisation expires ${daysText(dols.days_left)}, on ${formatDate(dols.expires_on)}. Ask ${dols.supervisory_body} to renew it.`,
      href: `${base}#dols`,
      linkText: "See DoLS records",
    });
  }
  for (const review of reviewsDue) {
    if (review.resident_id !== residentId) continue;
    const when = review.overdue ? `overdue since ${formatDate(review.next_review_date)}` : "due today";
    alerts.push({
      kind: "review",
      key: `review-${review.id}`,
      text: `Review of “${review.title}” is ${when}.`,
      href: "/care/reviews",
      linkText: "Go to reviews due",
    });
  }
  for (const risk of latestByTool(risks)) {
    if (!risk.high_risk) continue;
    alerts.push({
      kind: "risk",
      key: `risk-${risk.id}`,
      text: `${RISK_TOOL_NAMES[risk.tool]}: ${bandName(risk.band)} (score ${risk.score}), assessed on ${formatDate(londonToday(new Date(risk.assessed_at)))}.`,
      href: `${base}/risks`,
      linkText: "See risk assessments",
    });
  }
  return alerts;
}
