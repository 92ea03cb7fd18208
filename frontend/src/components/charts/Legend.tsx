import { seriesColour } from "./layout";

/** Which colour is which series; hidden from screen readers, who get the table instead. */
export function Legend({ labels, reference }: { labels: readonly string[]; reference?: string | undefined }) {
  if (labels.length < 2 && !reference) return null;
  return (
    <ul className="app-chart__legend" aria-hidden="true">
      {labels.map((label, index) => (
        <li key={label}>
          <span className="app-chart__swatch" style={{ background: seriesColour(index) }} />
          {label}
        </li>
      ))}
      {reference && (
        <li>
          <span className="app-chart__swatch app-chart__swatch--reference" />
          {reference}
        </li>
      )}
    </ul>
  );
}
