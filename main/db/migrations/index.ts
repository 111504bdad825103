import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ImportChanges1764100000000 } from './1764100000000-import-changes';
import { CompetencyMaps1764200000000 } from './1764200000000-competency-maps';
import { PerformanceTalent1764300000000 } from './1764300000000-performance-talent';
import { Development1764400000000 } from './1764400000000-development';
import { SuccessionPlanHistory1764500000000 } from './1764500000000-succession-plan-history';
import { PositionRumpun1765100000000 } from './1765100000000-position-rumpun';
import { SuccessionTalentComputed1765100000001 } from './1765100000001-succession-talent-computed';
import { TalentBeritaAcara1765200000000 } from './1765200000000-talent-berita-acara';
import { CompetencyNameKerjaSama1765300000000 } from './1765300000000-competency-name-kerja-sama';
import { Accounts1765400000000 } from './1765400000000-accounts';
import { ExportLog1765400000001 } from './1765400000001-export-log';
import { CareerAdministration1765500000000 } from './1765500000000-career-administration';
import { CareerPaths1765500000001 } from './1765500000001-career-paths';
import { CareerRecordProvenance1765500000002 } from './1765500000002-career-record-provenance';
import { DataQualityDerived1765600000200 } from './1765600000200-data-quality-derived';
import { LocalCorrections1765600000201 } from './1765600000201-local-corrections';
import { CataloguePlanning1765600000300 } from './1765600000300-catalogue-planning';
import { TalentAxisCoveringIndex1765600000000 } from './1765600000000-talent-axis-covering-index';
import { CareerReadiness1765600000100 } from './1765600000100-career-readiness';
import { KgbDue1765700000000 } from './1765700000000-kgb-due';
import { EditVersions1765700000400 } from './1765700000400-edit-versions';
import { SuccessionBasicIndex1765800000200 } from './1765800000200-succession-basic-index';
import { SuccessionCoveringIndexes1765800000201 } from './1765800000201-succession-covering-indexes';
import { EmployeeStatusCount1765800000500 } from './1765800000500-employee-status-count';
import { EmployeeCoveringOrderIndexes1765800000501 } from './1765800000501-employee-covering-order-indexes';
import { EmployeePromotionIndex1765900000300 } from './1765900000300-employee-promotion-index';
import { SuccessionBasicIndexUnit1765900000400 } from './1765900000400-succession-basic-index-unit';
import { AnnualSkpCoveringIndex1765900000740 } from './1765900000740-annual-skp-covering-index';
import { EmployeeHolderIndex1765900000800 } from './1765900000800-employee-holder-index';
import { ServerCoveringIndexesIncludeId1765900000900 } from './1765900000900-server-covering-indexes-include-id';
import { ServerActiveEmployeeIndex1765900001000 } from './1765900001000-server-active-employee-index';
import { ServerListSortIndexes1765900002000 } from './1765900002000-server-list-sort-indexes';
import { EmployeeQualityDuplicateKeyIndex1765900003000 } from './1765900003000-employee-quality-duplicate-key-index';
import { EmployeeActiveUnitIndex1765900003100 } from './1765900003100-employee-active-unit-index';
import { PerformanceSummaryCoveringIndex1765900006000 } from './1765900006000-performance-summary-covering-index';
import { CareerReadinessCoveringIndexes1765900006100 } from './1765900006100-career-readiness-covering-indexes';

/** Every migration this build knows, oldest first. A database that has applied one not listed here was
 *  written by a newer Jenjang and is refused (see open-database.ts). */
export const MIGRATIONS = [
  InitialSchema1764000000000, ImportChanges1764100000000, CompetencyMaps1764200000000, PerformanceTalent1764300000000, Development1764400000000,
  SuccessionPlanHistory1764500000000, PositionRumpun1765100000000, SuccessionTalentComputed1765100000001, TalentBeritaAcara1765200000000,
  CompetencyNameKerjaSama1765300000000, Accounts1765400000000, ExportLog1765400000001,
  CareerAdministration1765500000000,
  CareerPaths1765500000001,
  CareerRecordProvenance1765500000002,
  TalentAxisCoveringIndex1765600000000,
  CareerReadiness1765600000100,
  DataQualityDerived1765600000200,
  LocalCorrections1765600000201,
  CataloguePlanning1765600000300,
  KgbDue1765700000000,
  EditVersions1765700000400,
  SuccessionBasicIndex1765800000200,
  SuccessionCoveringIndexes1765800000201,
  EmployeeStatusCount1765800000500,
  EmployeeCoveringOrderIndexes1765800000501,
  EmployeePromotionIndex1765900000300,
  SuccessionBasicIndexUnit1765900000400,
  AnnualSkpCoveringIndex1765900000740,
  EmployeeHolderIndex1765900000800,
  ServerCoveringIndexesIncludeId1765900000900,
  ServerActiveEmployeeIndex1765900001000,
  ServerListSortIndexes1765900002000,
  EmployeeQualityDuplicateKeyIndex1765900003000,
  EmployeeActiveUnitIndex1765900003100,
  PerformanceSummaryCoveringIndex1765900006000,
  CareerReadinessCoveringIndexes1765900006100,
];

export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => new m().name!);
