// Jenjang's default pola karier, built from the rules of moves.ts and the positions the database holds: a step is
// offered only where positions exist at both of its ends. Until the office edits a path this set is what the
// Jalur Karier screen, the Peta Karier tab and `stats` read; the office's first edit stores it with the same ids.
//
// - Struktural: Pelaksana → Pengawas → Administrator → JPT Pratama → JPT Madya, each with the defaults of
//   structuralStepRequirements (DEFAULT_MOVE_RULES) for the lower eselon held at the target level.
// - Fungsional, one path per JF family: the keahlian ladder (Ahli Pertama → Muda → Madya → Utama) and the keterampilan
//   ladder (Pemula → Terampil → Mahir → Penyelia). Pangkat: the highest of the current
//   jenjang (one below the lowest of the next, DOMAIN §5 table), for the entry the lowest of the jenjang; education
//   S-1/D-IV for keahlian, D-III for keterampilan; ≥ 2 years in the jenjang [U: Jenjang's default; the angka kredit
//   of a JF is not held and is not checked]; SKP, JPM and discipline as for a structural step.
// - Diagonal: Pelaksana → JF Ahli Pertama and JF Terampil of any family (the entry of a JF), JF Ahli Muda → Administrator and JF Ahli Madya → JPT Pratama (the JF of the feeder's seniority, as
//   succession reads PP 11/2017 Pasal 107), and Pengawas → JF Ahli Muda, Administrator → JF Ahli Madya, for any family.

import { DEFAULT_MOVE_RULES, structuralStepRequirements, type StepRequirements } from '../../shared/domain/careers';
import { normaliseEselon, positionLevelInfo, ESELONS, type PositionLevel } from '../../shared/domain/position';
import { isStructuralLevel } from '../../shared/domain/succession/requirements';
import type { PositionGroupRow } from './sql/career-paths.sql';

export interface DefaultStep {
  id: number;
  pathId: number;
  fromLevel: PositionLevel;
  fromFamily: string | null;
  toLevel: PositionLevel;
  toFamily: string | null;
  requirements: StepRequirements;
  sort: number;
}

export interface DefaultPath {
  id: number;
  name: string;
  description: string;
  sort: number;
  steps: DefaultStep[];
}

/** The lowest golongan of each JF jenjang (DOMAIN §5; the keterampilan rows [U]). */
const JF_LOWEST_GOLONGAN: Partial<Record<PositionLevel, number>> = {
  ahli_pertama: 31, ahli_muda: 33, ahli_madya: 41, ahli_utama: 44, pemula: 21, terampil: 22, mahir: 31, penyelia: 33,
};
const KEAHLIAN: PositionLevel[] = ['ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'];
const KETERAMPILAN: PositionLevel[] = ['pemula', 'terampil', 'mahir', 'penyelia'];
const STRUCTURAL_LADDER: PositionLevel[] = ['pelaksana', 'pengawas', 'administrator', 'jpt_pratama', 'jpt_madya'];
/** Months in a JF jenjang before the next [U: Jenjang's default]. */
export const JF_MONTHS_IN_LEVEL = 24;

const S1 = { rank: 7, label: 'S-1/D-IV' };
const D3 = { rank: 6, label: 'D-III' };

/** The golongan one step below a code of the PNS scheme (III/a → II/d). */
function stepBelow(code: number): number {
  const room = Math.floor(code / 10);
  const grade = code % 10;
  if (grade > 1) return code - 1;
  return (room - 1) * 10 + 4;
}

function jfRequirements(from: PositionLevel, to: PositionLevel): StepRequirements {
  const lowest = JF_LOWEST_GOLONGAN[to]!;
  const fromJf = positionLevelInfo(from)!.kind === 'fungsional';
  return {
    minGolongan: fromJf ? stepBelow(lowest) : lowest,
    education: KEAHLIAN.includes(to) ? S1 : D3,
    leadershipTraining: null,
    minJpm: DEFAULT_MOVE_RULES.minJpm,
    minMonthsInLevel: fromJf ? JF_MONTHS_IN_LEVEL : null,
    skpYears: DEFAULT_MOVE_RULES.skpYears,
    noRunningDiscipline: true,
  };
}

/** The lower of the eselons held at a structural level (III.b before III.a), null when none is recorded. */
function lowerEselon(groups: readonly PositionGroupRow[], level: PositionLevel): string | null {
  const held = groups.filter((g) => g.level === level).map((g) => normaliseEselon(g.eselon)).filter((e) => e !== null);
  if (held.length === 0) return null;
  return [...held].sort((a, b) => ESELONS.indexOf(b!) - ESELONS.indexOf(a!))[0];
}

export function buildDefaultPaths(groups: readonly PositionGroupRow[]): DefaultPath[] {
  const present = (level: PositionLevel, family: string | null = null) =>
    groups.some((g) => g.level === level && (family === null || g.family === family));
  const families = [...new Set(groups.filter((g) => g.kind === 'fungsional' && g.family).map((g) => g.family!))].sort((a, b) => a.localeCompare(b, 'id'));
  const paths: DefaultPath[] = [];
  let stepId = 0;
  const add = (path: DefaultPath, from: PositionLevel, fromFamily: string | null, to: PositionLevel, toFamily: string | null, requirements: StepRequirements) => {
    path.steps.push({ id: ++stepId, pathId: path.id, fromLevel: from, fromFamily, toLevel: to, toFamily, requirements, sort: path.steps.length });
  };
  const newPath = (name: string, description: string): DefaultPath => ({ id: paths.length + 1, name, description, sort: paths.length, steps: [] });

  const structural = newPath('Jabatan struktural', 'Pelaksana, Pengawas, Administrator, dan Jabatan Pimpinan Tinggi.');
  for (let i = 0; i + 1 < STRUCTURAL_LADDER.length; i++) {
    const [from, to] = [STRUCTURAL_LADDER[i], STRUCTURAL_LADDER[i + 1]];
    if (present(from) && present(to)) add(structural, from, null, to, null, structuralStepRequirements(from, to, lowerEselon(groups, to)));
  }
  if (structural.steps.length > 0) paths.push(structural);

  for (const family of families) {
    const path = newPath(`Fungsional ${family}`, `Jenjang jabatan fungsional ${family} dan perpindahan dari pelaksana.`);
    for (const ladder of [KEAHLIAN, KETERAMPILAN]) {
      for (let i = 0; i + 1 < ladder.length; i++) {
        if (present(ladder[i], family) && present(ladder[i + 1], family)) add(path, ladder[i], family, ladder[i + 1], family, jfRequirements(ladder[i], ladder[i + 1]));
      }
    }
    if (path.steps.length > 0) paths.push(path);
  }

  const diagonal = newPath('Perpindahan diagonal', 'Dari pelaksana ke jabatan fungsional, dari jabatan fungsional ke struktural, dan sebaliknya.');
  for (const entry of ['ahli_pertama', 'terampil'] as const) {
    if (present('pelaksana') && present(entry)) add(diagonal, 'pelaksana', null, entry, null, jfRequirements('pelaksana', entry));
  }
  const diagonals: Array<[PositionLevel, PositionLevel]> = [['ahli_muda', 'administrator'], ['ahli_madya', 'jpt_pratama'], ['pengawas', 'ahli_muda'], ['administrator', 'ahli_madya']];
  for (const [from, to] of diagonals) {
    if (!present(from) || !present(to)) continue;
    add(diagonal, from, null, to, null, isStructuralLevel(to) ? structuralStepRequirements(from, to, lowerEselon(groups, to)) : { ...jfRequirements('pelaksana', to), minMonthsInLevel: null });
  }
  if (diagonal.steps.length > 0) paths.push(diagonal);
  return paths.map((p, i) => ({ ...p, id: i + 1, sort: i, steps: p.steps.map((s) => ({ ...s, pathId: i + 1 })) }));
}
