import type { DataSource } from 'typeorm';
import type { EmployeeRow } from '../../shared/schemas/employees';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { readEmployeeRow } from '../db/sql/employee-rows.sql';
import type { SqlDialect } from '../db/sql';
import { managerRun } from '../db/sql/run';
import { retirementWindow } from '../../shared/domain/retirement-watch';
import type { Clock } from './clock';

type ListRequest = ParsedRequestOf<'employees:list'>;

/** The Pegawai list: search, filters, sort and a page (the SQL is in db/sql/employees/list.sql.ts). */
export class EmployeeQueryService {
  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect, private readonly clock: Clock) {}

  /** `scopeUnitId`: only the employees of that unit subtree are listed and counted (an Operator OPD's reach). */
  async list(request: ListRequest, scopeUnitId: number | null = null): Promise<{ total: number; offset: number; rows: EmployeeRow[] }> {
    const run = managerRun(this.dataSource);
    const filter = { ...request, ...retirementWindow(request.retirement, this.clock.today()), scopeUnitId: scopeUnitId ?? undefined };
    const { total, rows } = await this.sql.employees.employeeList(run, filter, request.sort, request.limit, request.offset);
    return {
      total,
      offset: request.offset,
      rows: rows.map((r) => {
        const person = readEmployeeRow(r);
        return {
          id: person.employeeId,
          nip: person.nip,
          fullName: person.fullName,
          unitName: person.unitName,
          opdName: person.opdName,
          positionName: person.positionName,
          positionKind: person.positionKind,
          positionLevel: person.positionLevel,
          golongan: r.golongan ?? null,
          status: r.status,
          employmentType: r.employment_type,
          gender: r.gender,
          birthDate: r.birth_date,
          retirementDate: r.retirement_date ?? '',
        };
      }),
    };
  }
}
