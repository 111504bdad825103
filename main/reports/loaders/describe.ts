// Small helpers loaders share: printing parameters the way an official report states them.

import { AppError } from '../../../shared/errors';
import { managerRun } from '../../db/sql/run';
import type { Services } from '../../services';

export interface UnitScope {
  id: number;
  name: string;
  /** Materialised path ("/1/5/"); a prefix of every descendant's path. */
  path: string;
}

/** The chosen unit, or a clear error when it does not exist. */
export async function unitScope(services: Services, unitId: number): Promise<UnitScope> {
  const unit = await services.sql.employees.unitById(managerRun(services.dataSource), unitId);
  if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
  return unit;
}

/** "Dinas Kesehatan › Bidang Pelayanan Kesehatan": the unit with its ancestors. */
export async function unitPathName(services: Services, unit: UnitScope): Promise<string> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const names = await services.sql.employees.unitNames(managerRun(services.dataSource), ids);
  return ids.map((id) => names.get(id)).filter(Boolean).join(' › ');
}
