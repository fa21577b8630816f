import { inject, provide, type InjectionKey } from 'vue'
import type { EnumItem, FieldStates } from '@hall/form-schema'
import type { Messages } from './messages'

/** An option of a user or department picker, as the host's search API returns it. */
export interface PickerOption {
  readonly value: string
  readonly label: string
}

/** A node of a cascader tree (regions, an organisation tree). */
export interface TreeOption {
  readonly value: string | number
  readonly label: string
  readonly children?: readonly TreeOption[]
}

/** What an upload field stores per file: the id the host's storage returned, never the bytes. */
export interface UploadedFile {
  readonly id: string
  readonly name: string
  readonly size: number
  readonly type: string
  readonly url?: string
}

/**
 * Which field a file is uploaded for, so the host's server can apply that field's limits itself.
 * `field` is the data path of the Upload field as the schema declares it: void containers (grids,
 * tabs) add nothing and row indexes are dropped, so an upload column of a sub-table is
 * `rows.scan` for every row. That is the path `uploadRulesOf` of `@hall/form-schema` reads.
 */
export interface UploadTarget {
  readonly field: string
}

/**
 * What a host's `uploadFile` throws when its server refused the file for a reason the user can
 * act on (too large, wrong type, too many): the message is shown at the field as it stands.
 * Any other failure shows the renderer's generic "could not be uploaded".
 */
export class UploadRefusedError extends Error {
  override readonly name = 'UploadRefusedError'
}

/**
 * The host application's I/O. The renderer never calls an API itself, so the
 * designer preview can pass fakes and the runtime its typed client.
 */
export interface FormServices {
  readonly searchUsers?: (query: string) => Promise<readonly PickerOption[]>
  readonly searchDepts?: (query: string) => Promise<readonly PickerOption[]>
  readonly uploadFile?: (
    file: File,
    target: UploadTarget,
  ) => Promise<{ readonly id: string; readonly url?: string }>
}

/** What HallForm shares with the components it renders (they sit below Formily, so props cannot reach them). */
export interface RendererContext {
  readonly messages: Messages
  readonly services: FormServices
  readonly dictionaries: Readonly<Record<string, readonly EnumItem[]>>
  /** Latest `evaluateReactions` result; sub-table cells read their row's state here. */
  readonly states: FieldStates
  /** Validation messages by concrete path (`expenses[3].amount`), from the last `validate`. */
  readonly errors: Readonly<Record<string, string>>
}

export const RENDERER_CONTEXT: InjectionKey<RendererContext> = Symbol('hall.form-renderer')
const SERVICES: InjectionKey<FormServices> = Symbol('hall.form-services')

/** Lets an app provide its services once (e.g. in its root component) instead of on every form. */
export function provideFormServices(services: FormServices): void {
  provide(SERVICES, services)
}

export function injectFormServices(): FormServices {
  return inject(SERVICES, {})
}

export function useRendererContext(): RendererContext {
  const context = inject(RENDERER_CONTEXT)
  if (!context)
    throw new Error(
      'Expected a hall form component inside <HallForm>, but it has no HallForm around it.',
    )
  return context
}
