import type { FieldError } from '@/api/types'

export interface EnterpriseError {
  id: number
  name: string
  code: string
  message: string
}

const ENTERPRISE_FIELD = /^enterprise_ids\[(\d+)\]$/

/**
 * Splits the server's field errors of a new commission: those at enterprise_ids[i] become a line per
 * enterprise (named from `names`, else by id), shown as a list under the select; the others stay field errors.
 */
export function splitEnterpriseErrors(
  errors: readonly FieldError[],
  ids: readonly number[],
  names: ReadonlyMap<number, string>,
): { enterprises: EnterpriseError[]; fields: FieldError[] } {
  const enterprises: EnterpriseError[] = []
  const fields: FieldError[] = []
  for (const error of errors) {
    const match = ENTERPRISE_FIELD.exec(error.field)
    const id = match ? ids[Number(match[1])] : undefined
    if (id === undefined) {
      fields.push(error)
      continue
    }
    enterprises.push({ id, name: names.get(id) ?? `#${id}`, code: error.code, message: error.message })
  }
  return { enterprises, fields }
}
