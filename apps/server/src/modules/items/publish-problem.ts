/** Which part of an item a publish problem is in; `binding` = how the parts fit together. */
export const PUBLISH_PARTS = ['guide', 'form', 'process', 'binding'] as const
export type PublishPart = (typeof PUBLISH_PARTS)[number]

/**
 * One reason an item cannot be published (`error`) or should be looked at (`warning`). `path`
 * names a guide field or form field path, `elementId` a BPMN element, so an editor can mark it.
 */
export interface PublishProblem {
  part: PublishPart
  severity: 'error' | 'warning'
  path?: string
  elementId?: string
  message: string
}
