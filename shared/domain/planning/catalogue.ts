// What the annual development plan knows about a catalogue offering: how it is delivered (mode), who provides
// it and what share of its cost a partner bears, what a class costs and holds, and which competencies it
// develops by how many levels. The office's own cost of an offering is what remains after the partner's share.

export const DELIVERY_MODES = [
  { code: 'klasikal', label: 'Klasikal (tatap muka)', lowCost: false },
  { code: 'blended', label: 'Blended (klasikal dan daring)', lowCost: false },
  { code: 'e_learning', label: 'E-learning', lowCost: true },
  { code: 'pelatihan_jarak_jauh', label: 'Pelatihan jarak jauh', lowCost: true },
  { code: 'coaching', label: 'Coaching', lowCost: true },
  { code: 'mentoring', label: 'Mentoring', lowCost: true },
  { code: 'magang', label: 'Magang/praktik kerja', lowCost: true },
  { code: 'patok_banding', label: 'Patok banding', lowCost: false },
  { code: 'detasering', label: 'Detasering/secondment', lowCost: true },
  { code: 'belajar_mandiri', label: 'Belajar mandiri', lowCost: true },
] as const;

export type DeliveryMode = (typeof DELIVERY_MODES)[number]['code'];
export const DELIVERY_MODE_CODES = DELIVERY_MODES.map((m) => m.code) as [DeliveryMode, ...DeliveryMode[]];

/** The modes the plan counts as low-cost (the "share done by low-cost modes" of a scenario). */
export const LOW_COST_MODES: ReadonlySet<string> = new Set(DELIVERY_MODES.filter((m) => m.lowCost).map((m) => m.code));

export function deliveryModeLabel(code: string): string {
  return DELIVERY_MODES.find((m) => m.code === code)?.label ?? 'Lainnya';
}

export const PROVIDER_KINDS = [
  { code: 'internal', label: 'BKPSDM/perangkat daerah sendiri' },
  { code: 'pemerintah', label: 'Instansi pemerintah (LAN, BPSDM, kementerian)' },
  { code: 'mitra', label: 'Mitra (perguruan tinggi, lembaga kerja sama)' },
  { code: 'swasta', label: 'Lembaga swasta' },
] as const;

export type ProviderKind = (typeof PROVIDER_KINDS)[number]['code'];
export const PROVIDER_KIND_CODES = PROVIDER_KINDS.map((p) => p.code) as [ProviderKind, ...ProviderKind[]];

export function providerKindLabel(code: string): string {
  return PROVIDER_KINDS.find((p) => p.code === code)?.label ?? 'Lainnya';
}

/** A competency an offering develops and by how many levels. */
export interface DevelopedCompetency {
  competencyId: number;
  levels: number;
}

/** A catalogue offering as the plan sees it. Costs are rupiah before the partner's share. */
export interface Offering {
  id: number;
  title: string;
  type: string;
  mode: string;
  jp: number;
  costPerParticipant: number;
  costPerClass: number;
  classSize: number;
  minClasses: number;
  /** 0–1: the share of every cost a partner institution bears. */
  partnerCostShare: number;
  competencies: readonly DevelopedCompetency[];
}

/** What the office pays: the cost less the partner's share, in whole rupiah (rounded up: never under-budgeted). */
export function officeCost(amount: number, partnerCostShare: number): number {
  const share = Math.min(1, Math.max(0, partnerCostShare));
  return Math.ceil(amount * (1 - share) - 1e-9);
}
