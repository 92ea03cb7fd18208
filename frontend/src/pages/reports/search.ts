/** "?q=oak&cursor=…" from the filled-in values (empty ones left out); "" when none. */
export function homesSearch(values: { q?: string; cursor?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
