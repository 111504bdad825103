// The demo district as data: what the generator produces and the demo writer, the tests and the bench read.

import type { PositionValues } from '../db/sql/rows';
import type { IsoDate } from '../../shared/domain/dates';
import type { EducationLevel } from '../../shared/domain/education';
import type { PositionLevel } from '../../shared/domain/position';
import type { DISTRICT } from './organisation';

export interface DemoOptions {
  employees: number;
  seed: number;
  /** The district's "today": ages, TMTs and statuses are generated relative to it. */
  asOf: IsoDate;
}

export interface DemoUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  rootId: number;
  path: string;
  depth: number;
  sortOrder: number;
}

export interface DemoPosition extends PositionValues {
  id: number;
  code: string;
  level: PositionLevel;
}

export interface DemoEmployee {
  id: number;
  nip: string;
  nipLama: string | null;
  siasnId: string;
  frontTitle: string | null;
  name: string;
  backTitle: string | null;
  birthPlace: string;
  birthDate: IsoDate;
  gender: 'L' | 'P';
  employmentType: 'PNS' | 'CPNS' | 'PPPK';
  cpnsTmt: IsoDate;
  pnsTmt: IsoDate | null;
  golongan: number;
  golonganTmt: IsoDate;
  /** Masa kerja golongan as of golonganTmt (null for PPPK). */
  mkGolonganYears: number | null;
  mkGolonganMonths: number | null;
  positionId: number;
  positionTmt: IsoDate;
  unitId: number;
  educationLevel: EducationLevel;
  educationMajor: string | null;
  educationInstitution: string | null;
  educationYear: number;
  status: 'active' | 'retired' | 'moved' | 'deceased';
  statusDate: IsoDate | null;
  email: string | null;
  phone: string | null;
}

export interface DemoPositionHistory {
  employeeId: number;
  positionId: number;
  positionName: string;
  positionLevel: string;
  unitId: number;
  unitName: string;
  tmt: IsoDate;
  endDate: IsoDate | null;
  skNumber: string;
}

export interface DemoRankHistory {
  employeeId: number;
  golongan: number;
  tmt: IsoDate;
  kind: string;
  skNumber: string;
  mkYears: number | null;
  mkMonths: number | null;
}

export interface DemoDistrict {
  district: typeof DISTRICT;
  asOf: IsoDate;
  units: DemoUnit[];
  positions: DemoPosition[];
  employees: DemoEmployee[];
  positionHistory: DemoPositionHistory[];
  rankHistory: DemoRankHistory[];
}
