/**
 * One bpmn-js Modeler (or, read-only, a NavigatedViewer) in a container, with the hall
 * moddle extension, our limited palette and Chinese titles. `revision` counts changes so
 * computed panel values re-read the (non-reactive) business objects.
 */
import { hallModdleDescriptor } from '@hall/process-engine'
import Modeler from 'bpmn-js/lib/Modeler'
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer'
import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue'
import type { CommandStack, EventBus, Shape } from './bpmn-services'
import { enginePaletteModule } from './engine-palette'
import { zhTranslateModule } from './zh-translate'

export interface ModelerOptions {
  readonly: boolean
  chinese: boolean
}

/** What the designer's parts use of the modeler. */
export interface ModelerHandle {
  get<T>(service: string): T
  importXML(xml: string): Promise<{ warnings: unknown[] }>
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>
  saveSVG(): Promise<{ svg: string }>
  /** The moddle `bpmn:Definitions` on the canvas (undefined before the first import). */
  getDefinitions(): unknown
  destroy(): void
}

export function useModeler(container: Ref<HTMLElement | undefined>, options: ModelerOptions) {
  const modeler = shallowRef<ModelerHandle>()
  const revision = ref(0)
  const selected = shallowRef<Shape>()
  const canUndo = ref(false)
  const canRedo = ref(false)

  function create(): ModelerHandle {
    const translation = options.chinese ? [zhTranslateModule] : []
    const config = { container: container.value!, moddleExtensions: { hall: hallModdleDescriptor } }
    const instance = (options.readonly
      ? new NavigatedViewer({ ...config, additionalModules: translation })
      : new Modeler({ ...config, additionalModules: [enginePaletteModule, ...translation] })) as unknown as ModelerHandle
    const events = instance.get<EventBus>('eventBus')
    events.on('selection.changed', (event) => {
      const list = event.newSelection as Shape[]
      selected.value = list.length === 1 ? list[0] : undefined
    })
    events.on('elements.changed', () => revision.value++)
    events.on('import.done', () => revision.value++)
    if (!options.readonly) {
      events.on('commandStack.changed', () => {
        const stack = instance.get<CommandStack>('commandStack')
        canUndo.value = stack.canUndo()
        canRedo.value = stack.canRedo()
      })
    }
    modeler.value = instance
    return instance
  }

  onBeforeUnmount(() => modeler.value?.destroy())
  return { modeler, create, revision, selected, canUndo, canRedo }
}
