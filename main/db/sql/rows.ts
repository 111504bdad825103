// Row shapes that several writers share (the import commit, the demo load), so each field is declared once.

/** The values of a position row, as the import commit writes a new one and the demo generator plans them. */
export interface PositionValues {
  code: string | null;
  name: string;
  kind: string;
  level: string | null;
  eselon: string | null;
  unitId: number | null;
  family: string | null;
  minGolongan: number | null;
  maxGolongan: number | null;
  bupOverride: number | null;
  isKey: boolean;
  quota: number | null;
}
