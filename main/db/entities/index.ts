// Every entity, in one list for the DataSource (classes, not globs: the code is bundled).
import { AccountEntity } from './account.entity';
import { CltnPeriodEntity, DisciplineRecordEntity, HonorAwardEntity, KgbRecordEntity, StudyRecordEntity } from './career.entity';
import { CompetencyAssessmentEntity, EmployeeCompetencyCurrentEntity, PotentialAssessmentEntity } from './assessment.entity';
import { CompetencyDefinitionEntity, PositionCompetencyStandardEntity } from './competency.entity';
import { CompetencyGapSummaryEntity, CompetencyJpmHistogramEntity, EmployeeCompetencyProfileEntity } from './competency-derived.entity';
import { DevelopmentBudgetEntity, DevelopmentPlanEntity, DevelopmentPlanItemEntity, MentoringRelationEntity, MentoringSessionEntity } from './development.entity';
import { EmployeeEntity } from './employee.entity';
import { CareerPathEntity, CareerStepEntity } from './career-path.entity';
import { CareerReadinessStateEntity, CareerStepReadinessEntity } from './career-readiness.entity';
import { ExportLogEntity } from './export-log.entity';
import { EmployeeKgbDueEntity } from './kgb-due.entity';
import { PositionHistoryEntity, RankHistoryEntity } from './history.entity';
import { ImportChangeEntity, ImportIssueEntity, ImportMappingProfileEntity, ImportSnapshotEntity } from './import.entity';
import { PerformanceEvaluationEntity } from './performance.entity';
import { PerformanceMemberEntity, PerformanceYearSummaryEntity, TalentAxisYearEntity, TalentBoxSummaryEntity } from './performance-derived.entity';
import { PositionEntity } from './position.entity';
import { SuccessionCandidateEntity, SuccessionEmployeeFactsEntity, SuccessionPlanEntity, SuccessionPlanRevisionEntity } from './succession.entity';
import { AppSettingEntity, AuditLogEntity } from './system.entity';
import { JobLockEntity, SettingsSectionVersionEntity } from './edit-version.entity';
import { TalentPlacementEntity, TalentSessionEntity } from './talent.entity';
import { EmployeeTrainingYearEntity, TrainingCatalogCompetencyEntity, TrainingCatalogEntity, TrainingRecordEntity } from './training.entity';
import { UnitEntity } from './unit.entity';
import { EmployeeQualityEntity, LocalCorrectionEntity, QualityIndexHistoryEntity } from './quality.entity';

export {
  AccountEntity, JobLockEntity, SettingsSectionVersionEntity,
  CltnPeriodEntity, DisciplineRecordEntity, HonorAwardEntity, KgbRecordEntity, StudyRecordEntity,
  ExportLogEntity, CareerPathEntity, CareerStepEntity, CareerReadinessStateEntity, CareerStepReadinessEntity, EmployeeKgbDueEntity,
  EmployeeQualityEntity, QualityIndexHistoryEntity, LocalCorrectionEntity,
  PerformanceMemberEntity, PerformanceYearSummaryEntity, TalentAxisYearEntity, TalentBoxSummaryEntity,
  AppSettingEntity, AuditLogEntity, CompetencyAssessmentEntity, CompetencyDefinitionEntity, CompetencyGapSummaryEntity, CompetencyJpmHistogramEntity, DevelopmentBudgetEntity, DevelopmentPlanEntity,
  EmployeeCompetencyProfileEntity,
  DevelopmentPlanItemEntity, EmployeeCompetencyCurrentEntity, EmployeeTrainingYearEntity, EmployeeEntity, ImportChangeEntity, ImportIssueEntity, ImportMappingProfileEntity,
  ImportSnapshotEntity, MentoringRelationEntity, MentoringSessionEntity, PerformanceEvaluationEntity, PositionCompetencyStandardEntity,
  PositionEntity, PositionHistoryEntity, PotentialAssessmentEntity, RankHistoryEntity, SuccessionCandidateEntity,
  SuccessionEmployeeFactsEntity, SuccessionPlanEntity, SuccessionPlanRevisionEntity, TalentPlacementEntity, TalentSessionEntity, TrainingCatalogCompetencyEntity, TrainingCatalogEntity, TrainingRecordEntity, UnitEntity,
};

export const ENTITIES = [
  UnitEntity, PositionEntity, CompetencyDefinitionEntity, PositionCompetencyStandardEntity, EmployeeEntity,
  PositionHistoryEntity, RankHistoryEntity, CompetencyAssessmentEntity, EmployeeCompetencyCurrentEntity,
  PotentialAssessmentEntity, PerformanceEvaluationEntity, TrainingCatalogEntity, TrainingRecordEntity,
  TalentSessionEntity, TalentPlacementEntity, SuccessionPlanEntity, SuccessionCandidateEntity, SuccessionPlanRevisionEntity, SuccessionEmployeeFactsEntity,
  DevelopmentPlanEntity, DevelopmentPlanItemEntity, MentoringRelationEntity, MentoringSessionEntity,
  ImportSnapshotEntity, ImportIssueEntity, ImportMappingProfileEntity, AuditLogEntity, AppSettingEntity,
  EmployeeCompetencyProfileEntity, CompetencyGapSummaryEntity, CompetencyJpmHistogramEntity,
  TalentAxisYearEntity, PerformanceMemberEntity, PerformanceYearSummaryEntity, TalentBoxSummaryEntity,
  ImportChangeEntity,
  EmployeeTrainingYearEntity, DevelopmentBudgetEntity,
  AccountEntity,
  ExportLogEntity,
  DisciplineRecordEntity, CltnPeriodEntity, HonorAwardEntity, KgbRecordEntity, StudyRecordEntity,
  CareerPathEntity, CareerStepEntity,
  EmployeeQualityEntity, QualityIndexHistoryEntity, LocalCorrectionEntity,
  TrainingCatalogCompetencyEntity,
  CareerStepReadinessEntity, CareerReadinessStateEntity,
  EmployeeKgbDueEntity,
  SettingsSectionVersionEntity, JobLockEntity,
];
