import { computed, inject, provide, shallowRef, type InjectionKey } from 'vue'
import type { FieldSchema, FormSchema } from '@hall/form-schema'
import { EditHistory } from './edit-history'
import { PALETTE, type PaletteEntry } from './palette'
import {
  childrenOf,
  copyNode,
  flatten,
  getNode,
  insertionPoint,
  moveNode,
  pasteNode,
  removeNode,
  renameNode,
  updateNode,
  type NodePath,
} from './schema-tree'

/** Drag payload types: a palette entry id, or the JSON path of a canvas node. */
export const DRAG_PALETTE = 'application/x-hall-palette'
export const DRAG_NODE = 'application/x-hall-node'

const samePath = (a: NodePath | undefined, b: NodePath | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((key, i) => key === b[i])

/**
 * The editing state of one form designer: the schema with undo history, the selection and the
 * clipboard, and every edit the canvas, the palette and the property panel make. `onChange`
 * hears each new schema (the designer emits it as `update:modelValue`).
 */
export function createFormDesign(initial: FormSchema, onChange: (schema: FormSchema) => void) {
  const history = new EditHistory(initial)
  const schema = shallowRef(initial)
  const selected = shallowRef<NodePath>()
  const clipboard = shallowRef<{ key: string; node: FieldSchema }>()
  const revision = shallowRef(0)

  const sync = () => {
    schema.value = history.current
    revision.value++
    if (selected.value && !getNode(schema.value, selected.value)) selected.value = undefined
  }
  const commit = (next: FormSchema, select?: NodePath, group?: string) => {
    history.push(next, group)
    sync()
    if (select) selected.value = select
    onChange(next)
  }
  const selectedNode = computed(() => selected.value && getNode(schema.value, selected.value))

  function add(entry: PaletteEntry, title: string, at?: { parent: NodePath; index: number }) {
    const node = { ...entry.schema, ...(entry.schema.type === 'void' ? {} : { title }) }
    const point = at ?? insertionPoint(schema.value, selected.value, node)
    const result = pasteNode(schema.value, point.parent, point.index, entry.name, node)
    commit(result.schema, result.path)
  }

  /** A drop of a palette entry or a canvas node at `index` of the container `parent`. */
  function drop(data: DataTransfer, parent: NodePath, index: number, titleOf: (entry: PaletteEntry) => string) {
    const entry = PALETTE.find((candidate) => candidate.id === data.getData(DRAG_PALETTE))
    if (entry) return add(entry, titleOf(entry), { parent, index })
    const raw = data.getData(DRAG_NODE)
    if (!raw) return
    const moved = moveNode(schema.value, JSON.parse(raw) as NodePath, parent, index)
    if (moved) commit(moved.schema, moved.path)
  }

  function remove(path = selected.value) {
    if (!path || path.length === 0) return
    const order = flatten(schema.value).map((item) => item.path)
    const at = order.findIndex((candidate) => samePath(candidate, path))
    const next = removeNode(schema.value, path)
    // Select the neighbour so Delete can be pressed again.
    const neighbour = order.slice(at + 1).find((candidate) => !samePath(candidate.slice(0, path.length), path))
    commit(next, neighbour && getNode(next, neighbour) ? neighbour : order[at - 1])
  }

  function duplicate(path = selected.value) {
    if (!path || path.length === 0) return
    const result = copyNode(schema.value, path)
    commit(result.schema, result.path)
  }

  function copy() {
    const node = selectedNode.value
    const key = selected.value?.at(-1)
    if (node && key) clipboard.value = { key, node }
  }

  function paste() {
    if (!clipboard.value) return
    const point = insertionPoint(schema.value, selected.value, clipboard.value.node)
    const result = pasteNode(schema.value, point.parent, point.index, clipboard.value.key, clipboard.value.node)
    commit(result.schema, result.path)
  }

  /** Moves the selected node one place up (-1) or down (+1) among its siblings. */
  function shift(direction: -1 | 1) {
    const path = selected.value
    if (!path || path.length === 0) return
    const parentPath = path.slice(0, -1)
    const siblings = childrenOf(getNode(schema.value, parentPath) ?? {})
    const index = siblings.findIndex(([key]) => key === path.at(-1))
    const target = direction === 1 ? index + 2 : index - 1
    if (target < 0 || target > siblings.length) return
    const moved = moveNode(schema.value, path, parentPath, target)
    if (moved) commit(moved.schema, moved.path)
  }

  /** Selects the previous (-1) or next (+1) node in canvas order. */
  function step(direction: -1 | 1) {
    const order = flatten(schema.value).map((item) => item.path)
    const at = order.findIndex((candidate) => samePath(candidate, selected.value))
    const next = order[at === -1 ? 0 : Math.min(Math.max(at + direction, 0), order.length - 1)]
    if (next) selected.value = next
  }

  /** Changes keys of a node; edits of the same keys of the same node in a row undo as one. */
  const patch = (path: NodePath, changes: Record<string, unknown>) =>
    commit(updateNode(schema.value, path, changes), undefined, `${path.join('.')}:${Object.keys(changes).join(',')}`)
  const rename = (path: NodePath, key: string) => commit(renameNode(schema.value, path, key), [...path.slice(0, -1), key])
  const undo = () => onChange((history.undo(), sync(), schema.value))
  const redo = () => onChange((history.redo(), sync(), schema.value))
  /** A schema from outside (the JSON view, the parent's v-model): undoable when `undoable`. */
  function replace(next: FormSchema, undoable: boolean) {
    if (next === schema.value) return
    if (undoable) return commit(next)
    history.reset(next)
    sync()
  }

  return {
    schema,
    selected,
    selectedNode,
    clipboard,
    revision,
    canUndo: computed(() => (revision.value, history.canUndo)),
    canRedo: computed(() => (revision.value, history.canRedo)),
    isSelected: (path: NodePath) => samePath(path, selected.value),
    select: (path: NodePath | undefined) => (selected.value = path),
    add,
    drop,
    remove,
    duplicate,
    copy,
    paste,
    shift,
    step,
    patch,
    rename,
    undo,
    redo,
    replace,
  }
}

export type FormDesign = ReturnType<typeof createFormDesign>
const KEY: InjectionKey<FormDesign> = Symbol('form-design')

/** Makes the design available to the canvas nodes and panels below. */
export const provideFormDesign = (design: FormDesign) => provide(KEY, design)

export function useFormDesign(): FormDesign {
  const design = inject(KEY)
  if (!design) throw new Error('useFormDesign() outside a FormDesigner')
  return design
}
