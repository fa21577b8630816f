/**
 * The few bpmn-js / diagram-js services the designer calls, typed by what we use
 * (their own typings stop at `get<T>(name)`).
 */
export interface Shape {
  id: string
  type: string
  businessObject: BusinessObject
  incoming?: Shape[]
  outgoing?: Shape[]
  source?: Shape
  target?: Shape
  waypoints?: unknown[]
  host?: Shape
}

/** A moddle element: typed properties plus generic `get`/`set` for `hall:` attributes. */
export interface BusinessObject {
  id: string
  $type: string
  name?: string
  $parent?: BusinessObject
  $attrs?: Record<string, string>
  default?: BusinessObject
  sourceRef?: BusinessObject
  targetRef?: BusinessObject
  conditionExpression?: BusinessObject & { body?: string }
  extensionElements?: BusinessObject & { values?: BusinessObject[] }
  flowElements?: BusinessObject[]
  rootElements?: BusinessObject[]
  get(name: string): unknown
  set(name: string, value: unknown): void
}

export interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void
  updateModdleProperties(element: Shape, target: BusinessObject, properties: Record<string, unknown>): void
}
export interface ElementRegistry {
  get(id: string): Shape | undefined
  getAll(): Shape[]
  filter(fn: (element: Shape) => boolean): Shape[]
}
export interface Moddle {
  create(type: string, properties?: Record<string, unknown>): BusinessObject
}
export interface Canvas {
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number
  addMarker(element: Shape | string, marker: string): void
  removeMarker(element: Shape | string, marker: string): void
  scrollToElement(element: Shape | string): void
  getRootElement(): Shape
  getContainer(): HTMLElement
}
export interface Selection {
  select(element: Shape | Shape[] | null): void
  get(): Shape[]
}
export interface CommandStack {
  undo(): void
  redo(): void
  canUndo(): boolean
  canRedo(): boolean
}
export interface EventBus {
  on(event: string, callback: (event: Record<string, unknown>) => void): void
  on(event: string, priority: number, callback: (event: Record<string, unknown>) => void): void
}
