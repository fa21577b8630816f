import { z } from '@hono/zod-openapi'
import { ITEM_STATUSES } from '../../db/schema'
import { Id, Name, UnitQuery } from '../org/schemas'
import { guideSchema } from '@hall/guide'
import { PUBLISH_PARTS } from './publish-problem'

/** Item codes become BPMN process ids, so they start with a letter. */
export const ItemCode = z
  .string()
  .trim()
  .min(1, '请输入事项编码')
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, '事项编码须以字母开头，只能包含字母、数字、点、下划线和连字符')

/** A BPMN document as the designer sends it; bigger drafts than this are not drawn by hand. */
export const BpmnText = z.string().max(5 * 1024 * 1024, 'BPMN 文档超过 5 MB 上限')

export const Item = z
  .object({
    id: z.string(),
    unitId: z.string(),
    deptId: z.string(),
    deptName: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(ITEM_STATUSES),
    latestVersion: z.number().int().nullable(),
    createdAt: z.date(),
  })
  .openapi('Item')

export const Draft = z
  .object({
    guide: z.record(z.string(), z.unknown()),
    form: z.record(z.string(), z.unknown()),
    bpmn: z.string(),
    revision: z.number().int(),
    updatedAt: z.date(),
    updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('ItemDraft')

export const ItemWithDraft = z.object({ item: Item, draft: Draft }).openapi('ItemWithDraft')

export const ItemCreate = z.strictObject({ code: ItemCode, name: Name, deptId: Id })

export const ItemListQuery = UnitQuery.extend({
  deptId: Id.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  q: z.string().trim().max(100).optional().openapi({ description: 'Matches code or name' }),
})

export const DraftSave = z.strictObject({
  guide: guideSchema,
  form: z.unknown(),
  bpmn: BpmnText,
  revision: z.number().int().min(1).openapi({ description: 'The revision the client edited' }),
})

export const Problem = z
  .object({
    part: z.enum(PUBLISH_PARTS),
    severity: z.enum(['error', 'warning']),
    path: z.string().optional(),
    elementId: z.string().optional(),
    message: z.string(),
  })
  .openapi('PublishProblem')

export const PublishInput = z.strictObject({
  revision: z.number().int().min(1).optional().openapi({ description: 'When given, publish only if the draft is still at it' }),
  note: z.string().trim().max(1000).optional(),
})

export const VersionSummary = z
  .object({
    version: z.number().int(),
    definitionId: z.string(),
    republishedFrom: z.number().int().nullable(),
    note: z.string().nullable(),
    publishedAt: z.date(),
    publishedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('ItemVersionSummary')

export const Version = VersionSummary.extend({
  guide: z.record(z.string(), z.unknown()),
  form: z.record(z.string(), z.unknown()),
  bpmn: z.string(),
}).openapi('ItemVersion')

export const Published = z.object({ version: VersionSummary, warnings: z.array(Problem) }).openapi('ItemPublished')

export const ErrorHead = z.object({ code: z.string(), message: z.string() })

export const DraftConflictBody = z
  .object({ error: ErrorHead, current: Draft })
  .openapi('DraftConflict', { description: 'The draft as someone else saved it, to keep mine, take theirs or compare' })

export const PublishInvalidBody = z.object({ error: ErrorHead, problems: z.array(Problem) }).openapi('PublishInvalid')

export const VersionParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce.number().int().min(1).openapi({ param: { name: 'version', in: 'path' } }),
})

export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1).openapi({ description: 'Older version' }),
  to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]).openapi({ description: 'Newer version, or `draft`' }),
})

export const Change = z.object({ key: z.string(), label: z.string(), old: z.string().optional(), new: z.string().optional() })

export const ItemDiff = z
  .object({
    from: z.string(),
    to: z.string(),
    guide: z.array(z.object({ field: z.string(), label: z.string(), change: z.enum(['added', 'removed', 'changed']), old: z.string().optional(), new: z.string().optional() })),
    form: z.array(z.object({ path: z.string(), label: z.string(), change: z.enum(['added', 'removed', 'changed']), properties: z.array(Change) })),
    process: z.array(
      z.object({ id: z.string(), name: z.string().optional(), type: z.string(), change: z.enum(['added', 'removed', 'changed']), attributes: z.array(Change) }),
    ),
  })
  .openapi('ItemDiff')

export const CatalogEntry = z
  .object({ itemId: z.string(), code: z.string(), name: z.string(), deptId: z.string(), deptName: z.string(), version: z.number().int(), definitionId: z.string(), guide: z.record(z.string(), z.unknown()) })
  .openapi('PublishedItem')
