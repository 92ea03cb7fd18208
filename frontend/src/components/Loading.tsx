export function Loading({ text = "Loading…" }: { text?: string }) {
  return (
    <p className="govuk-body" role="status" aria-live="polite">
      {text}
    </p>
  );
}
