import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./BarChart";
import { barLayout, lineLayout, valueDomain } from "./layout";
import { LineChart } from "./LineChart";

const box = { width: 600, height: 200, left: 100, right: 0, top: 0, bottom: 0 };

describe("bar layout", () => {
  it("scales bars to a rounded-up end and groups series within a row", () => {
    const { bars, ticks } = barLayout(box, 2, [
      [40, 10],
      [87, null],
    ]);
    expect(ticks.at(-1)?.value).toBe(100); // 87 rounds up to 100
    expect(bars).toHaveLength(3); // the null draws nothing
    const [first, second] = bars;
    expect(first?.width).toBeCloseTo(200); // 40 of 100 over 500 px
    expect(second?.x).toBe(first?.x);
    expect(second?.y).toBeGreaterThan(first?.y ?? 0);
  });

  it("stacks series end to end", () => {
    const { bars } = barLayout(box, 1, [[30, 20]], { stacked: true, max: 100 });
    expect(bars[1]?.x).toBeCloseTo((bars[0]?.x ?? 0) + (bars[0]?.width ?? 0));
    expect(valueDomain([[30, 20]], true)).toEqual([0, 50]);
    expect(valueDomain([[null]], false)).toEqual([0, 1]);
  });
});

describe("line layout", () => {
  it("leaves a gap for a missing period and places the reference line", () => {
    const { paths, referenceY } = lineLayout({ ...box, left: 0 }, ["Q1", "Q2", "Q3"], [[10, null, 30]], { reference: 20 });
    expect(paths[0]?.points.map((p) => p.label)).toEqual(["Q1", "Q3"]);
    expect(paths[0]?.d.match(/M/g)).toHaveLength(2); // two segments: the gap is not bridged
    expect(referenceY).toBeGreaterThan(0);
    expect(referenceY).toBeLessThan(200);
  });
});

describe("chart components", () => {
  it("writes suppressed figures as words, never as zero", () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Answers by home"
        categoryLabel="Home"
        categories={["Oak House", "Elm Court"]}
        series={[{ key: "score", label: "Score" }]}
        values={[[4.2], [null]]}
        nullText="Suppressed – fewer than 5 answers"
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain("Suppressed – fewer than 5 answers");
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">Elm Court<\/th><td[^>]*>Suppressed/);
    expect(html).not.toMatch(/Elm Court<\/th><td[^>]*>0</);
  });

  it("lists the benchmark beside each period in the table", () => {
    const html = renderToStaticMarkup(
      <LineChart
        title="Staff turnover"
        periodLabel="Quarter"
        periods={["2026 Q1", "2026 Q2"]}
        series={[{ key: "turnover", label: "Oak House" }]}
        values={[[25, 31]]}
        benchmark={{ label: "England average", value: 24.8 }}
        format={(v) => `${v}%`}
      />,
    );
    expect(html).toContain("with England average at 24.8%");
    expect(html).toMatch(/2026 Q2<\/th><td[^>]*>31%<\/td><td[^>]*>24.8%/);
  });
});
