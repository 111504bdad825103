// Rumpun jabatan: the family a position belongs to, and how close a candidate's career is to the target post's.
// A position's rumpun is proposed from the data (the JF family for a functional post, as the rumpun jabatan
// fungsional groups them; the field of its perangkat daerah for structural and pelaksana posts) and the office can
// set it. Rumpun that are close without being the same (a JF family and the field it serves, two related fields)
// are listed by the office in Pengaturan › Suksesi. The candidate's score gives the rumpun component:
//   same rumpun in the current post 1; same rumpun in an earlier post 0.75; a related rumpun in the current post
//   0.5; a related rumpun in an earlier post 0.25; none 0; unknown (the post or the person without a rumpun):
//   no data, which scores zero like every missing component.
// PP 11/2017 Pasal 107 asks of a JPT Pratama "pengalaman jabatan dalam bidang tugas yang terkait dengan jabatan
// yang akan diduduki"; the rumpun is how Jenjang reads "bidang tugas yang terkait".

export const RUMPUN_MAX_LENGTH = 80;

/** Trimmed, single spaces: the stored form. */
export function normaliseRumpun(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, RUMPUN_MAX_LENGTH) : null;
}

/** Keys already worked out: the ranking compares the rumpun of thousands of candidates per call, drawn from a few
 *  dozen names, and a locale-aware lower-casing costs about a microsecond each time. Bounded, so it cannot grow
 *  without limit in a long-running process. */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 5000;

/** Comparison key: case does not matter ("Kesehatan" = "kesehatan"). */
export function rumpunKey(value: string): string {
  let key = KEY_CACHE.get(value);
  if (key === undefined) {
    if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
    KEY_CACHE.set(value, (key = value.toLocaleLowerCase('id')));
  }
  return key;
}

/** Words before the field in the name of a perangkat daerah ("Dinas Kesehatan" → "Kesehatan"). */
const INSTITUTION_WORDS = /^(dinas|badan|kantor|satuan|lembaga|unit pelaksana teknis daerah|uptd)\s+/i;

/**
 * The field of a unit from the name of its perangkat daerah: the name without "Dinas", "Badan", "Kantor", …;
 * hospitals and puskesmas are the health field, kecamatan and kelurahan the territorial administration; other
 * names (Sekretariat Daerah, Inspektorat Daerah) are their own field.
 */
export function unitField(opdName: string): string {
  const name = opdName.replace(/\s+/g, ' ').trim();
  if (/^(rumah sakit|rsud|puskesmas)\b/i.test(name)) return 'Kesehatan';
  if (/^(kecamatan|kelurahan)\b/i.test(name)) return 'Pemerintahan Kewilayahan';
  const stripped = name.replace(INSTITUTION_WORDS, '');
  return stripped ? stripped[0].toUpperCase() + stripped.slice(1) : name;
}

/** Jenjang's proposal for a position's rumpun. */
export function proposeRumpun(position: { kind: string; family: string | null; opdName: string | null }): string | null {
  if (position.kind === 'fungsional' && normaliseRumpun(position.family)) return normaliseRumpun(position.family);
  return position.opdName ? normaliseRumpun(unitField(position.opdName)) : normaliseRumpun(position.family);
}

/** The rumpun a person works in: their post's, or, for a post without one (a pelaksana formation shared by many
 *  units), the field of the perangkat daerah they work in. */
export function rumpunOfPost(positionRumpun: string | null, opdName: string | null): string | null {
  return positionRumpun ?? (opdName ? normaliseRumpun(unitField(opdName)) : null);
}

export interface RumpunRelation {
  a: string;
  b: string;
}

/** Each rumpun's related rumpun (both directions), by comparison key. */
export type RelatedRumpun = ReadonlyMap<string, ReadonlySet<string>>;

export function relatedRumpunIndex(relations: readonly RumpunRelation[]): RelatedRumpun {
  const index = new Map<string, Set<string>>();
  const link = (x: string, y: string) => {
    if (!index.has(x)) index.set(x, new Set());
    index.get(x)!.add(y);
  };
  for (const r of relations) {
    const a = rumpunKey(r.a);
    const b = rumpunKey(r.b);
    if (a === b) continue;
    link(a, b);
    link(b, a);
  }
  return index;
}

/** The pairs as stored: normalised, each pair once whatever its order, sorted; pairs of one rumpun dropped. */
export function normaliseRelations(relations: readonly RumpunRelation[]): RumpunRelation[] {
  const seen = new Map<string, RumpunRelation>();
  for (const r of relations) {
    const a = normaliseRumpun(r.a);
    const b = normaliseRumpun(r.b);
    if (!a || !b || rumpunKey(a) === rumpunKey(b)) continue;
    const [first, second] = a.localeCompare(b, 'id') <= 0 ? [a, b] : [b, a];
    const key = `${rumpunKey(first)}\u0000${rumpunKey(second)}`;
    if (!seen.has(key)) seen.set(key, { a: first, b: second });
  }
  return [...seen.values()].sort((x, y) => x.a.localeCompare(y.a, 'id') || x.b.localeCompare(y.b, 'id'));
}

/** A JF family is proposed as related to a field where at least this share of its active holders work. */
export const PROPOSED_RELATION_SHARE = 0.4;

/**
 * Related pairs proposed from the data: each JF family and the field (of the perangkat daerah) where at least
 * PROPOSED_RELATION_SHARE of its active holders work, e.g. Perawat – Kesehatan.
 */
export function proposeRelations(holders: ReadonlyArray<{ family: string; opdName: string; holders: number }>): Array<RumpunRelation & { holders: number }> {
  const byFamily = new Map<string, Map<string, number>>();
  for (const row of holders) {
    const family = normaliseRumpun(row.family);
    if (!family) continue;
    const fields = byFamily.get(family) ?? new Map<string, number>();
    const field = unitField(row.opdName);
    fields.set(field, (fields.get(field) ?? 0) + row.holders);
    byFamily.set(family, fields);
  }
  const proposed: Array<RumpunRelation & { holders: number }> = [];
  for (const [family, fields] of byFamily) {
    const total = [...fields.values()].reduce((a, b) => a + b, 0);
    for (const [field, count] of fields) {
      if (count >= total * PROPOSED_RELATION_SHARE && rumpunKey(field) !== rumpunKey(family)) proposed.push({ a: family, b: field, holders: count });
    }
  }
  return proposed.sort((x, y) => x.a.localeCompare(y.a, 'id') || y.holders - x.holders);
}

export const RUMPUN_MATCHES = [
  { code: 'sama', value: 1 },
  { code: 'riwayat_sama', value: 0.75 },
  { code: 'terkait', value: 0.5 },
  { code: 'riwayat_terkait', value: 0.25 },
  { code: 'tidak', value: 0 },
] as const;
export type RumpunMatchCode = (typeof RUMPUN_MATCHES)[number]['code'];

export interface RumpunFact {
  /** The rumpun of the candidate's current post. */
  current: string | null;
  /** The rumpun of the posts in the candidate's position history other than the current one. */
  history: readonly string[];
}

export interface RumpunMatch {
  code: RumpunMatchCode;
  value: number;
  /** The candidate's rumpun that matched (or the current one when none did). */
  via: string | null;
}

/** A match with its value. (Module-level: the ranking matches thousands of people per call, and a helper made
 *  inside matchRumpun was made again for each.) */
function rumpunMatch(code: RumpunMatchCode, via: string | null): RumpunMatch {
  return { code, value: RUMPUN_MATCHES.find((m) => m.code === code)!.value, via };
}

/** How close the candidate's rumpun is to the target's; null when either is unknown. */
export function matchRumpun(target: string | null, fact: RumpunFact, related: RelatedRumpun): RumpunMatch | null {
  if (!target || (!fact.current && fact.history.length === 0)) return null;
  const key = rumpunKey(target);
  const near = related.get(key);
  if (fact.current && rumpunKey(fact.current) === key) return rumpunMatch('sama', fact.current);
  const sameBefore = fact.history.find((h) => rumpunKey(h) === key);
  if (sameBefore) return rumpunMatch('riwayat_sama', sameBefore);
  if (fact.current && near?.has(rumpunKey(fact.current))) return rumpunMatch('terkait', fact.current);
  const relatedBefore = fact.history.find((h) => near?.has(rumpunKey(h)));
  if (relatedBefore) return rumpunMatch('riwayat_terkait', relatedBefore);
  return rumpunMatch('tidak', fact.current);
}

/** The words beside the rumpun component. */
export function describeRumpunMatch(target: string | null, fact: RumpunFact, match: RumpunMatch | null): string {
  if (!target) return 'belum ada data: rumpun jabatan ini belum ditetapkan';
  if (!match) return 'belum ada data: rumpun jabatan pegawai ini belum ditetapkan';
  switch (match.code) {
    case 'sama': return `rumpun sama (${target})`;
    case 'riwayat_sama': return `pernah menjabat di rumpun ${target}`;
    case 'terkait': return `rumpun terkait (${match.via} – ${target})`;
    case 'riwayat_terkait': return `pernah menjabat di rumpun terkait (${match.via})`;
    case 'tidak': return `rumpun lain (${fact.current ?? 'tidak diketahui'})`;
  }
}
