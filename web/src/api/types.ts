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

export type DictItem = Schemas['DictionaryEntry']
export type Dictionaries = Schemas['Dictionaries']
/** The dictionaries the web app renders (the server may add more). */
export type DictKind = 'org_types' | 'roles' | 'region_levels' | 'audit_actions'

/** Query parameters (filters and paging) of a list operation. */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>
