/** What the process designer's parts share: the modeler, the change counter, the form fields. */
import { computed, inject, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue'
import type { BusinessObject, Modeling, Moddle, Shape } from './modeler/bpmn-services'
import type { ModelerHandle } from './modeler/use-modeler'
import type { FormFieldInfo } from './types'

export interface DesignerContext {
  modeler: ShallowRef<ModelerHandle | undefined>
  /** Bumped on every diagram change; read it in computeds over business objects. */
  revision: Ref<number>
  fields: ComputedRef<readonly FormFieldInfo[]>
  readonly: ComputedRef<boolean>
}

export const DESIGNER_CONTEXT: InjectionKey<DesignerContext> = Symbol('process-designer')

/** The shared context, plus writers that go through bpmn-js commands (so undo works). */
export function useDesigner() {
  const context = inject(DESIGNER_CONTEXT)
  if (!context) throw new Error('useDesigner() outside <ProcessDesigner>')
  const service = <T>(name: string) => context.modeler.value!.get<T>(name)
  /** Sets attributes (`'hall:due': '3wd'`); undefined removes one. */
  const write = (element: Shape, properties: Record<string, unknown>) => {
    if (!context.readonly.value) service<Modeling>('modeling').updateProperties(element, properties)
  }
  return {
    ...context,
    service,
    write,
    /** A string attribute of the element as a v-model; an empty value removes the attribute. */
    attr(element: () => Shape | undefined, name: string) {
      return computed<string | undefined>({
        get: () => {
          void context.revision.value
          const value = element()?.businessObject.get(name)
          return typeof value === 'string' ? value : undefined
        },
        set: (value) => {
          const target = element()
          if (target) write(target, { [name]: value || undefined })
        },
      })
    },
    /** Sets properties on a nested moddle element (the process behind a participant, extension elements). */
    writeModdle(element: Shape, target: BusinessObject, properties: Record<string, unknown>) {
      if (!context.readonly.value) service<Modeling>('modeling').updateModdleProperties(element, target, properties)
    },
    create(type: string, properties?: Record<string, unknown>) {
      return service<Moddle>('moddle').create(type, properties)
    },
  }
}
