// The demo district's agency identity, so its reports print with a real letterhead: the BKPSDM of Kabupaten
// Sindangraja with its (fictional) logo, signed by whoever heads the BKPSDM in the generated district.
// An identity the office already entered is kept (INSERT … DO NOTHING): loading the demo never overwrites it.

import { demoSql } from '../db/sql/demo.sql';
import { fullName } from '../../shared/domain/employee-status';
import { golonganWithPangkat } from '../../shared/domain/golongan';
import type { AgencyIdentity } from '../../shared/schemas/agency';
import { inspectLogo } from '../../shared/domain/logo';
import { AGENCY_IDENTITY_KEY, AGENCY_LOGO_KEY, type StoredLogo } from '../db/agency-settings';
import { DEMO_LOGO_FILE_NAME, DEMO_LOGO_SVG } from './agency-logo';
import type { DemoExtension } from './extensions';
import type { DemoDistrict } from './generate';
import { DEMO_INSTANSI } from './import-files';

export const DEMO_OFFICE_NAME = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';

/** The head of the demo BKPSDM (or, in a district too small to fill that post, the most senior JPT). */
export function demoSignatory(district: DemoDistrict) {
  const office = district.units.find((u) => u.parentId === null && u.name === DEMO_OFFICE_NAME);
  const headPost = district.positions.find((p) => p.unitId === office?.id && p.level === 'jpt_pratama');
  const active = district.employees.filter((e) => e.status === 'active');
  const head = active.find((e) => e.positionId === headPost?.id);
  if (head && headPost) return { employee: head, position: headPost.name };
  const jpt = active.find((e) => district.positions.find((p) => p.id === e.positionId)?.level === 'jpt_pratama');
  return jpt ? { employee: jpt, position: district.positions.find((p) => p.id === jpt.positionId)!.name } : null;
}

export function demoAgencyIdentity(district: DemoDistrict): AgencyIdentity {
  const signatory = demoSignatory(district);
  const town = district.district.capital;
  return {
    governmentName: district.district.government,
    officeName: DEMO_OFFICE_NAME,
    address: `Jalan Raya ${town} Nomor 17, ${town} 45211`,
    contact: 'Telepon (0261) 421017 · Pos-el bkpsdm@sindangrajakab.go.id · Laman bkpsdm.sindangrajakab.go.id',
    datePlace: town,
    signatoryPosition: signatory?.position ?? `Kepala ${DEMO_OFFICE_NAME}`,
    signatoryName: signatory ? fullName(signatory.employee.name, signatory.employee.frontTitle, signatory.employee.backTitle) : null,
    signatoryRank: signatory ? golonganWithPangkat(signatory.employee.golongan) || null : null,
    signatoryNip: signatory?.employee.nip ?? null,
    // The demo district's own instansi, as its SIASN files name it: another district's file is a mismatch.
    instansiIndukId: DEMO_INSTANSI.id,
    instansiIndukName: DEMO_INSTANSI.name,
  };
}

export function demoLogo(): StoredLogo {
  const bytes = Buffer.from(DEMO_LOGO_SVG, 'utf8');
  return { fileName: DEMO_LOGO_FILE_NAME, ...inspectLogo(bytes), base64: bytes.toString('base64'), bytes: bytes.length };
}

export const agencyDemo: DemoExtension = {
  name: 'agency',
  async write({ tx, district, now }) {
    const insert = demoSql.settingIfAbsent(tx);
    let written = 0;
    written += insert(AGENCY_IDENTITY_KEY, JSON.stringify(demoAgencyIdentity(district)), now);
    written += insert(AGENCY_LOGO_KEY, JSON.stringify(demoLogo()), now);
    return written;
  },
};
