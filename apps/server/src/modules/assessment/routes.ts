import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ASSESSMENT_SUBJECTS } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { notFound } from '../../http/errors'
import { commonErrors, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import type { Caller } from '../cases/service'
import { oversightScope } from '../supervision/access'
import { MONTH_PATTERN } from './period'
import { DEFAULT_RULES, RULE_CODES, rulesOf, type RuleCode } from './rules'
import { SOURCE_TYPES, TIERS } from './score'
import { addEntry, monthScores, quarterCandidates, updateRule, visibleScores } from './service'

const Month = z.string().regex(MONTH_PATTERN, '月份格式应为 YYYY-MM')
const Line = z.object({
  rule: z.string(),
  points: z.number(),
  reason: z.string(),
  at: z.string(),
  source: z
    .object({
      type: z.enum(SOURCE_TYPES),
      id: z.string(),
    })
    .openapi({
      description:
        'The history event (task.overdue, process.ended), breach, upheld complaint, evaluations or manual entry behind the line',
    }),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
})
const Score = z
  .object({
    type: z.enum(ASSESSMENT_SUBJECTS),
    id: z.string(),
    name: z.string(),
    windowId: z.string(),
    score: z.number(),
    deductions: z.number(),
    bonus: z.number(),
    rank: z.number(),
    tier: z.enum(TIERS),
    lineCount: z.number(),
  })
  .openapi('AssessmentScore')
const RuleBody = z.strictObject({
  points: z.number().min(-100).max(100),
  cap: z.number().min(0).max(100).nullable(),
  threshold: z.number().min(0).max(100).nullable(),
  enabled: z.boolean(),
})
const RuleOut = RuleBody.extend({
  code: z.enum(RULE_CODES as [RuleCode, ...RuleCode[]]),
  changed: z.boolean(),
  default: RuleBody,
})
const Candidate = z.object({
  id: z.string(),
  name: z.string(),
  windowId: z.string(),
  average: z.number(),
  negative: z.boolean(),
})

const scores = createRoute({
  method: 'get',
  path: '/scores',
  tags: ['assessment'],
  summary: 'Monthly scores of staff and windows, ranked with 70/20/10 tiers',
  request: { query: z.object({ month: Month }) },
  responses: {
    200: jsonResponse(
      z.object({ month: z.string(), staff: z.array(Score), windows: z.array(Score) }),
      'Best first',
    ),
    ...commonErrors,
  },
})
const lines = createRoute({
  method: 'get',
  path: '/scores/{type}/{id}',
  tags: ['assessment'],
  summary: 'Every line of one score, each naming the event or entry that caused it',
  request: {
    params: z.object({ type: z.enum(ASSESSMENT_SUBJECTS), id: z.string().min(1).max(64) }),
    query: z.object({ month: Month }),
  },
  responses: {
    200: jsonResponse(Score.extend({ lines: z.array(Line) }), 'The score and its lines'),
    ...commonErrors,
  },
})
const quarter = createRoute({
  method: 'get',
  path: '/quarters/{year}/{quarter}',
  tags: ['assessment'],
  summary: 'Quarterly star-staff and leading-window candidates, negative list applied',
  request: {
    params: z.object({
      year: z.coerce.number().int().min(2000).max(2100),
      quarter: z.coerce.number().int().min(1).max(4),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        year: z.number(),
        quarter: z.number(),
        starThreshold: z.number(),
        stars: z.array(Candidate),
        leadingWindows: z.array(Candidate),
        negativeList: z.array(Candidate),
      }),
      'Candidates',
    ),
    ...commonErrors,
  },
})
const addManual = createRoute({
  method: 'post',
  path: '/entries',
  tags: ['assessment'],
  summary: 'A manual deduction (< 0) or bonus (> 0) by the supervision office, with its reason',
  request: jsonBody(
    z.strictObject({
      month: Month,
      subjectType: z.enum(ASSESSMENT_SUBJECTS),
      subjectId: z.string().min(1).max(64),
      points: z
        .number()
        .min(-100)
        .max(100)
        .refine((n) => n !== 0, '分值不能为 0'),
      reason: z.string().trim().min(2, '请写明加减分理由').max(500),
      negative: z.boolean().default(false),
    }),
  ),
  responses: { 201: jsonResponse(z.object({ id: z.string() }), 'Recorded'), ...commonErrors },
})
const listRules = createRoute({
  method: 'get',
  path: '/rules',
  tags: ['assessment'],
  summary: 'My unit’s assessment rule table (defaults from DOMAIN.md §5 where unchanged)',
  responses: {
    200: jsonResponse(z.object({ items: z.array(RuleOut) }), 'Every rule'),
    ...commonErrors,
  },
})
const putRule = createRoute({
  method: 'put',
  path: '/rules/{code}',
  tags: ['assessment'],
  summary: 'Change one rule of my unit',
  request: {
    params: z.object({ code: z.enum(RULE_CODES as [RuleCode, ...RuleCode[]]) }),
    ...jsonBody(RuleBody),
  },
  responses: { 200: jsonResponse(RuleOut, 'The rule now'), ...commonErrors },
})

const caller = (c: Context<AppEnv>): Caller => ({
  deps: c.get('deps'),
  actor: requireActor(c),
  meta: c.get('meta'),
})
const summary = <T extends { lines: unknown[] }>({ lines, ...rest }: T) => ({
  ...rest,
  lineCount: lines.length,
})

async function ruleTable(c: Context<AppEnv>) {
  const rules = await rulesOf(c.get('deps').database.db, requireActor(c).unitId)
  return RULE_CODES.map((code) => ({
    code,
    ...rules[code],
    changed: rules.changed.has(code),
    default: { ...DEFAULT_RULES[code] },
  }))
}

/** /api/assessment: monthly staff and window scores (考评), their lines, quarterly awards, rules and manual entries. */
export const assessmentRoutes = createRouter()
  .openapi(scores, async (c) => {
    const { db } = c.get('deps').database
    const scope = await oversightScope(db, requireActor(c))
    const month = await monthScores(db, scope.unitId, c.req.valid('query').month)
    return c.json(
      {
        month: month.month,
        staff: visibleScores(scope, month.staff).map(summary),
        windows: visibleScores(scope, month.windows).map(summary),
      },
      200,
    )
  })
  .openapi(lines, async (c) => {
    const { db } = c.get('deps').database
    const scope = await oversightScope(db, requireActor(c))
    const { type, id } = c.req.valid('param')
    const month = await monthScores(db, scope.unitId, c.req.valid('query').month)
    const found = visibleScores(scope, type === 'staff' ? month.staff : month.windows).find(
      (s) => s.id === id,
    )
    if (!found) throw notFound(type === 'staff' ? '考评对象' : '窗口', id)
    return c.json({ ...found, lineCount: found.lines.length }, 200)
  })
  .openapi(quarter, async (c) => {
    const { db } = c.get('deps').database
    const scope = await oversightScope(db, requireActor(c))
    const { year, quarter: q } = c.req.valid('param')
    const found = await quarterCandidates(db, scope.unitId, year, q)
    return c.json(
      {
        ...found,
        stars: visibleScores(scope, found.stars),
        leadingWindows: visibleScores(scope, found.leadingWindows),
        negativeList: visibleScores(scope, found.negativeList),
      },
      200,
    )
  })
  .openapi(addManual, async (c) =>
    c.json({ id: (await addEntry(caller(c), c.req.valid('json'))).id }, 201),
  )
  .openapi(listRules, async (c) => {
    await oversightScope(c.get('deps').database.db, requireActor(c))
    return c.json({ items: await ruleTable(c) }, 200)
  })
  .openapi(putRule, async (c) => {
    const { code } = c.req.valid('param')
    await updateRule(caller(c), code, c.req.valid('json'))
    return c.json(
      (await ruleTable(c)).find((r) => r.code === code)!,
      200,
    )
  })
