import type { DataSource } from 'typeorm';
import { fullName } from '../../shared/domain/employee-status';
import { normaliseNipInput } from '../../shared/domain/nip';
import type { EmployeeRow } from '../../shared/ipc/channels/employees.channels';
import type { ParsedRequestOf } from '../../shared/ipc/contract';

type ListRequest = ParsedRequestOf<'employees:list'>;

interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * The Pegawai list: search, filters, sort and a page. Conditions only touch the employee row (and
 * subqueries), so the count needs no join; the page first picks 100 ids in order, then joins the labels for
 * just those rows ("deferred join"), so deep pages do not drag joins through every skipped row.
 */
export class EmployeeQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: ListRequest): Promise<{ total: number; offset: number; rows: EmployeeRow[] }> {
    const conditions = this.conditions(request);
    const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '';
    const params = conditions.flatMap((c) => c.params);
    const { joins, orderBy } = this.order(request.sort);

    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM employee e ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.front_title, e.name, e.back_title, e.status, e.employment_type, e.gender, e.birth_date, e.golongan,
              e.retirement_date, u.name AS unit_name, r.name AS opd_name, p.name AS position_name, p.kind AS position_kind,
              p.level AS position_level
       FROM (SELECT e.id, ROW_NUMBER() OVER () AS ord FROM (SELECT e.id FROM employee e ${joins} ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) e) page
       JOIN employee e ON e.id = page.id
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN unit u ON u.id = e.unit_id
       LEFT JOIN unit r ON r.id = u.root_id
       ORDER BY page.ord`,
      [...params, request.limit, request.offset],
    );
    return {
      total,
      offset: request.offset,
      rows: rows.map((r) => ({
        id: r.id as number,
        nip: r.nip as string,
        fullName: fullName(r.name as string, r.front_title as string | null, r.back_title as string | null),
        unitName: (r.unit_name as string | null) ?? null,
        opdName: (r.opd_name as string | null) ?? null,
        positionName: (r.position_name as string | null) ?? null,
        positionKind: (r.position_kind as string | null) ?? null,
        positionLevel: (r.position_level as string | null) ?? null,
        golongan: (r.golongan as number | null) ?? null,
        status: r.status as string,
        employmentType: r.employment_type as string,
        gender: r.gender as string,
        birthDate: r.birth_date as string,
        retirementDate: (r.retirement_date as string | null) ?? '',
      })),
    };
  }

  private conditions(request: ListRequest): Condition[] {
    const conditions: Condition[] = [];
    const search = request.search?.trim() ?? '';
    if (search) conditions.push(searchCondition(search));
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

/**
 * Digits (with the spaces and dots of a printed NIP) search the NIP by prefix through its unique index;
 * anything else searches names: words of three letters or more through the trigram index, shorter words by
 * substring.
 */
export function searchCondition(search: string): Condition {
  const digits = normaliseNipInput(search);
  if (/^\d+$/.test(digits)) {
    // [prefix, prefix + ':'): ':' sorts right after '9', so this range is exactly "starts with prefix".
    return { sql: `(e.nip >= ? AND e.nip < ?)`, params: [digits, `${digits}:`] };
  }
  const words = search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (long.length > 0) {
    parts.push(`e.id IN (SELECT rowid FROM employee_fts WHERE employee_fts MATCH ?)`);
    params.push(long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const word of short) {
    parts.push(`e.name LIKE ? ESCAPE '\\'`);
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: `(${parts.join(' AND ')})`, params };
}
