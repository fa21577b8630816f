// bpmnlint ships CommonJS without declarations for its entry, rules and configs.
declare module 'bpmnlint' {
  import type { Config, Resolver } from 'bpmnlint/lib/types'

  /** One finding; `category` is the configured level, or `rule-error` when a rule threw. */
  export interface LintReport {
    id?: string
    message: string
    category: 'error' | 'warn' | 'info' | 'rule-error'
  }
  export class Linter {
    constructor(options: { config?: Config; resolver: Resolver })
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>
  }
}
declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint/lib/types'

  const rule: RuleFactory
  export default rule
}
declare module 'bpmnlint/config/recommended' {
  import type { Config } from 'bpmnlint/lib/types'

  const config: Config
  export default config
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  import type { Resolver } from 'bpmnlint/lib/types'

  /** Resolves `rule:<pkg>/<name>` and `config:<pkg>/<name>` keys from the given object. */
  export default class StaticResolver implements Resolver {
    constructor(cache: Record<string, unknown>)
    resolveRule: Resolver['resolveRule']
    resolveConfig: Resolver['resolveConfig']
  }
}
