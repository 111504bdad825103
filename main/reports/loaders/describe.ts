// Small helpers loaders share: printing parameters the way an official report states them.

import { AppError } from '../../../shared/errors';
import type { Services } from '../../services';

export interface UnitScope {
  id: number;
  name: string;
  /** Materialised path ("/1/5/"); a prefix of every descendant's path. */
  path: string;
}

/** The chosen unit, or a clear error when it does not exist. */
export async function unitScope(services: Services, unitId: number): Promise<UnitScope> {
  const rows: UnitScope[] = await services.dataSource.query('SELECT id, name, path FROM unit WHERE id = ?', [unitId]);
  if (rows.length === 0) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
  return rows[0];
}

/** "Dinas Kesehatan › Bidang Pelayanan Kesehatan": the unit with its ancestors. */
export async function unitPathName(services: Services, unit: UnitScope): Promise<string> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const rows: Array<{ id: number; name: string }> = await services.dataSource.query(
    `SELECT id, name FROM unit WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  return ids.map((id) => rows.find((r) => r.id === id)?.name).filter(Boolean).join(' › ');
}
