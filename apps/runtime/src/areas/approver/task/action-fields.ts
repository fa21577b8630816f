/** An action the server may offer on a task (`actions` of `GET /api/tasks/{id}`). */
export type TaskAction =
  | 'claim'
  | 'agree'
  | 'disagree'
  | 'return'
  | 'reject'
  | 'transfer'
  | 'delegate'
  | 'addSigner'
  | 'urge'
  | 'cc'

/** What each action's dialog asks for, no more: the server's own required fields are marked required. */
export interface ActionFields {
  comment?: 'optional' | 'required'
  signature?: true
  target?: true
  to?: true
  users?: true
  position?: true
}

export const ACTION_FIELDS: Record<TaskAction, ActionFields> = {
  agree: { comment: 'optional', signature: true },
  disagree: { comment: 'required', signature: true },
  return: { target: true, comment: 'required' },
  reject: { comment: 'required' },
  transfer: { to: true, comment: 'optional' },
  delegate: { to: true, comment: 'optional' },
  addSigner: { users: true, position: true },
  cc: { users: true, comment: 'optional' },
  urge: {},
  claim: {},
}

/** The URL segment of each action under `/api/tasks/{id}/`. */
export const ACTION_PATHS: Record<TaskAction, string> = {
  agree: 'agree',
  disagree: 'disagree',
  return: 'return',
  reject: 'reject',
  transfer: 'transfer',
  delegate: 'delegate',
  addSigner: 'add-signer',
  urge: 'urge',
  cc: 'cc',
  claim: 'claim',
}

/** Decisions: they carry the step's form edits and end the user's part, so the page returns to the inbox. */
export const DECISIONS: readonly TaskAction[] = [
  'agree',
  'disagree',
  'return',
  'reject',
  'transfer',
  'delegate',
]

export interface ActionInput {
  comment: string
  signature: string | undefined
  target: string
  to: string
  users: string[]
  position: 'before' | 'after'
}

export const emptyInput = (): ActionInput => ({
  comment: '',
  signature: undefined,
  target: '',
  to: '',
  users: [],
  position: 'before',
})

/** The fields still missing, by name, for the dialog to mark; empty when the input may be sent. */
export function missingFields(action: TaskAction, input: ActionInput): (keyof ActionInput)[] {
  const fields = ACTION_FIELDS[action]
  const missing: (keyof ActionInput)[] = []
  if (fields.comment === 'required' && !input.comment.trim()) missing.push('comment')
  if (fields.target && !input.target) missing.push('target')
  if (fields.to && !input.to) missing.push('to')
  if (fields.users && !input.users.length) missing.push('users')
  return missing
}

/** The request body of an action: only what it asks for, blank optional values left out. */
export function bodyOf(
  action: TaskAction,
  input: ActionInput,
  edits?: Record<string, unknown>,
): Record<string, unknown> {
  const fields = ACTION_FIELDS[action]
  const body: Record<string, unknown> = {}
  const comment = input.comment.trim()
  if (fields.comment && comment) body.comment = comment
  if (fields.signature && input.signature) body.signature = input.signature
  if (fields.target) body.target = input.target
  if (fields.to) body.to = input.to
  if (fields.users) body.users = input.users
  if (fields.position) body.position = input.position
  if ((action === 'agree' || action === 'disagree') && edits && Object.keys(edits).length)
    body.data = edits
  return body
}
