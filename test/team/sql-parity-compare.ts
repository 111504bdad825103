// How test/team/sql-parity.test.ts compares a function's answer on SQLite with its answer on PostgreSQL.

/** One value as both databases should answer it: Maps and Sets as sorted entries, reals rounded to 9 significant
 *  digits (the two databases sum floating point in different orders). A boolean stays a boolean: a row type says
 *  0/1, so PostgreSQL's true/false is a difference. */
export function normalised(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [normalised(k), normalised(v)]).sort(byJson);
  if (value instanceof Set) return [...value].map(normalised).sort(byJson);
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)]));
  return value;
}

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

/** Rows of a statement without ORDER BY, in one order. */
export const unorderedRows = (value: unknown): unknown => (Array.isArray(value) ? [...value].sort(byJson) : value);

/** The first difference between two normalised answers, as a path and both values (null when equal). */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} rows on SQLite, ${b.length} on PostgreSQL`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} on SQLite, ${JSON.stringify(b)?.slice(0, 200)} on PostgreSQL`;
}
