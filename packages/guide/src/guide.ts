import { z } from 'zod'

/**
 * The service guide (办事指南) of an item: the "八公开" of DOMAIN.md §2 ([002], [003] 六公开).
 * The designer's guide editor writes it, the hall shows it, and the materials checklist drives
 * acceptance, supplement notices and returns. A draft may be incomplete; `guideProblems` says
 * what publishing still needs, and the designer shows the same problems while one types (a draft
 * may hold blank lines and names the schema would refuse at publishing).
 */

export const ITEM_TYPES = ['instant', 'promised', 'joint', 'escalated', 'special', 'agency'] as const
export const LIMIT_UNITS = ['wd', 'd', 'h'] as const
export const MATERIAL_FORMS = ['original', 'copy', 'both', 'electronic'] as const
export const RESULT_KINDS = ['licence', 'certificate', 'reply', 'record', 'other'] as const
export const AUDIENCES = ['citizen', 'enterprise', 'student', 'staff'] as const

/** A time limit such as 5 working days; `wd` counts the Chinese working calendar. */
export const timeLimitSchema = z.strictObject({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(LIMIT_UNITS),
})
export type TimeLimit = z.infer<typeof timeLimitSchema>

/** One entry of the materials checklist (申报材料). `id` is stable across versions: forms and notices refer to it. */
export const materialSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][\w-]{0,63}$/, '材料编号须以字母开头，只含字母、数字、-、_'),
  name: z.string().min(1).max(200),
  copies: z.number().int().min(1).max(99).default(1),
  form: z.enum(MATERIAL_FORMS).default('original'),
  /** 主件 (true) or 辅件. A missing main material means the case is returned, not supplemented. */
  main: z.boolean().default(true),
  /** 容缺: may be missing at acceptance and supplied later by a promised date. */
  mayBeMissing: z.boolean().default(false),
  /** Collected on paper at the window, deliberately not uploaded in the form (publish accepts no upload field for it). */
  offline: z.boolean().default(false),
  /** An uploaded sample or blank template (a file id of the files module). */
  sampleFileId: z.string().max(64).optional(),
  note: z.string().max(1000).optional(),
})
export type Material = z.infer<typeof materialSchema>

export const feeSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Yuan; 0 for an explicitly free item. */
  amount: z.number().min(0).max(1e9),
  basis: z.string().max(1000).optional(),
})

export const appointmentSchema = z.strictObject({
  enabled: z.boolean(),
  slotMinutes: z.number().int().min(5).max(480).default(30),
  capacityPerSlot: z.number().int().min(1).max(1000).default(1),
  /** Slots may also be offered outside office hours (延时/预约服务). */
  outsideOfficeHours: z.boolean().default(false),
  /** How many working days ahead one may book. */
  daysAhead: z.number().int().min(1).max(60).default(10),
})

export const guideSchema = z.strictObject({
  /** Short summary shown in the catalog. */
  summary: z.string().max(2000).default(''),
  itemType: z.enum(ITEM_TYPES).default('promised'),
  themes: z.array(z.string().min(1).max(40)).max(20).default([]),
  audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).default([]),
  /** 设立依据 / 办理依据: one law, regulation or document per line. */
  legalBasis: z.array(z.string().min(1).max(1000)).max(50).default([]),
  /** 受理条件. */
  conditions: z.string().max(10_000).default(''),
  materials: z.array(materialSchema).max(200).default([]),
  /** 办理流程 as the applicant reads it; the BPMN is the machine's version. */
  procedure: z.string().max(10_000).default(''),
  promisedLimit: timeLimitSchema.optional(),
  legalLimit: timeLimitSchema.optional(),
  fees: z.array(feeSchema).max(50).default([]),
  /** 收费依据 when fees apply, or why the item is free. */
  feeNote: z.string().max(2000).default(''),
  result: z
    .strictObject({ kind: z.enum(RESULT_KINDS), name: z.string().max(200), delivery: z.string().max(1000).default('') })
    .optional(),
  contact: z
    .strictObject({
      phone: z.string().max(40).default(''),
      complaintPhone: z.string().max(40).default(''),
      address: z.string().max(500).default(''),
      hours: z.string().max(200).default(''),
    })
    .default({ phone: '', complaintPhone: '', address: '', hours: '' }),
  /** 最多跑几次: visits the applicant needs at most (0 = 零跑腿, fully online). */
  maxVisits: z.number().int().min(0).max(10).default(1),
  onlineApply: z.boolean().default(true),
  appointment: appointmentSchema.optional(),
})

/** A guide as stored: every default filled in. */
export type Guide = z.infer<typeof guideSchema>
/** A guide as a client may send it: defaults may be left out. */
export type GuideInput = z.input<typeof guideSchema>

/** An empty guide for a new item's first draft. */
export const emptyGuide = (): Guide => guideSchema.parse({})

/** A publish problem of the guide, named by its field path so the editor can mark it. */
export interface GuideProblem {
  field: string
  severity: 'error' | 'warning'
  message: string
}

/** Limits compared in one unit: working days and days count alike, hours as an eighth of a day. */
const inDays = (limit: TimeLimit) => (limit.unit === 'h' ? limit.value / 8 : limit.value)

/**
 * What the guide still lacks for publishing (errors) and what is lawful but doubtful (warnings):
 * the "八公开" fields must be filled; the promised limit should be at least a third shorter than
 * the legal one ([000]); fees need their basis.
 */
export function guideProblems(guide: Guide): GuideProblem[] {
  const problems: GuideProblem[] = []
  const error = (field: string, message: string) => problems.push({ field, severity: 'error', message })
  const warn = (field: string, message: string) => problems.push({ field, severity: 'warning', message })

  if (guide.legalBasis.every((line) => !line.trim())) error('legalBasis', '请填写设立依据或办理依据')
  if (!guide.conditions.trim()) error('conditions', '请填写受理条件')
  if (!guide.procedure.trim()) error('procedure', '请填写办理流程')
  if (guide.materials.length === 0) warn('materials', '材料清单为空：确认本事项无需申报材料')
  if (!guide.result?.name.trim()) error('result', '请填写办理结果')
  if (!guide.contact.phone.trim()) error('contact.phone', '请填写咨询电话')
  if (!guide.contact.complaintPhone.trim()) error('contact.complaintPhone', '请填写监督投诉电话')
  if (guide.fees.length > 0 && !guide.feeNote.trim()) error('feeNote', '收费事项须写明收费依据')

  const ids = new Set<string>()
  guide.materials.forEach((material, index) => {
    if (!material.name.trim()) error(`materials.${index}.name`, '请填写材料名称')
    if (ids.has(material.id)) error(`materials.${index}.id`, `材料编号 ${material.id} 重复`)
    ids.add(material.id)
    if (material.main && material.mayBeMissing) {
      warn(`materials.${index}.mayBeMissing`, `「${material.name}」是主件：主件缺失应退回，通常不容缺`)
    }
  })

  if (guide.itemType !== 'instant') {
    if (!guide.promisedLimit) error('promisedLimit', '请填写承诺时限')
    if (!guide.legalLimit) error('legalLimit', '请填写法定时限')
  }
  if (guide.promisedLimit && guide.legalLimit) {
    const promised = inDays(guide.promisedLimit)
    const legal = inDays(guide.legalLimit)
    if (promised > legal) error('promisedLimit', '承诺时限不能长于法定时限')
    else if (promised > (legal * 2) / 3) warn('promisedLimit', '承诺时限应比法定时限至少缩短三分之一')
  }
  if (guide.appointment?.enabled && guide.itemType === 'instant' && guide.appointment.slotMinutes > 60) {
    warn('appointment.slotMinutes', '即办件的预约时段通常不超过 60 分钟')
  }
  return problems
}
