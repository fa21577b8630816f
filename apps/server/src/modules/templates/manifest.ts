import { z } from '@hono/zod-openapi'

/**
 * The manifest (`template.json`) of an item template: what it is, which regulation it follows and
 * what a unit must map before installing it (posts by code, code tables). The process, form, guide,
 * scenario and sample org sit beside it under fixed names.
 */
export const TEMPLATE_FORMAT = 1

export const TEMPLATE_FILES = {
  process: 'process.bpmn',
  form: 'form.json',
  guide: 'guide.json',
  scenario: 'scenario.json',
  org: 'org.json',
} as const

export const templateManifestSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, '模板编号只含小写字母、数字和 -'),
  name: z.string().min(1).max(100),
  summary: z.string().min(1).max(1000),
  /** Which kind of unit it is written for; `any` installs everywhere. */
  audience: z.enum(['county', 'university', 'any']),
  /** Regulations it follows, e.g. "004 苍南县行政服务中心考核办法 第十条". */
  basis: z.array(z.string().min(1).max(300)).min(1),
  requires: z.strictObject({
    /** Posts the process names by `post:<code>`: the installing unit maps each to one of its own. */
    posts: z.array(z.strictObject({ code: z.string().min(1).max(64), name: z.string().min(1).max(100) })),
    /** Code tables the form's `x-dictionary` fields draw options from. */
    dictionaries: z.array(z.string().min(1).max(64)),
  }),
})
export type TemplateManifest = z.infer<typeof templateManifestSchema>
