// bpmn-moddle 10 ships no type entry for its root export; this is the slice we use.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string
    $attrs?: Record<string, string>
    id?: string
    [key: string]: unknown
  }
  export interface ParseWarning {
    message: string
    element?: { id?: string; $type?: string }
    property?: string
    value?: unknown
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>)
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleElement; warnings: ParseWarning[] }>
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>
  }
}
