// Field labels of request schemas, so a validation error names the field as the form does ("Alasan kalibrasi"),
// never by its key. A schema is labelled with `labelled(schema, 'Alasan kalibrasi')` (zod's `title` metadata);
// `fieldLabelAt` finds the labels along an issue's path through objects, arrays, optional/nullable/default
// wrappers and transforms.

import { z } from 'zod';

export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  return schema.meta({ title: label });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const titleOf = (schema: z.ZodType): string | undefined => z.globalRegistry.get(schema)?.title;

/** The schema itself and every wrapper inside it (optional, nullable, default, readonly, pipe input, lazy). */
function layers(schema: z.ZodType): z.ZodType[] {
  const found: z.ZodType[] = [];
  let current: z.ZodType | undefined = schema;
  while (current && found.length < 20) {
    found.push(current);
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined);
  }
  return found;
}

/** The schema one path segment down, or null when the segment leads nowhere known. */
function child(schema: z.ZodType, segment: PropertyKey): z.ZodType | null {
  for (const layer of layers(schema)) {
    const def = defOf(layer);
    if (def.type === 'object' && def.shape && typeof segment === 'string' && segment in def.shape) return def.shape[segment];
    if (def.type === 'array' && def.element && typeof segment === 'number') return def.element;
    if (def.type === 'tuple' && def.items && typeof segment === 'number') return def.items[segment] ?? null;
    if (def.type === 'record' && def.valueType) return def.valueType;
    if (def.type === 'intersection') return (def.left && child(def.left, segment)) ?? (def.right && child(def.right, segment)) ?? null;
    if (def.type === 'union' && def.options) {
      for (const option of def.options) {
        const next = child(option, segment);
        if (next) return next;
      }
    }
  }
  return null;
}

/**
 * The labels along a path, outermost first, with array positions counted from one: ["Anggota komite ke-2",
 * "Nama anggota"]. Empty when no schema on the path is labelled.
 */
export function fieldLabelsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const parts: string[] = [];
  let current: z.ZodType | null = schema;
  for (const segment of path) {
    current = current && child(current, segment);
    if (!current) break;
    const title = layers(current).map(titleOf).find(Boolean);
    if (typeof segment === 'number') {
      if (parts.length) parts[parts.length - 1] += ` ke-${segment + 1}`;
      if (title) parts.push(title);
    } else if (title) {
      parts.push(title);
    }
  }
  return parts;
}

/** A validation message with the field named: "Anggota komite ke-2: Nama anggota wajib diisi." (a message that names its field keeps its own words). */
export function labelledMessage(schema: z.ZodType, path: readonly PropertyKey[], message: string): string {
  const parts = fieldLabelsAt(schema, path);
  const leaf = parts.at(-1);
  const prefix = leaf && message.toLowerCase().includes(leaf.toLowerCase()) ? parts.slice(0, -1) : parts;
  return prefix.length ? `${prefix.join(', ')}: ${message}` : message;
}
