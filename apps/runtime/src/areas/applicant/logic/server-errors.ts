/** The part of a Formily form (HallForm's exposed `form`) these helpers use. */
interface QueryableForm {
  query(path: string): { take(): unknown }
}
interface ShownField {
  display: string
  selfErrors: string[]
}

const isShownField = (field: unknown): field is ShownField =>
  typeof field === 'object' &&
  field !== null &&
  'selfErrors' in field &&
  (field as ShownField).display === 'visible'

/**
 * Puts the server's `FORM_INVALID` messages (keyed by data path) on the fields they name, as the
 * renderer shows the shared validate's. Answers the messages no visible field can show, and
 * `clear`, which takes them off again (the next change: the server's verdict was for old values).
 */
export function showServerErrors(form: QueryableForm, fields: Readonly<Record<string, string>>) {
  const unattached: string[] = []
  const marked: ShownField[] = []
  for (const [path, message] of Object.entries(fields)) {
    const field = form.query(path).take()
    if (isShownField(field)) {
      field.selfErrors = [message]
      marked.push(field)
    } else unattached.push(message)
  }
  return {
    unattached,
    clear: () => {
      for (const field of marked) field.selfErrors = []
    },
  }
}
