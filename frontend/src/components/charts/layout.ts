// Geometry for the charts, kept apart from React so it can be tested on its own. d3-scale and
// d3-shape do the arithmetic (nice axis ends, ticks, paths with gaps); the components only draw.
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

/** Colours from the GOV.UK palette, distinct for the common kinds of colour blindness in order. */
export const SERIES_COLOURS = ["#1d70b8", "#f47738", "#4c2c92", "#00703c", "#d4351c", "#505a5f"] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "#1d70b8";
}

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface BarRect {
  category: number;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface Tick {
  value: number;
  position: number;
}

/** Largest value to show: the data's (stacked or not), at least `floor`, rounded up by d3. */
export function valueDomain(values: readonly (readonly (number | null)[])[], stacked: boolean, floor = 0): [number, number] {
  const rows = values.map((row) => row.map((v) => v ?? 0));
  const top = Math.max(floor, ...rows.map((row) => (stacked ? row.reduce((a, b) => a + b, 0) : Math.max(0, ...row))));
  const nice = scaleLinear().domain([0, top > 0 ? top : 1]).nice(5).domain(); // ends on a tick
  return [0, nice[1] ?? 1];
}

/**
 * Horizontal bars, one band per category; series grouped side by side, or stacked. A null value
 * (no data, or a suppressed group) draws no bar: the component writes the reason in its place.
 */
export function barLayout(
  box: Box,
  categories: number,
  values: readonly (readonly (number | null)[])[],
  { stacked = false, max }: { stacked?: boolean; max?: number } = {},
): { bars: BarRect[]; ticks: Tick[]; band: number; categoryY: (index: number) => number } {
  const domain = max !== undefined ? ([0, max] as [number, number]) : valueDomain(values, stacked);
  const x = scaleLinear().domain(domain).range([box.left, box.width - box.right]);
  const y = scaleBand<number>()
    .domain([...Array(categories).keys()])
    .range([box.top, box.height - box.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const band = y.bandwidth();
  const bars: BarRect[] = [];
  values.forEach((row, category) => {
    const seriesCount = Math.max(row.length, 1);
    let offset = 0;
    row.forEach((value, series) => {
      if (value === null) return;
      const top = y(category) ?? 0;
      const width = Math.max(0, x(value) - x(0));
      const bar = stacked
        ? { x: x(offset), y: top, width, height: band }
        : { x: x(0), y: top + (band / seriesCount) * series, width, height: band / seriesCount };
      bars.push({ category, series, value, ...bar });
      if (stacked) offset += value;
    });
  });
  const ticks = x.ticks(5).map((value) => ({ value, position: x(value) }));
  return { bars, ticks, band, categoryY: (index) => (y(index) ?? 0) + band / 2 };
}

export interface LinePath {
  series: number;
  d: string;
  points: { x: number; y: number; value: number; label: string }[];
}

/** Lines over categorical x values (periods), with gaps where a value is missing. */
export function lineLayout(
  box: Box,
  labels: readonly string[],
  series: readonly (readonly (number | null)[])[],
  { min = 0, max, reference }: { min?: number; max?: number; reference?: number } = {},
): { paths: LinePath[]; ticks: Tick[]; xPositions: number[]; referenceY: number | null } {
  const all = series.flat().filter((v): v is number => v !== null);
  const top = max ?? Math.max(reference ?? 0, ...all, min + 1);
  const y = scaleLinear().domain([min, top]).nice(5).range([box.height - box.bottom, box.top]);
  const x = scalePoint<number>()
    .domain([...labels.keys()])
    .range([box.left, box.width - box.right])
    .padding(0.5);
  const xPositions = labels.map((_, index) => x(index) ?? box.left);
  const draw = line<number | null>()
    .defined((value) => value !== null)
    .x((_, index) => xPositions[index] ?? box.left)
    .y((value) => y(value ?? 0));
  const paths = series.map((values, index) => ({
    series: index,
    d: draw([...values]) ?? "",
    points: values.flatMap((value, at) =>
      value === null ? [] : [{ x: xPositions[at] ?? box.left, y: y(value), value, label: labels[at] ?? "" }],
    ),
  }));
  const ticks = y.ticks(5).map((value) => ({ value, position: y(value) }));
  return { paths, ticks, xPositions, referenceY: reference === undefined ? null : y(reference) };
}
