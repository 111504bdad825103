// The employees capability's SQL (main/db/sql/README.md): the Pegawai list and its filters, one employee's
// record and history, units and positions for pickers, head counts, and the rows of the printed listings.

import { activeCountInSubtree, activeRetirees, dukRows, leadershipTrainings, nominativeRows } from './listings.sql';
import { countEmployees, employeeList, employeeListPage } from './list.sql';
import { activeUnitsWithDirectCounts, childUnits, positionOptions, rootUnits, unitById } from './reference.sql';
import { employeeIdByNip, nipHolder, positionHistory, rankHistory, unitNames } from './records.sql';
import { activeRetirementDue, activeRetirementsByYear, headcount, headcountBy } from './stats.sql';

export const employeesSql = {
  countEmployees,
  employeeList,
  employeeListPage,
  positionHistory,
  rankHistory,
  nipHolder,
  employeeIdByNip,
  unitNames,
  activeUnitsWithDirectCounts,
  positionOptions,
  unitById,
  childUnits,
  rootUnits,
  headcount,
  headcountBy,
  activeRetirementsByYear,
  activeRetirementDue,
  activeCountInSubtree,
  activeRetirees,
  dukRows,
  nominativeRows,
  leadershipTrainings,
};

export type EmployeesSql = typeof employeesSql;
export type { EmployeeListFilter, EmployeeListRow, EmployeeSortField } from './list.sql';
export type { RegisterRow, RetireeRow } from './listings.sql';
