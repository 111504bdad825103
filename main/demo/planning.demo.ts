// Demo planning values for the catalogue the development demo wrote: each offering's mode, provider kind and
// partner share, class cost and size, minimum classes, and the competencies it develops by how many levels.
// Plausible for a district: self-paced e-learning in large classes at no cost, coaching in small groups, the
// office's own classes with a cost per class, partner institutions bearing part of the cost, and a few
// offerings that develop a second competency.

import { planningDemoSql } from '../db/sql/planning.sql';
import type { DemoExtension } from './extensions';

/** Partner institutions of the demo district and the share of the cost they bear. */
const PARTNERS: Record<string, number> = {
  'KPK – Anti-Corruption Learning Center': 0.5,
  'Ombudsman RI Perwakilan Jawa Barat': 0.3,
  'PGRI Kabupaten Sindangraja': 0.5,
  'BBGTK Jawa Barat': 0.4,
};

const GOVERNMENT = /LAN|BKN|Kementerian|Kemen|BPSDM|LKPP|Lembaga Administrasi|Dinas Kesehatan Provinsi|Plataran|Kesbangpol/;

/** Second competencies some offerings develop as well (title → code, levels). */
const ALSO_DEVELOPS: Record<string, [string, number]> = {
  'Workshop Manajemen Perubahan dan Inovasi': ['M.04', 1],
  'Pelatihan Analisis Kebijakan dan Pengambilan Keputusan': ['M.04', 1],
  'Coaching dan Mentoring bagi Atasan': ['M.02', 1],
};

export const planningDemo: DemoExtension = {
  name: 'planning',
  async write({ tx }) {
    const update = planningDemoSql.offeringWriter(tx);
    const develops = planningDemoSql.competencyWriter(tx);
    const competencyIds = planningDemoSql.competencyIds(tx);
    let written = 0;
    for (const offering of planningDemoSql.catalogue(tx)) {
      const provider = offering.provider ?? '';
      const partnerCostShare = PARTNERS[provider] ?? 0;
      const providerKind = partnerCostShare > 0 ? 'mitra' : GOVERNMENT.test(provider) ? 'pemerintah' : 'internal';
      const t = offering.type;
      const selfPaced = t === 'e_learning' || t === 'pelatihan_jarak_jauh';
      const structural = t === 'latsar' || t === 'pkp' || t === 'pka' || t === 'pkn_2' || t === 'pkn_1';
      const mode = selfPaced ? t : t === 'coaching' || t === 'mentoring' ? t : structural ? 'blended' : 'klasikal';
      const classSize = selfPaced ? 1000 : t === 'coaching' || t === 'mentoring' ? 5 : t === 'seminar' || t === 'sosialisasi' ? 100 : structural ? 40 : 30;
      // The office's own classes cost a venue and instructors per class; providers outside charge per participant.
      const costPerClass = selfPaced || structural ? 0 : providerKind === 'internal' ? (t === 'coaching' ? 2_500_000 : 7_500_000) : t === 'workshop' || t === 'bimtek' ? 5_000_000 : 0;
      // Structural trainings run as one class of the province's batch; a local bimtek runs when two classes fill.
      const minClasses = providerKind === 'internal' && (t === 'bimtek' || t === 'workshop') ? 2 : 1;
      update(offering.id, { mode, providerKind, partnerCostShare, costPerClass, classSize, minClasses });
      written++;
      const own = offering.competency_code ? competencyIds.get(offering.competency_code) : undefined;
      if (own !== undefined) {
        develops(offering.id, own, selfPaced || Number(offering.jp) < 20 ? 1 : 2);
        written++;
      }
      const also = ALSO_DEVELOPS[offering.title];
      const alsoId = also ? competencyIds.get(also[0]) : undefined;
      if (also && alsoId !== undefined) {
        develops(offering.id, alsoId, also[1]);
        written++;
      }
    }
    return written;
  },
};
