import { parseFormSchema, type FormSchema } from '@hall/form-schema'

/** A problem of typed JSON, with where it is when known. */
export interface JsonProblem {
  readonly path: string
  readonly message: string
}

/**
 * Reads a form schema typed by hand: JSON syntax first, then everything `parseFormSchema` rejects
 * (unknown `x-` keys, keys of the wrong type, too deep, too many fields), each with its reason.
 */
export function checkSchemaJson(text: string): { ok: true; schema: FormSchema } | { ok: false; problems: JsonProblem[] } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: (error as Error).message }] }
  }
  const parsed = parseFormSchema(json)
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(({ path, message }) => ({ path, message })) }
  if (parsed.schema.type !== undefined && parsed.schema.type !== 'object') {
    return { ok: false, problems: [{ path: 'type', message: 'A form is an object schema: "type" must be "object"' }] }
  }
  return { ok: true, schema: parsed.schema }
}

/** The schema as the JSON view shows it. */
export const schemaText = (schema: FormSchema) => JSON.stringify(schema, null, 2)
