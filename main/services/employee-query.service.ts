import type { DataSource } from 'typeorm';
import type { EmployeeRow } from '../../shared/ipc/channels/employees.channels';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { employeeRowColumns, employeeRowJoins, employeeSearchCondition, readEmployeeRow, whereOf, type SqlCondition } from '../db/sql/employee-rows.sql';

type ListRequest = ParsedRequestOf<'employees:list'>;

type Condition = SqlCondition;

/**
 * The Pegawai list: search, filters, sort and a page. Conditions only touch the employee row (and
 * subqueries), so the count needs no join; the page first picks 100 ids in order, then joins the labels for
 * just those rows ("deferred join"), so deep pages do not drag joins through every skipped row.
 */
export class EmployeeQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: ListRequest): Promise<{ total: number; offset: number; rows: EmployeeRow[] }> {
    const where = whereOf(this.conditions(request));
    const { joins, orderBy } = this.order(request.sort);

    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM employee e ${where.sql}`, where.params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${employeeRowColumns('e')}, e.status, e.employment_type, e.gender, e.birth_date, e.golongan, e.retirement_date
       FROM (SELECT e.id, ROW_NUMBER() OVER () AS ord FROM (SELECT e.id FROM employee e ${joins} ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?) e) page
       JOIN employee e ON e.id = page.id
       ${employeeRowJoins('e')}
       ORDER BY page.ord`,
      [...where.params, request.limit, request.offset],
    );
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
          golongan: (r.golongan as number | null) ?? null,
          status: r.status as string,
          employmentType: r.employment_type as string,
          gender: r.gender as string,
          birthDate: r.birth_date as string,
          retirementDate: (r.retirement_date as string | null) ?? '',
        };
      }),
    };
  }

  private conditions(request: ListRequest): Condition[] {
    const conditions: Condition[] = [];
    const search = employeeSearchCondition(request.search ?? '');
    if (search) conditions.push(search);
    if (request.unitId !== undefined) {
      // The whole subtree: a unit's materialised path is a prefix of its descendants' paths.
      conditions.push({
        sql: `e.unit_id IN (SELECT d.id FROM unit d, unit s WHERE s.id = ? AND substr(d.path, 1, length(s.path)) = s.path)`,
        params: [request.unitId],
      });
    }
    const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(',');
    const inList = (column: string, values: readonly unknown[] | undefined) => {
      if (values && values.length > 0) conditions.push({ sql: `${column} IN (${placeholders(values)})`, params: [...values] });
    };
    inList('e.golongan', request.golongan);
    inList('e.status', request.status);
    inList('e.employment_type', request.employmentType);
    if (request.positionKind && request.positionKind.length > 0) {
      conditions.push({ sql: `e.position_id IN (SELECT id FROM position WHERE kind IN (${placeholders(request.positionKind)}))`, params: [...request.positionKind] });
    }
    return conditions;
  }

  /** ORDER BY for the id-picking subquery; the label joins it needs (unit and position names) only when sorting by them. */
  private order(sort: ListRequest['sort']): { joins: string; orderBy: string } {
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const name = `e.name COLLATE NOCASE ${dir}, e.id ${dir}`;
    switch (sort.field) {
      case 'nip':
        return { joins: '', orderBy: `e.nip ${dir}` };
      case 'golongan':
        return { joins: '', orderBy: `e.golongan ${dir}, ${name}` };
      case 'unit':
        return { joins: 'LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id', orderBy: `r.name ${dir}, u.name ${dir}, ${name}` };
      case 'position':
        return { joins: 'LEFT JOIN position p ON p.id = e.position_id', orderBy: `p.name IS NULL, p.name ${dir}, ${name}` };
      case 'birthDate':
        return { joins: '', orderBy: `e.birth_date ${dir}, e.id ${dir}` };
      case 'retirementDate':
        return { joins: '', orderBy: `e.retirement_date ${dir}, e.id ${dir}` };
      case 'name':
      default:
        return { joins: '', orderBy: name };
    }
  }
}
