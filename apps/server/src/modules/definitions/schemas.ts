import { z } from '@hono/zod-openapi'

const Id = z.string().min(1).max(128)
const Variables = z.record(z.string().max(128), z.unknown())
const IsoInstant = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), '应为 ISO 日期时间，如 2026-09-29T10:00:00+08:00')

/** The BPMN document; the global body limit bounds it, the engine's pre-scan checks the rest. */
export const Bpmn = z.string().min(1, '请提供 BPMN XML')

/** A test-run step, as the engine's scenario format (README "Simulation"). */
const Step = z.union([
  z.strictObject({ complete: Id, by: Id.optional(), outcome: z.enum(['agree', 'disagree']).optional(), comment: z.string().max(500).optional(), variables: Variables.optional() }),
  z.strictObject({ return: Id, to: Id, by: Id.optional(), comment: z.string().max(500).optional() }),
  z.strictObject({ reject: Id, by: Id.optional(), comment: z.string().max(500).optional() }),
  z.strictObject({ advance: z.string().max(40) }),
  z.strictObject({ until: IsoInstant }),
  z.strictObject({ correlate: Id, variables: Variables.optional() }),
  z.strictObject({ suspend: z.string().max(200), by: Id.optional() }),
  z.strictObject({ resume: z.literal(true), by: Id.optional() }),
  z.strictObject({ extend: z.number().int().min(1).max(30), reason: z.string().min(1).max(200), by: Id.optional() }),
  z.strictObject({
    expect: z.strictObject({
      waiting: z.array(Id).max(100).optional(),
      status: z.enum(['active', 'completed', 'terminated']).optional(),
      outcome: z.string().max(64).optional(),
      variables: Variables.optional(),
    }),
  }),
])

export const Scenario = z.strictObject({
  start: z.strictObject({ at: IsoInstant, initiator: Id, variables: Variables.optional(), businessKey: z.string().max(128).optional() }),
  // A test run is a handful of decisions; the cap keeps one request's work bounded.
  steps: z.array(Step).max(200),
})

export const OrgFixture = z.strictObject({
  users: z.array(z.strictObject({ id: Id, dept: z.string().max(128), posts: z.array(Id).max(50).optional(), roles: z.array(Id).max(50).optional() })).max(5000),
  depts: z.array(z.strictObject({ id: Id, parent: Id.nullable().optional(), head: Id.nullable().optional() })).max(2000),
  posts: z.array(z.strictObject({ id: Id, a: Id, b: z.array(Id).max(20).optional() })).max(2000).optional(),
  absent: z.array(z.strictObject({ user: Id, from: IsoInstant, to: IsoInstant })).max(5000).optional(),
})

export const Problem = z.object({
  elementId: z.string().optional(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
})

export const TraceLine = z.object({
  type: z.string(),
  at: z.string(),
  element: z.string().optional(),
  assignees: z.array(z.string()).optional(),
  due: z.string().optional(),
  by: z.string().optional(),
  outcome: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  step: z.number().optional(),
  ok: z.boolean().optional(),
})
