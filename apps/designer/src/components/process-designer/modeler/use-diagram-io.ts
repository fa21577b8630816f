/**
 * Import and export of diagram files. An imported file is checked by the engine first: a
 * document the engine cannot even read (malformed, hostile, too large) is refused with the
 * reason and the current diagram stays; element-level problems are imported and listed.
 */
import type { Ref } from 'vue'
import { engineProblems } from '../problems/use-problems'
import type { Canvas } from './bpmn-services'
import { download, svgToPng } from './file-export'
import type { ModelerHandle } from './use-modeler'

/** Files larger than this are refused before reading (the server's pre-scan allows 20 MB). */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export type ImportResult = { ok: true } | { ok: false; reason: string }

export function useDiagramIo(modeler: Ref<ModelerHandle | undefined>, name: () => string) {
  async function importFile(file: File): Promise<ImportResult> {
    if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }
    const text = await file.text()
    let problems
    try {
      problems = await engineProblems(text)
    } catch {
      return { ok: false, reason: '无法连接服务器检查文件，请稍后再试' }
    }
    const unreadable = problems.filter((p) => !p.elementId)
    if (unreadable.length && problems.every((p) => !p.elementId)) return { ok: false, reason: unreadable.map((p) => p.message).join('；') }
    const instance = modeler.value!
    const { xml: previous } = await instance.saveXML()
    try {
      await instance.importXML(text)
      instance.get<Canvas>('canvas').zoom('fit-viewport', 'auto')
      return { ok: true }
    } catch (error) {
      if (previous) await instance.importXML(previous)
      return { ok: false, reason: (error as Error).message }
    }
  }

  async function exportAs(kind: 'bpmn' | 'svg' | 'png'): Promise<void> {
    const instance = modeler.value!
    if (kind === 'bpmn') {
      const { xml = '' } = await instance.saveXML({ format: true })
      download(`${name()}.bpmn`, new Blob([xml], { type: 'application/xml' }))
      return
    }
    const { svg } = await instance.saveSVG()
    download(`${name()}.${kind}`, kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg))
  }

  return { importFile, exportAs }
}
