// The employee snapshot kind, by its seams: reading a row (row.ts), the organisation it names (organisation.ts,
// units.ts), matching stored employees (matching.ts) and the diff (diff.ts).

export { historyStart, planEmployees, type EmployeeInsert, type EmployeePlan, type EmployeeUpdate, type FieldChange, type PlanOptions } from './diff';
export { loadEmployeeContext, loadEmployeeContextOn, type AbsentEmployee, type EmployeeContext, type ExistingEmployee } from './matching';
export type { PlannedPosition, PlannedUnit, PositionInfo } from './organisation';
export {
  EMPLOYEE_IMPORT_FIELDS, newPresence, parseEmployeeRow, parseGender, statusFromKedudukan,
  type EmployeeField, type FileInstansi, type EmployeeFileRow, type EmployeeValues, type PositionRef, type Presence, type UnitRef,
} from './row';
