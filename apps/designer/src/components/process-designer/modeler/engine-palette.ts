/**
 * Palette, context pad and replace menu limited to what the engine runs (engine README
 * "BPMN support"): no pools, data objects, groups, signal / escalation / compensation /
 * conditional / link events, send or business-rule tasks, complex gateways or transactions.
 * "Task" entries create user tasks, the step a hall administrator means.
 */
import type { Shape } from './bpmn-services'

type Entries = Record<string, { action?: Record<string, unknown> } & Record<string, unknown>>
type Updater = (entries: Entries) => Entries

const UNSUPPORTED = /signal|escalation|compensat|conditional|link|send-task|rule-task|business-rule|complex|transaction|ad-hoc|pool|participant|data-|group|lane|collapsed/

/** Keeps the entries the engine can run. */
export function withoutUnsupported(entries: Entries): Entries {
  return Object.fromEntries(Object.entries(entries).filter(([id]) => !UNSUPPORTED.test(id)))
}

interface Injected {
  elementFactory: { createShape(attrs: { type: string }): Shape }
  create: { start(event: unknown, shape: Shape, context?: unknown): void }
  autoPlace?: { append(source: Shape, shape: Shape): void }
  translate: (text: string) => string
}

function userTaskAction({ elementFactory, create, autoPlace }: Injected, append: boolean) {
  const make = () => elementFactory.createShape({ type: 'bpmn:UserTask' })
  const start = (event: unknown, source?: Shape) => create.start(event, make(), source ? { source } : undefined)
  return append
    ? { dragstart: start, click: (event: unknown, source: Shape) => (autoPlace ? autoPlace.append(source, make()) : start(event, source)) }
    : { dragstart: (event: unknown) => start(event), click: (event: unknown) => start(event) }
}

const PRIORITY = 500

class EnginePalette {
  static $inject = ['palette', 'elementFactory', 'create', 'translate', 'injector']
  private readonly services: Injected
  constructor(palette: { registerProvider(priority: number, provider: unknown): void }, elementFactory: Injected['elementFactory'], create: Injected['create'], translate: Injected['translate'], injector: { get(name: string, strict: boolean): unknown }) {
    this.services = { elementFactory, create, translate, autoPlace: injector.get('autoPlace', false) as Injected['autoPlace'] }
    palette.registerProvider(PRIORITY, this)
  }
  getPaletteEntries(): Updater {
    return (entries) => {
      const kept = withoutUnsupported(entries)
      const task = kept['create.task']
      if (task) task.action = userTaskAction(this.services, false)
      kept['create.parallel-gateway'] = {
        group: 'gateway',
        className: 'bpmn-icon-gateway-parallel',
        title: this.services.translate('Create parallel gateway'),
        action: { click: this.createOf('bpmn:ParallelGateway'), dragstart: this.createOf('bpmn:ParallelGateway') },
      }
      return kept
    }
  }
  private createOf(type: string) {
    return (event: unknown) => this.services.create.start(event, this.services.elementFactory.createShape({ type }))
  }
}

class EngineContextPad {
  static $inject = ['contextPad', 'elementFactory', 'create', 'translate', 'injector']
  private readonly services: Injected
  constructor(contextPad: { registerProvider(priority: number, provider: unknown): void }, elementFactory: Injected['elementFactory'], create: Injected['create'], translate: Injected['translate'], injector: { get(name: string, strict: boolean): unknown }) {
    this.services = { elementFactory, create, translate, autoPlace: injector.get('autoPlace', false) as Injected['autoPlace'] }
    contextPad.registerProvider(PRIORITY, this)
  }
  getContextPadEntries(): Updater {
    return (entries) => {
      const kept = withoutUnsupported(entries)
      const task = kept['append.append-task']
      if (task) {
        task.action = userTaskAction(this.services, true)
        task.className = 'bpmn-icon-user-task'
        task.title = this.services.translate('Append user task')
      }
      return kept
    }
  }
}

class EngineReplaceMenu {
  static $inject = ['popupMenu']
  constructor(popupMenu: { registerProvider(id: string, priority: number, provider: unknown): void }) {
    popupMenu.registerProvider('bpmn-replace', PRIORITY, this)
  }
  getPopupMenuEntries(): Updater {
    return withoutUnsupported
  }
  getPopupMenuHeaderEntries(): Updater {
    return withoutUnsupported
  }
}

/** bpmn-js module: register with `additionalModules`. */
export const enginePaletteModule = {
  __init__: ['enginePalette', 'engineContextPad', 'engineReplaceMenu'],
  enginePalette: ['type', EnginePalette],
  engineContextPad: ['type', EngineContextPad],
  engineReplaceMenu: ['type', EngineReplaceMenu],
}
