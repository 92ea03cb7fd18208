// Horizontal bar chart: one row per category, series grouped or stacked. The SVG is a picture
// with a short description; the figures themselves are in the table under it.
import { useId } from "react";
import { ChartTable } from "./ChartTable";
import { barLayout, seriesColour } from "./layout";
import { Legend } from "./Legend";

export interface ChartSeries {
  key: string;
  label: string;
}

export interface BarChartProps {
  /** Shown above the chart and used as its accessible name. */
  title: string;
  /** Heading of the table's first column, e.g. "Category". */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** values[category][series]; null when there is no figure (say why in `nullText`). */
  values: readonly (readonly (number | null)[])[];
  stacked?: boolean;
  /** Fix the scale's end, e.g. 100 for percentages. */
  max?: number;
  format?: (value: number) => string;
  nullText?: string;
}

const WIDTH = 640;
const ROW = 36;
const LABEL_SPACE = 190;

export function BarChart(props: BarChartProps) {
  const { title, categoryLabel, categories, series, values, stacked = false, max } = props;
  const format = props.format ?? ((value: number) => value.toLocaleString("en-GB"));
  const nullText = props.nullText ?? "No figure";
  const titleId = useId();
  const rowHeight = stacked || series.length === 1 ? ROW : ROW + 14 * (series.length - 1);
  const box = { width: WIDTH, height: 36 + categories.length * rowHeight, left: LABEL_SPACE, right: 56, top: 8, bottom: 28 };
  const { bars, ticks, categoryY } = barLayout(box, categories.length, values, { stacked, ...(max === undefined ? {} : { max }) });
  const description = `${title}. Bar chart of ${categories.length} ${categories.length === 1 ? "row" : "rows"}; the figures are in the table below it.`;

  return (
    <figure className="app-chart">
      <figcaption id={titleId} className="govuk-heading-s">
        {title}
      </figcaption>
      <Legend labels={series.map((s) => s.label)} />
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={description} className="app-chart__svg">
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.position} x2={tick.position} y1={box.top} y2={box.height - box.bottom} className="app-chart__grid" />
            <text x={tick.position} y={box.height - 8} textAnchor="middle" className="app-chart__tick">
              {format(tick.value)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          const row = values[index] ?? [];
          const empty = row.length > 0 && row.every((value) => value === null);
          return (
            <g key={category}>
              <text x={box.left - 8} y={categoryY(index)} textAnchor="end" dominantBaseline="middle" className="app-chart__label">
                {category.length > 26 ? `${category.slice(0, 25)}…` : category}
              </text>
              {empty && (
                <text x={box.left + 6} y={categoryY(index)} dominantBaseline="middle" className="app-chart__null">
                  {nullText}
                </text>
              )}
            </g>
          );
        })}
        {bars.map((bar) => (
          <g key={`${bar.category}-${bar.series}`}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={seriesColour(bar.series)} />
            {!stacked && (
              <text x={bar.x + bar.width + 4} y={bar.y + bar.height / 2} dominantBaseline="middle" className="app-chart__value">
                {format(bar.value)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ChartTable
        caption={title}
        rowHeader={categoryLabel}
        rows={categories}
        columns={series.map((s) => s.label)}
        values={values}
        format={format}
        nullText={nullText}
      />
    </figure>
  );
}
