// The "you said, we did" board: the API's answer arranged the way people read it.
import type { ChartSeries } from "../../components/charts";
import type { Board, WeDid } from "./types";

export interface BoardGroups {
  done: WeDid[];
  doing: WeDid[];
  notDoing: WeDid[];
}

/** Finished first by date, then what is under way by due date. */
export function groupActions(actions: readonly WeDid[]): BoardGroups {
  const byCompleted = (a: WeDid, b: WeDid) => (b.completed_on ?? "").localeCompare(a.completed_on ?? "");
  return {
    done: actions.filter((a) => a.status === "done").sort(byCompleted),
    doing: actions.filter((a) => a.status !== "done" && a.status !== "not_doing").sort((a, b) => a.due_date.localeCompare(b.due_date)),
    notDoing: actions.filter((a) => a.status === "not_doing").sort(byCompleted),
  };
}

export const THEME_SERIES: readonly ChartSeries[] = [
  { key: "working", label: "Working" },
  { key: "not_working", label: "Not working" },
  { key: "ideas", label: "Ideas" },
];

/** Themes as a stacked bar chart's rows: most raised first. */
export function themeChart(board: Board): { categories: string[]; values: number[][] } {
  const themes = [...board.themes].sort((a, b) => b.raised - a.raised || a.theme.localeCompare(b.theme));
  return { categories: themes.map((t) => t.theme), values: themes.map((t) => [t.working, t.not_working, t.ideas]) };
}

/** Why an anonymous item's words are not shown. */
export function withheldText(minContributors: number): string {
  return `Not shown, to protect the person who said it: fewer than ${minContributors} people gave feedback in this home in this period.`;
}
