import type { DataSource } from 'typeorm';
import { fullName } from '../../shared/domain/employee-status';
import { normaliseNipInput } from '../../shared/domain/nip';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import type { EmployeeRow } from '../../shared/ipc/channels/employees.channels';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { retirementDateSql } from '../db/sql/retirement.sql';

type ListRequest = ParsedRequestOf<'employees:list'>;

interface Condition {
  sql: string;
  params: unknown[];
}

/** The Pegawai list: search, filters, sort and a page, read as raw columns (never entity graphs). */
export class EmployeeQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: ListRequest): Promise<{ total: number; offset: number; rows: EmployeeRow[] }> {
    const conditions = this.conditions(request);
    const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '';
    const params = conditions.flatMap((c) => c.params);
    const from = `FROM employee e LEFT JOIN position p ON p.id = e.position_id`;

    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} ${where}`, params);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.nip, e.front_title, e.name, e.back_title, e.status, e.employment_type, e.gender, e.birth_date, e.golongan,
              u.name AS unit_name, r.name AS opd_name, p.name AS position_name, p.kind AS position_kind, p.level AS position_level,
              p.bup_override
       ${from} LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id
       ${where}
       ORDER BY ${this.orderBy(request.sort)}
       LIMIT ? OFFSET ?`,
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
        retirementDate: retirementDate(r.birth_date as string, bupFor(r.position_level as string | null, r.bup_override as number | null)),
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
    const inList = (column: string, values: readonly unknown[] | undefined) => {
      if (values && values.length > 0) conditions.push({ sql: `${column} IN (${values.map(() => '?').join(',')})`, params: [...values] });
    };
    inList('e.golongan', request.golongan);
    inList('e.status', request.status);
    inList('e.employment_type', request.employmentType);
    inList('p.kind', request.positionKind);
    return conditions;
  }

  private orderBy(sort: ListRequest['sort']): string {
    const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
    switch (sort.field) {
      case 'nip':
        return `e.nip ${dir}`;
      case 'golongan':
        return `e.golongan IS NULL, e.golongan ${dir}, e.name ASC, e.id ASC`;
      case 'unit':
        return `r.name ${dir}, u.name ${dir}, e.name ASC, e.id ASC`;
      case 'position':
        return `p.name IS NULL, p.name ${dir}, e.name ASC, e.id ASC`;
      case 'birthDate':
        return `e.birth_date ${dir}, e.id ASC`;
      case 'retirementDate':
        return `${retirementDateSql()} ${dir}, e.name ASC, e.id ASC`;
      case 'name':
      default:
        return `e.name COLLATE NOCASE ${dir}, e.id ASC`;
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
