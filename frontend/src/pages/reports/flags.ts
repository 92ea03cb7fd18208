// The recommendations report's flags for one home, each with the rule that raised it.
import { indicatorName, indicatorValue } from "./workforce";
import type { Flag } from "./types";

/** The rules in the feedback service's README, in words. */
export const RULE_NAMES: Record<string, string> = {
  above_national_benchmark: "Higher than the national figure",
  below_national_benchmark: "Lower than the national figure",
  turnover_rising: "Turnover rising",
  agency_share_high: "High use of agency staff",
  theme_rising: "Theme raised more often",
  overdue_actions: "Actions overdue",
  enps_negative: "Staff would not recommend working here",
};

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule.replaceAll("_", " ");
}

function sameFinding(a: Flag, b: Flag): boolean {
  return a.rule === b.rule && a.indicator === b.indicator && a.value === b.value && a.threshold === b.threshold;
}

/**
 * The flags about this home. For one home the service also sends the "homes added together"
 * flags (no home id), which then repeat the home's own: those repeats are left out, the rest
 * (themes, pulse results) are about this home too.
 */
export function homeFlags(flags: readonly Flag[], homeId: string): Flag[] {
  const own = flags.filter((f) => f.home_id === homeId);
  const general = flags.filter((f) => f.home_id === null || f.home_id === undefined);
  return [...own, ...general.filter((g) => !own.some((f) => sameFinding(f, g)))];
}

export interface FlagRow {
  rule: string;
  ruleName: string;
  message: string;
  /** "26.9% against 24.7%", when the flag is about a measured figure. */
  figures: string | null;
}

function sentence(text: string): string {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}

export function flagRows(flags: readonly Flag[]): FlagRow[] {
  return flags.map((f) => ({
    rule: f.rule,
    ruleName: ruleName(f.rule),
    message: sentence(f.message),
    figures:
      f.indicator && f.indicator !== "enps" && f.value !== null && f.value !== undefined && f.threshold !== null && f.threshold !== undefined
        ? `${indicatorName(f.indicator)}: ${indicatorValue(f.indicator, f.value)} against ${indicatorValue(f.indicator, f.threshold)}`
        : null,
  }));
}
