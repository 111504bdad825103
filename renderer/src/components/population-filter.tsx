import { useMemo, useState } from 'react';
import { POSITION_KINDS, POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../../shared/domain/position';
import { UnitPicker } from './unit-picker';

/** The population a dashboard describes: a unit with everything below it, and jenis/jenjang jabatan. */
export interface Population {
  parentUnitId?: number;
  kinds?: PositionKind[];
  levels?: PositionLevel[];
}

export interface PopulationState {
  unitId: number | null;
  kind: PositionKind | '';
  level: PositionLevel | '';
  setUnitId(unitId: number | null): void;
  setKindAndLevel(kind: PositionKind | '', level: PositionLevel | ''): void;
  /** The request fields for the dashboards' channels. */
  population: Population;
}

export function usePopulation(): PopulationState {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [kind, setKind] = useState<PositionKind | ''>('');
  const [level, setLevel] = useState<PositionLevel | ''>('');
  const population = useMemo((): Population => ({
    parentUnitId: unitId ?? undefined, kinds: kind ? [kind] : undefined, levels: level ? [level] : undefined,
  }), [unitId, kind, level]);
  return {
    unitId, kind, level, population, setUnitId,
    setKindAndLevel: (k, l) => {
      setKind(k);
      setLevel(l);
    },
  };
}

/**
 * The header the dashboards share (Peta Kompetensi, Kinerja, Manajemen Talenta): the year when the page has
 * one, then the population: perangkat daerah, jenis jabatan and the jenjang of that jenis.
 */
export function PopulationFilter({ state, years, year, onYear }: {
  state: PopulationState;
  /** Years to choose from, any order; omitted on pages without a year. */
  years?: number[];
  year?: number | null;
  onYear?(year: number): void;
}) {
  return (
    <div className="toolbar" role="group" aria-label="Filter populasi">
      {years && onYear && (
        <select aria-label="Tahun" value={year ?? ''} onChange={(e) => onYear(Number(e.target.value))}>
          {[...years].sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      )}
      <UnitPicker value={state.unitId} onChange={state.setUnitId} allLabel="Semua perangkat daerah" />
      <PositionLevelSelects kind={state.kind} level={state.level} onChange={state.setKindAndLevel} />
    </div>
  );
}

/** Jenis jabatan, then the jenjang of that jenis. */
export function PositionLevelSelects({ kind, level, onChange }: {
  kind: PositionKind | '';
  level: PositionLevel | '';
  onChange: (kind: PositionKind | '', level: PositionLevel | '') => void;
}) {
  return (
    <>
      <select aria-label="Jenis jabatan" value={kind} onChange={(e) => onChange(e.target.value as PositionKind | '', '')}>
        <option value="">Semua jenis jabatan</option>
        {POSITION_KINDS.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
      </select>
      <select aria-label="Jenjang jabatan" value={level} onChange={(e) => onChange(kind, e.target.value as PositionLevel | '')}>
        <option value="">Semua jenjang</option>
        {POSITION_LEVELS.filter((l) => !kind || l.kind === kind).map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
      </select>
    </>
  );
}
