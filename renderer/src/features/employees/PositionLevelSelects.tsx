import { POSITION_KINDS, POSITION_LEVELS, type PositionKind, type PositionLevel } from '../../../../shared/domain/position';

/** The two population filters every dashboard shares: jenis jabatan, then the jenjang of that kind. */
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
