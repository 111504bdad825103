// The demo district's organisation: perangkat daerah with their secretariats, bidang/bagian and sub-units,
// puskesmas, schools and extension offices scaled to the district's size, kecamatan, and the structural posts
// of each (with the unit-less JF and pelaksana positions created as people take them).

import { ESELON_GOLONGAN_RANGE, kindOfLevel, type Eselon, type PositionLevel } from '../../shared/domain/position';
import type { DemoPosition, DemoUnit } from './district';
import { KECAMATAN } from './names';
import { OPD_TEMPLATES, type OpdTemplate } from './organisation';
import type { Random } from './random';

export interface StructuralPost {
  position: DemoPosition;
  unit: DemoUnit;
  priority: number; // fill order when the district is small: heads first
}

export class OrganisationBuilder {
  readonly units: DemoUnit[] = [];
  readonly positions: DemoPosition[] = [];
  readonly structural: StructuralPost[] = [];
  readonly schools: DemoUnit[] = [];
  readonly puskesmas: DemoUnit[] = [];
  readonly bpp: DemoUnit[] = [];
  readonly staffUnits = new Map<number, DemoUnit[]>(); // OPD id → units its staff can sit in
  readonly opdWeights: Array<readonly [DemoUnit, number]> = [];
  readonly opdTemplates = new Map<number, OpdTemplate>();
  readonly kecamatan: DemoUnit[] = [];
  rsud: DemoUnit | null = null;
  private readonly generic = new Map<string, DemoPosition>();

  constructor(private readonly rng: Random) {}

  unit(name: string, kind: string, parent: DemoUnit | null): DemoUnit {
    const id = this.units.length + 1;
    const unit: DemoUnit = {
      id, code: this.rng.guid(), name, kind, parentId: parent?.id ?? null, rootId: parent ? parent.rootId : id,
      path: `${parent ? parent.path : '/'}${id}/`, depth: parent ? parent.depth + 1 : 0, sortOrder: id,
    };
    this.units.push(unit);
    if (parent) this.staffUnits.get(unit.rootId)?.push(unit);
    else this.staffUnits.set(id, [unit]);
    return unit;
  }

  post(name: string, level: PositionLevel, eselon: Eselon, unit: DemoUnit, priority: number): DemoPosition {
    const range = ESELON_GOLONGAN_RANGE[eselon];
    const position: DemoPosition = {
      id: this.positions.length + 1, code: this.rng.guid(), name, kind: kindOfLevel(level), level, eselon, unitId: unit.id,
      family: null, minGolongan: range.min, maxGolongan: range.max, bupOverride: null,
      isKey: level === 'jpt_pratama' || level === 'administrator', quota: 1,
    };
    this.positions.push(position);
    this.structural.push({ position, unit, priority });
    return position;
  }

  /** A unit-less JF or pelaksana position, created once and shared by everyone who holds it. */
  genericPosition(name: string, level: PositionLevel, family: string | null): DemoPosition {
    const existing = this.generic.get(name);
    if (existing) return existing;
    const range = JF_GOLONGAN_RANGE[level];
    const position: DemoPosition = {
      id: this.positions.length + 1, code: this.rng.guid(), name, kind: kindOfLevel(level), level, eselon: null, unitId: null,
      family, minGolongan: range?.min ?? null, maxGolongan: range?.max ?? null,
      bupOverride: family === 'Guru' || family === 'Pengawas Sekolah' ? 60 : null, isKey: false, quota: null,
    };
    this.positions.push(position);
    this.generic.set(name, position);
    return position;
  }
}

const JF_GOLONGAN_RANGE: Partial<Record<PositionLevel, { min: number; max: number }>> = {
  ahli_pertama: { min: 31, max: 32 }, ahli_muda: { min: 33, max: 34 }, ahli_madya: { min: 41, max: 43 }, ahli_utama: { min: 44, max: 45 },
  pemula: { min: 21, max: 21 }, terampil: { min: 22, max: 24 }, mahir: { min: 31, max: 32 }, penyelia: { min: 33, max: 34 },
};

export function buildOrganisation(rng: Random, employees: number): OrganisationBuilder {
  const org = new OrganisationBuilder(rng);
  const kecamatanCount = clamp(Math.round(employees / 250), 3, KECAMATAN.length);
  const kecamatanNames = KECAMATAN.slice(0, kecamatanCount);

  for (const template of OPD_TEMPLATES) {
    const opd = org.unit(template.name, 'opd', null);
    org.opdTemplates.set(opd.id, template);
    org.opdWeights.push([opd, template.weight]);
    const headName = template.type === 'setda' ? 'Sekretaris Daerah'
      : template.type === 'setwan' ? 'Sekretaris DPRD'
      : template.type === 'inspektorat' ? 'Inspektur Daerah'
      : template.type === 'rsud' ? `Direktur ${template.name}`
      : template.type === 'satpol' ? `Kepala ${template.name}`
      : `Kepala ${template.name}`;
    org.post(headName, 'jpt_pratama', template.type === 'setda' ? 'II.a' : 'II.b', opd, 0);

    if (template.type === 'setda') {
      for (const asisten of ['Asisten Pemerintahan dan Kesejahteraan Rakyat', 'Asisten Perekonomian dan Pembangunan', 'Asisten Administrasi Umum']) {
        org.post(asisten, 'jpt_pratama', 'II.b', opd, 1);
      }
    }
    if (template.type === 'rsud') {
      org.rsud = opd;
      org.post('Wakil Direktur Pelayanan', 'administrator', 'III.a', opd, 2);
      org.post('Wakil Direktur Umum dan Keuangan', 'administrator', 'III.a', opd, 2);
    }
    if (['badan', 'dinas', 'inspektorat', 'satpol'].includes(template.type)) {
      const secretariat = org.unit('Sekretariat', 'sekretariat', opd);
      org.post(`Sekretaris ${template.type === 'inspektorat' ? 'Inspektorat Daerah' : template.name}`, 'administrator', 'III.a', secretariat, 2);
      for (const sub of ['Subbagian Umum dan Kepegawaian', 'Subbagian Perencanaan dan Keuangan']) {
        const unit = org.unit(sub, 'subbagian', secretariat);
        org.post(`Kepala ${sub}`, 'pengawas', 'IV.a', unit, 4);
      }
    }
    for (const division of template.divisions) {
      const kind = division.startsWith('Bagian') ? 'bagian' : division.startsWith('Inspektur') ? 'inspektorat_pembantu' : 'bidang';
      const unit = org.unit(division, kind, opd);
      const title = kind === 'inspektorat_pembantu' ? division : `Kepala ${division}`;
      const eselon: Eselon = kind === 'bidang' && template.type !== 'rsud' ? 'III.b' : 'III.a';
      org.post(title, 'administrator', eselon, unit, 3);
    }

    if (template.short === 'Dinkes') {
      const count = clamp(Math.round(employees / 120), 2, 200);
      for (let i = 0; i < count; i++) {
        const place = kecamatanNames[i % kecamatanNames.length];
        const suffix = i < kecamatanNames.length ? '' : ` ${romanSuffix(Math.floor(i / kecamatanNames.length) + 1)}`;
        const unit = org.unit(`UPTD Puskesmas ${place}${suffix}`, 'puskesmas', opd);
        org.puskesmas.push(unit);
        org.post(`Kepala UPTD Puskesmas ${place}${suffix}`, 'pengawas', 'IV.a', unit, 5);
      }
    }
    if (template.short === 'Disdikbud') {
      const count = clamp(Math.round((employees * 0.36) / 12), 2, 2500);
      const perKecamatan = new Map<string, { sd: number; smp: number }>();
      for (let i = 0; i < count; i++) {
        const place = kecamatanNames[i % kecamatanNames.length];
        const seen = perKecamatan.get(place) ?? { sd: 0, smp: 0 };
        const isSmp = i % 5 === 4;
        if (isSmp) seen.smp += 1;
        else seen.sd += 1;
        perKecamatan.set(place, seen);
        const name = isSmp ? `SMP Negeri ${seen.smp} ${place}` : `SD Negeri ${seen.sd} ${place}`;
        org.schools.push(org.unit(name, 'sekolah', opd));
      }
    }
    if (template.short === 'Distanpangan') {
      for (let i = 0; i < Math.ceil(kecamatanNames.length / 2); i++) {
        const place = kecamatanNames[i * 2];
        const unit = org.unit(`UPTD Balai Penyuluhan Pertanian ${place}`, 'uptd', opd);
        org.bpp.push(unit);
        org.post(`Kepala UPTD Balai Penyuluhan Pertanian ${place}`, 'pengawas', 'IV.a', unit, 6);
      }
    }
  }

  for (const place of kecamatanNames) {
    const kec = org.unit(`Kecamatan ${place}`, 'kecamatan', null);
    org.kecamatan.push(kec);
    org.opdWeights.push([kec, 0.6]);
    org.post(`Camat ${place}`, 'administrator', 'III.a', kec, 3);
    const secretariat = org.unit('Sekretariat Kecamatan', 'sekretariat', kec);
    org.post(`Sekretaris Kecamatan ${place}`, 'administrator', 'III.b', secretariat, 4);
    for (const seksi of ['Seksi Pemerintahan', 'Seksi Ketenteraman dan Ketertiban Umum', 'Seksi Pemberdayaan Masyarakat dan Desa']) {
      const unit = org.unit(seksi, 'seksi', kec);
      org.post(`Kepala ${seksi} Kecamatan ${place}`, 'pengawas', 'IV.a', unit, 6);
    }
  }
  return org;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function romanSuffix(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}
