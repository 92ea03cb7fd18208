// A save answered 412: someone else changed the record since it was loaded. Work out what
// each side changed, so the person can see both and choose. Nothing is overwritten silently.

export type Values = Record<string, unknown>;

export interface ConflictRow<K extends string = string> {
  field: K;
  /** The value when this person started editing. */
  base: unknown;
  /** This person's unsaved value. */
  mine: unknown;
  /** The value saved now. */
  theirs: unknown;
  iChanged: boolean;
  theyChanged: boolean;
  /** Both changed the field, to different values. */
  clash: boolean;
}

export interface Conflict<K extends string = string> {
  rows: ConflictRow<K>[];
  /** The saved record already has every change this person made (their earlier save got
   * through though its answer was lost, or someone made the very same change): nothing to do. */
  alreadySaved: boolean;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === "" ? null : v);
  return Object.is(norm(a), norm(b)) || JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The fields of `mine` whose value differs from `base`: what a PATCH should send. */
export function changedFields<K extends string>(base: Partial<Record<K, unknown>>, mine: Partial<Record<K, unknown>>, fields: readonly K[]): K[] {
  return fields.filter((field) => field in mine && !sameValue(base[field], mine[field]));
}

/** `{field: mine[field]}` for each changed field. */
export function patchOf<K extends string>(base: Partial<Record<K, unknown>>, mine: Partial<Record<K, unknown>>, fields: readonly K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(changedFields(base, mine, fields).map((field) => [field, mine[field]])) as Partial<Record<K, unknown>>;
}

/** Compare base (as loaded), mine (as edited) and theirs (as saved now), field by field. */
export function compareVersions<K extends string>(
  base: Partial<Record<K, unknown>>,
  mine: Partial<Record<K, unknown>>,
  theirs: Partial<Record<K, unknown>>,
  fields: readonly K[],
): Conflict<K> {
  const rows = fields.map((field) => {
    const iChanged = field in mine && !sameValue(base[field], mine[field]);
    const theyChanged = !sameValue(base[field], theirs[field]);
    return {
      field,
      base: base[field],
      mine: iChanged ? mine[field] : base[field],
      theirs: theirs[field],
      iChanged,
      theyChanged,
      clash: iChanged && theyChanged && !sameValue(mine[field], theirs[field]),
    };
  });
  const mineChanged = rows.filter((row) => row.iChanged);
  const alreadySaved = mineChanged.length > 0 && mineChanged.every((row) => sameValue(row.mine, row.theirs));
  return { rows, alreadySaved };
}

/**
 * "Keep my changes": the PATCH to send with the NEW version's ETag. It carries only the fields
 * this person changed, so their other changes stay as the other person saved them.
 */
export function keepMine<K extends string>(conflict: Conflict<K>): Partial<Record<K, unknown>> {
  return Object.fromEntries(conflict.rows.filter((row) => row.iChanged).map((row) => [row.field, row.mine])) as Partial<Record<K, unknown>>;
}
