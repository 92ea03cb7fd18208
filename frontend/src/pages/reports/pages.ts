// Reading every page of a keyset-paginated list, up to a limit: the report is one printed page
// per home, so it reads the whole list (not one screen of it) and says when there was more.
export interface Collected<T> {
  items: T[];
  /** True when the limit was reached with pages still to read. */
  more: boolean;
}

export interface KeysetPage<T> {
  items: T[];
  next_cursor?: string | null;
}

export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<KeysetPage<T>>,
  maxPages: number,
): Promise<Collected<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const data = await fetchPage(cursor);
    items.push(...data.items);
    if (!data.next_cursor) return { items, more: false };
    cursor = data.next_cursor;
  }
  return { items, more: true };
}
