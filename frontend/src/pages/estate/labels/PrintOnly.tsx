/**
 * While this is on the page, printing prints only the element with `selector`, at its real size
 * from the page's top-left corner, with no browser margins (so labels line up with the sheet).
 * Rendered as a <style> by the page, so other pages print as usual.
 */
export function PrintOnly({ selector, width, height }: { selector: string; width: string; height: string }) {
  const css = `@media print {
  @page { size: A4 portrait; margin: 0; }
  html, body { height: 297mm; overflow: hidden; margin: 0; padding: 0; }
  body * { visibility: hidden; }
  ${selector}, ${selector} * { visibility: visible; }
  ${selector} { position: fixed; left: 0; top: 0; width: ${width}; height: ${height}; max-width: none; margin: 0; border: 0; }
}`;
  return <style>{css}</style>;
}
