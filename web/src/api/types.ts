/**
 * API types, derived from the server's OpenAPI description (src/api/schema.d.ts, made by
 * `npm run gen:api` from api/openapi.json). Pages import names from here, not from the schema.
 */
import type { components, operations } from './schema'

type Schemas = components['schemas']

export type OrgType = Schemas['OrgType']
export type Role = Schemas['Role']
export type RegionLevel = Schemas['RegionLevel']
export type AuditAction = Schemas['AuditAction']

export type FieldError = Schemas['FieldError']
export type Problem = Schemas['Problem']

export type Me = Schemas['Me']
export type LoginResult = Schemas['LoginResponse']
export type ProfileUpdate = Schemas['MeUpdate']
export type PasswordChange = Schemas['PasswordChangeRequest']

export type Region = Schemas['Region']
export type RegionCreate = Schemas['RegionCreate']
export type RegionUpdate = Schemas['RegionUpdate']

export type Organization = Schemas['Organization']
export type OrganizationCreate = Schemas['OrganizationCreate']
export type OrganizationUpdate = Schemas['OrganizationUpdate']

export type User = Schemas['User']
export type EndedSessions = Schemas['EndedSessions']
export type PasswordPolicy = Schemas['PasswordPolicy']
export type UserCreate = Schemas['UserCreate']
export type UserUpdate = Schemas['UserUpdate']

export type AuditEntry = Schemas['AuditEntry']

export type WebhookEventType = Schemas['WebhookEventType']
export type WebhookSubscription = Schemas['WebhookSubscription']
export type WebhookSubscriptionCreated = Schemas['WebhookSubscriptionCreated']
export type WebhookSubscriptionInput = Schemas['WebhookSubscriptionInput']
export type WebhookSubscriptionUpdate = Schemas['WebhookSubscriptionUpdate']
export type WebhookDelivery = Schemas['WebhookDelivery']
export type AuditChange = Schemas['FieldChange']

export type EnterpriseScale = Schemas['EnterpriseScale']
export type ProductionStatus = Schemas['ProductionStatus']
export type PermitType = Schemas['PermitType']
export type RiskLevel = Schemas['RiskLevel']
export type InsuranceType = Schemas['InsuranceType']
export type PolicyStatus = Schemas['PolicyStatus']
export type FundShareKind = Schemas['FundShareKind']
export type TitleLevel = Schemas['TitleLevel']
export type StaffKind = Schemas['StaffKind']
export type ExpertPoolLevel = Schemas['ExpertPoolLevel']
export type SafetyEngineerLevel = Schemas['SafetyEngineerLevel']
export type Specialty = Schemas['Specialty']
export type EvaluationGrade = Schemas['EvaluationGrade']

export type Industry = Schemas['Industry']

export type CalendarSource = Schemas['CalendarSource']
export type CalendarEntry = Schemas['CalendarEntry']
export type CalendarYear = Schemas['CalendarYear']
export type CalendarYearSummary = Schemas['CalendarYearSummary']
export type CalendarYearList = Schemas['CalendarYearList']
export type CalendarYearUpload = Schemas['CalendarYearUpload']
export type WorkingDayDate = Schemas['WorkingDayDate']
export type WorkingDayCount = Schemas['WorkingDayCount']

export type Contact = Schemas['Contact']
export type Enterprise = Schemas['Enterprise']
export type EnterpriseCreate = Schemas['EnterpriseCreate']
export type EnterpriseUpdate = Schemas['EnterpriseUpdate']
export type CreditCodeCheck = Schemas['CreditCodeCheck']
export type OrgName = Schemas['OrgName']

export type Policy = Schemas['Policy']
export type PolicyCreate = Schemas['PolicyCreate']
export type PolicyUpdate = Schemas['PolicyUpdate']

export type Certificate = Schemas['Certificate']
export type Staff = Schemas['Staff']
export type StaffCreate = Schemas['StaffCreate']
export type StaffUpdate = Schemas['StaffUpdate']
export type StaffingCheckRequest = Schemas['StaffingCheckRequest']
export type StaffingCheckResult = Schemas['StaffingCheckResult']

export type CatalogSource = Schemas['CatalogSource']
export type ServiceInsuranceType = Schemas['ServiceInsuranceType']
export type UploadAnchor = Schemas['UploadAnchor']
export type DeliverableKind = Schemas['DeliverableKind']
export type ServiceClass = Schemas['ServiceClass']
export type ServiceType = Schemas['ServiceType']
export type ServiceTypeDetail = Schemas['ServiceTypeDetail']
export type ServiceTypeVersion = Schemas['ServiceTypeVersion']
export type ServiceTypeCreate = Schemas['ServiceTypeCreate']
export type ServiceTypeUpdate = Schemas['ServiceTypeUpdate']

export type ServiceTypeRef = Schemas['ServiceTypeRef']
export type StatusEvent = Schemas['StatusEvent']
export type StaffRef = Schemas['StaffRef']
export type PolicyRef = Schemas['PolicyRef']
export type ServicePlan = Schemas['ServicePlan']
export type ServicePlanCreate = Schemas['ServicePlanCreate']
export type ServicePlanUpdate = Schemas['ServicePlanUpdate']
export type ServicePlanPage = Schemas['ServicePlanPage']
export type PlanStatus = Schemas['PlanStatus']
/** A step the server offers on a plan (`actions`). */
export type PlanAction = Schemas['PlanAction']
export type PlanItem = Schemas['PlanItem']
export type PlanItemInput = Schemas['PlanItemInput']
export type TrainingRow = Schemas['TrainingRow']
export type InspectionSummary = Schemas['InspectionSummary']
export type InspectionDetail = Schemas['Inspection']
export type InspectionAnswer = Schemas['InspectionAnswer']
export type InspectionFinding = Schemas['InspectionFinding']
export type InspectionAmendment = Schemas['InspectionAmendment']
export type FileFlags = Schemas['FileFlags']
export type TrainingRecord = Schemas['TrainingRecord']
export type Visit = Schemas['Visit']
export type VisitDetail = Schemas['VisitDetail']
export type VisitPage = Schemas['VisitPage']
export type VisitStatus = Schemas['VisitStatus']
/** A step the server offers on a visit (`actions`). */
export type VisitAction = Schemas['VisitAction']
export type VisitReport = Schemas['VisitReport']
export type ReportSubmission = Schemas['ReportSubmission']
export type VisitCreate = Schemas['VisitCreate']
export type VisitUpdate = Schemas['VisitUpdate']
export type VisitTeamMember = Schemas['VisitTeamMember']
export type TeamCheckResult = Schemas['TeamCheckResult']
export type UnmetVisitRule = Schemas['UnmetVisitRule']
export type TeamSuggestion = Schemas['TeamSuggestion']
export type TeamSuggestionList = Schemas['TeamSuggestionList']
export type NotEnteredReason = Schemas['NotEnteredReason']
export type SurveyGap = Schemas['SurveyGap']
export type SurveyGapPage = Schemas['SurveyGapPage']

export type CommissionItemStatus = Schemas['CommissionItemStatus']
/** A step the server offers on a commission item (`actions`). */
export type CommissionItemAction = Schemas['CommissionItemAction']
export type Commission = Schemas['Commission']
export type CommissionPage = Schemas['CommissionPage']
export type CommissionCreate = Schemas['CommissionCreate']
export type CommissionItem = Schemas['CommissionItem']
export type CommissionItemDetail = Schemas['CommissionItemDetail']
export type CommissionItemPage = Schemas['CommissionItemPage']
export type DeadlineKind = Schemas['DeadlineKind']
export type Deadline = Schemas['Deadline']
export type DeadlinePage = Schemas['DeadlinePage']
export type SweepResult = Schemas['SweepResult']
/** Named so, not Notification, to keep the browser's Notification type visible. */
export type UserNotification = Schemas['Notification']
export type NotificationPage = Schemas['NotificationPage']

export type ImportKind = Schemas['ImportKind']
export type ImportReport = Schemas['ImportReport']
export type ImportMode = ImportReport['mode']

export type DictItem = Schemas['DictionaryEntry']
export type Dictionaries = Schemas['Dictionaries']
/** The dictionaries the web app renders (the server may add more). */
export type DictKind =
  | 'org_types'
  | 'roles'
  | 'region_levels'
  | 'audit_actions'
  | 'enterprise_scales'
  | 'production_statuses'
  | 'permit_types'
  | 'risk_levels'
  | 'insurance_types'
  | 'policy_statuses'
  | 'fund_share_kinds'
  | 'title_levels'
  | 'staff_kinds'
  | 'expert_pool_levels'
  | 'safety_engineer_levels'
  | 'specialties'
  | 'evaluation_grades'
  | 'catalog_sources'
  | 'deliverable_kinds'
  | 'service_insurance_types'
  | 'upload_anchors'
  | 'plan_statuses'
  | 'visit_statuses'
  | 'not_entered_reasons'
  | 'commission_item_statuses'
  | 'deadline_kinds'
  | 'inspection_statuses'
  | 'finding_grades'
  | 'hazard_statuses'
  | 'hazard_domains'
  | 'hazard_recheck_results'
  | 'hazard_escalation_rules'
  | 'notice_kinds'

/** Query parameters (filters and paging) of a list operation. */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>

export type HazardStatus = Schemas['HazardStatus']
export type HazardGrade = Schemas['HazardGrade']
export type HazardDomain = Schemas['HazardDomain']
export type HazardCategoryEntry = Schemas['HazardCategoryEntry']
export type Hazard = Schemas['Hazard']
export type HazardDetail = Schemas['HazardDetail']
export type HazardPage = Schemas['HazardPage']
export type HazardDeadline = NonNullable<Schemas['HazardDeadline']>
export type HazardInput = Schemas['HazardInput']
export type HazardPatch = Schemas['HazardPatch']
export type HazardFindingEdit = Schemas['HazardFindingEdit']
export type HazardsFromFindings = Schemas['HazardsFromFindings']
export type VisitHazards = Schemas['VisitHazards']
export type HazardRecheck = VisitHazards['rechecks'][number]
export type HazardRecheckResult = NonNullable<HazardRecheck['result']>
export type HazardEscalation = Schemas['HazardEscalation']
export type HazardEscalationPage = Schemas['HazardEscalationPage']
export type HazardNotifyBody = Schemas['HazardNotifyBody']
export type HazardDeadlineBody = Schemas['HazardDeadlineBody']
export type HazardPlanBody = Schemas['HazardPlanBody']
export type HazardProgressBody = Schemas['HazardProgressBody']
export type HazardEvidenceBody = Schemas['HazardEvidenceBody']
export type HazardAcceptanceBody = Schemas['HazardAcceptanceBody']

export type NoticeKind = Schemas['NoticeKind']
export type NoticeStatus = Schemas['NoticeStatus']
export type Notice = Schemas['Notice']
export type NoticeDetail = Schemas['NoticeDetail']
export type NoticePage = Schemas['NoticePage']
export type NoticeInput = Schemas['NoticeInput']
export type VisitNoticeInput = Schemas['VisitNoticeInput']
export type NoticePatch = Schemas['NoticePatch']
export type NoticeProblem = Schemas['NoticeProblem']
export type NoticeReceiptBody = Schemas['NoticeReceiptBody']
/** A step the server offers on a notice (`actions`). */
export type NoticeAction = Notice['actions'][number]

// Work-safety risk list and four-colour map (chengdu App. C 3.2).
export type SafetyRisk = Schemas['SafetyRisk']
export type SafetyRiskRecord = Schemas['SafetyRiskRecord']
export type SafetyRiskRecordBody = Schemas['SafetyRiskRecordBody']
export type SafetyRiskListEntry = Schemas['SafetyRiskListEntry']
export type SafetyRiskLevel = Schemas['SafetyRiskLevel']
export type SafetyRiskGrade = Schemas['SafetyRiskGrade']
export type SafetySitePlan = Schemas['SafetySitePlan']

export type SumInsuredBand = Schemas['SumInsuredBand']
export type SumInsuredBandInput = Schemas['SumInsuredBandInput']
export type SumInsuredTable = Schemas['SumInsuredTable']
export type SumInsuredTableVersion = Schemas['SumInsuredTableVersion']
export type SumInsuredExample = Schemas['SumInsuredExample']
export type SumInsuredSuggestion = Schemas['SumInsuredSuggestion']
export type SumInsuredSuggestBody = operations['suggestSumInsured']['requestBody']['content']['application/json']

export type EnvRiskSubstance = Schemas['EnvRiskSubstance']
export type EnvRiskSubstanceSearch = Schemas['EnvRiskSubstanceSearch']
export type EnvRiskTable = Schemas['EnvRiskTable']
export type EnvRiskInputs = Schemas['EnvRiskInputs']
export type EnvRiskMedium = Schemas['EnvRiskMedium']
export type EnvRiskEvaluation = Schemas['EnvRiskEvaluation']
export type EnvRiskAssessmentSummary = Schemas['EnvRiskAssessmentSummary']
export type EnvRiskAssessmentPage = Schemas['EnvRiskAssessmentPage']

export type ArchiveList = Schemas['ArchiveList']
export type ArchiveSettings = Schemas['ArchiveSettings']
export type ArchiveDocument = Schemas['ArchiveDocument']
export type ArchiveItem = Schemas['ArchiveItem']
export type ArchiveCompleteness = Schemas['ArchiveCompleteness']
export type EnterpriseArchive = Schemas['EnterpriseArchive']
export type ArchiveItemHistory = Schemas['ArchiveItemHistory']
export type ArchiveEvent = Schemas['ArchiveEvent']
export type ArchiveVerification = Schemas['ArchiveVerification']
