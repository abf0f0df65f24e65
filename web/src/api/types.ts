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
export type UserCreate = Schemas['UserCreate']
export type UserUpdate = Schemas['UserUpdate']

export type AuditEntry = Schemas['AuditEntry']
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

/** Query parameters (filters and paging) of a list operation. */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>
