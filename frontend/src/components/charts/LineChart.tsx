// Trend over periods, one line per series, with an optional benchmark drawn as a dashed line
// (for example the sector's turnover rate). Figures in the table under it.
import { useId } from "react";
import type { ChartSeries } from "./BarChart";
import { ChartTable } from "./ChartTable";
import { lineLayout, seriesColour } from "./layout";
import { Legend } from "./Legend";

export interface LineChartProps {
  title: string;
  /** Heading of the table's first column, e.g. "Quarter". */
  periodLabel: string;
  periods: readonly string[];
  series: readonly ChartSeries[];
  /** values[series][period]; null leaves a gap. */
  values: readonly (readonly (number | null)[])[];
  benchmark?: { label: string; value: number };
  max?: number;
  format?: (value: number) => string;
  nullText?: string;
}

const WIDTH = 640;
const HEIGHT = 260;

export function LineChart(props: LineChartProps) {
  const { title, periodLabel, periods, series, values, benchmark, max } = props;
  const format = props.format ?? ((value: number) => value.toLocaleString("en-GB"));
  const titleId = useId();
  const box = { width: WIDTH, height: HEIGHT, left: 56, right: 16, top: 12, bottom: 32 };
  const { paths, ticks, xPositions, referenceY } = lineLayout(box, periods, values, {
    ...(max === undefined ? {} : { max }),
    ...(benchmark ? { reference: benchmark.value } : {}),
  });
  const description = `${title}. Line chart over ${periods.length} periods${benchmark ? `, with ${benchmark.label} at ${format(benchmark.value)}` : ""}; the figures are in the table below it.`;
  // The table reads period by period, each series a column, then the benchmark.
  const columns = [...series.map((s) => s.label), ...(benchmark ? [benchmark.label] : [])];
  const rows = periods.map((_, at) => [...values.map((v) => v[at] ?? null), ...(benchmark ? [benchmark.value] : [])]);
  const everyOther = periods.length > 8;

  return (
    <figure className="app-chart">
      <figcaption id={titleId} className="govuk-heading-s">
        {title}
      </figcaption>
      <Legend labels={series.map((s) => s.label)} reference={benchmark?.label} />
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={description} className="app-chart__svg">
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={box.left} x2={box.width - box.right} y1={tick.position} y2={tick.position} className="app-chart__grid" />
            <text x={box.left - 6} y={tick.position} textAnchor="end" dominantBaseline="middle" className="app-chart__tick">
              {format(tick.value)}
            </text>
          </g>
        ))}
        {periods.map((period, at) =>
          everyOther && at % 2 === 1 ? null : (
            <text key={period} x={xPositions[at]} y={box.height - 10} textAnchor="middle" className="app-chart__tick">
              {period}
            </text>
          ),
        )}
        {referenceY !== null && (
          <line x1={box.left} x2={box.width - box.right} y1={referenceY} y2={referenceY} className="app-chart__reference" />
        )}
        {paths.map((path) => (
          <g key={path.series}>
            <path d={path.d} fill="none" stroke={seriesColour(path.series)} strokeWidth={3} />
            {path.points.map((point) => (
              <circle key={point.label} cx={point.x} cy={point.y} r={4} fill={seriesColour(path.series)} />
            ))}
          </g>
        ))}
      </svg>
      <ChartTable
        caption={title}
        rowHeader={periodLabel}
        rows={periods}
        columns={columns}
        values={rows}
        format={format}
        nullText={props.nullText ?? "No figure"}
      />
    </figure>
  );
}
