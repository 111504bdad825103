// Requests for any channel of the contract, generated from its zod schema: schema-shaped requests (ids biased
// towards the small numbers a demo database has, real dates, real golongan), near-valid mutations of a valid
// request (one field dropped, retyped, stretched or added), and arbitrary values of every kind a transport can
// deliver (structured clone over Electron's IPC carries Dates, Maps, BigInts and typed arrays; JSON over HTTP
// carries "__proto__" keys). Used by the read-channel test and the channel fuzz suite.

import fc from 'fast-check';
import type { z } from 'zod';
import { isIsoDate } from '../../shared/domain/dates';
import { ALL_GOLONGAN } from '../../shared/domain/golongan';
import { contract, type Channel } from '../../shared/ipc/contract';

// zod 4 keeps each schema's definition in `_zod.def`; only the parts read here are typed.
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; length?: number; value?: number; inclusive?: boolean; fn?: unknown } } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Bounds and refinements read from a schema's checks. */
function bounds(def: Def) {
  let min: number | undefined;
  let max: number | undefined;
  let minLength: number | undefined;
  let maxLength: number | undefined;
  let int = false;
  let pattern: RegExp | undefined;
  const refinements: unknown[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format') int = true;
    else if (c.check === 'greater_than') min = c.inclusive ? c.value : (c.value ?? 0) + (int ? 1 : 1e-6);
    else if (c.check === 'less_than') max = c.inclusive ? c.value : (c.value ?? 0) - (int ? 1 : 1e-6);
    else if (c.check === 'min_length') minLength = c.minimum;
    else if (c.check === 'max_length') maxLength = c.maximum;
    else if (c.check === 'length_equals') minLength = maxLength = c.length;
    else if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern;
    else if (c.check === 'custom') refinements.push(c.fn);
  }
  return { min, max, minLength, maxLength, int, pattern, refinements };
}

const GOLONGAN_CODES = ALL_GOLONGAN.map((g) => g.code);
const WORDS = ['Budi', 'Siti Rahayu', 'Dinas Kesehatan', 'Analis', 'Ahli Muda', 'Kepala Bidang', 'catatan', '1985', 'guru', 'Sindangraja'];

const isoDateArb = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Small ids first: a demo database has units, positions and employees numbered from 1. */
const idArb = (max = 2 ** 31 - 1) => fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: Math.min(60, max) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

function textArb(minLength = 0, maxLength = 60): fc.Arbitrary<string> {
  const cap = Math.min(maxLength, 80);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS).filter((w) => w.length >= minLength && w.length <= maxLength) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, cap) }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, cap), unit: 'binary' }) },
  );
}

/** A fast-check arbitrary producing requests shaped like `schema` (most of them pass its validation). */
export function schemaArbitrary(schema: z.ZodType, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const b = bounds(def);
  switch (def.type) {
    case 'string': {
      if (b.refinements.includes(isIsoDate)) return isoDateArb;
      // Fields whose check the bounds cannot see (a labelled date, a NIP, an address): shaped by their name.
      {
        if (/(Date|date|On)$/.test(key)) return isoDateArb;
        if (/nip$/i.test(key)) return fc.stringMatching(/^(19[6-9]\d|200[0-5])(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])(19[89]\d|20[0-2]\d)(0[1-9]|1[0-2])[12]\d{3}$/);
        if (/email$/i.test(key)) return fc.constantFrom('budi@contoh.go.id', 'sri.wahyuni@contoh.go.id');
        if (/phone$/i.test(key)) return fc.constantFrom('0812 3456 7890', '+62 21 555 1234');
      }
      if (b.pattern) {
        const pattern = b.pattern;
        return fc.stringMatching(pattern).filter((s) => s.length >= (b.minLength ?? 0) && s.length <= (b.maxLength ?? Infinity));
      }
      return textArb(b.minLength ?? 0, b.maxLength ?? 200);
    }
    case 'number': {
      if (b.refinements.length > 0 && /golongan/i.test(key)) return fc.constantFrom(...GOLONGAN_CODES);
      const min = b.min ?? (b.int ? -1000 : -1e6);
      const max = b.max ?? (b.int ? 1_000_000 : 1e6);
      if (b.int) {
        if (/(^|[a-z])(id|Id)$/.test(key) || key === 'id') return idArb(max);
        if (/year$/i.test(key) && min <= 2026 && max >= 2020) return fc.integer({ min: Math.max(min, 2015), max: Math.min(max, 2030) });
        return fc.integer({ min, max: Math.max(min, max) });
      }
      return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...(def.values as Array<string | number | boolean>));
    case 'optional':
      return fc.option(schemaArbitrary(def.innerType!, key), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(schemaArbitrary(def.innerType!, key), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.option(schemaArbitrary(def.innerType!, key), { nil: undefined, freq: 3 });
    case 'pipe':
      return schemaArbitrary(def.in!, key);
    case 'union':
      return fc.oneof(...def.options!.map((o) => schemaArbitrary(o, key)));
    case 'array':
      return fc.array(schemaArbitrary(def.element!, key), { minLength: b.minLength ?? 0, maxLength: Math.min(b.maxLength ?? 5, Math.max(b.minLength ?? 0, 5)) });
    case 'record':
      return fc.dictionary(schemaArbitrary(def.keyType!, key) as fc.Arbitrary<string>, schemaArbitrary(def.valueType!, key), { maxKeys: 3 });
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of Object.entries(def.shape!)) model[name] = schemaArbitrary(field, name);
      return fc.record(model).map((value) => {
        // Optional fields come out as explicit undefined; a real client leaves them out.
        for (const name of Object.keys(value)) if (value[name] === undefined) delete value[name];
        return value;
      });
    }
    default:
      return fc.anything();
  }
}

/** Values a transport can deliver that no schema asks for. */
export const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 }),
  fc.constantFrom<unknown>(
    undefined, null, NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 31) - 1, 1e308, '', ' ', '\u0000', '\ud800', '0', 'null', 'true', '1e9',
    '2026-02-30', '9999-99-99', '../../etc/passwd', "'; DROP TABLE employee; --", '%', '%%', '\\', '<script>alert(1)</script>',
    'x'.repeat(100_000), [], {}, [[[[[[]]]]]], { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } }, new Date(NaN), Buffer.from('jenjang'),
  ),
);

type Path = Array<string | number>;

function leafPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    out.push(prefix);
    for (const [k, v] of entries) leafPaths(v, [...prefix, k], out);
  } else {
    out.push(prefix);
  }
  return out;
}

function withAt(value: unknown, path: Path, change: (current: unknown) => unknown | typeof REMOVE): unknown {
  if (path.length === 0) {
    const next = change(value);
    return next === REMOVE ? undefined : next;
  }
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = withAt((value as Record<string | number, unknown>)[head], rest, change);
  if (rest.length === 0 && change === removeField) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else {
    copy[head] = next;
  }
  return copy;
}

const REMOVE = Symbol('remove');
const removeField = () => REMOVE;

/** Near-valid variants of a valid request: one change each, at one place of it. */
export function nearValidArbitrary(valid: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  const objects = paths.filter((p) => {
    let v: unknown = valid;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const change = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), path: fc.constantFrom(...paths.filter((p) => p.length > 0).concat(paths.length > 1 ? [] : [[]])) }),
    fc.record({ kind: fc.constant('retype' as const), path: fc.constantFrom(...paths), value: strangeValue }),
    fc.record({ kind: fc.constant('stretch' as const), path: fc.constantFrom(...paths) }),
    fc.record({ kind: fc.constant('extra' as const), path: fc.constantFrom(...objects), key: fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'actor', 'version', 'mode'), value: strangeValue }),
  );
  return change.map((c) => {
    switch (c.kind) {
      case 'drop':
        return c.path.length === 0 ? undefined : withAt(valid, c.path, removeField);
      case 'retype':
        return withAt(valid, c.path, () => c.value);
      case 'stretch':
        return withAt(valid, c.path, stretch);
      case 'extra':
        return withAt(valid, c.path, (current) => {
          const copy: Record<string, unknown> = { ...(current as object) };
          Object.defineProperty(copy, c.key, { value: c.value, enumerable: true, configurable: true, writable: true });
          return copy;
        });
    }
  });
}

/** The same kind of value pushed to its edges: numbers out of range, strings far too long, arrays far too big. */
function stretch(current: unknown): unknown {
  if (typeof current === 'number') return Number.isInteger(current) ? (current > 0 ? -current : 2 ** 31 + 7) : current * 1e12;
  if (typeof current === 'string') return current.length > 0 ? current.repeat(Math.ceil(5_000 / current.length)) : ' '.repeat(5_000);
  if (Array.isArray(current)) return Array.from({ length: 600 }, () => current[0] ?? 1);
  if (typeof current === 'boolean') return String(current);
  return current;
}

/**
 * A valid request for `channel`, found by sampling its schema arbitrary with a fixed seed (so every run uses
 * the same one). Null when none of the samples passes the schema.
 */
export function validRequest(channel: Channel, seed = 2026, tries = 400): unknown {
  const schema = contract[channel].request as z.ZodType;
  const samples = fc.sample(schemaArbitrary(schema), { seed, numRuns: tries });
  return samples.find((sample) => schema.safeParse(sample).success) ?? null;
}
