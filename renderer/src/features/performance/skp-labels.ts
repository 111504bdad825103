import { LEGACY_LABELS, PREDIKATS, predikatLabel } from '../../../../shared/domain/skp';

/** Display order and colours of distribution categories: 2022 predikat, then legacy sebutan (best first). */
export const CATEGORIES: Array<{ key: string; label: string; color: string; good: boolean }> = [
  ...PREDIKATS.map((p, i) => ({ key: p.code as string, label: p.label as string, color: ['#1f6f43', '#5aa469', '#f2b84b', '#e0693a', '#b42318'][i], good: i < 2 })),
  ...LEGACY_LABELS.map((l, i) => ({ key: `legacy:${l}`, label: `${l} (PP 46/2011)`, color: ['#2b5f82', '#5b8db8', '#b9b2d9', '#d59ba5', '#8c3a4a'][i], good: i < 2 })),
];

export function categoryLabel(key: string): string {
  return CATEGORIES.find((c) => c.key === key)?.label ?? (key.startsWith('legacy:') ? key.slice(7) : predikatLabel(key) || key);
}
