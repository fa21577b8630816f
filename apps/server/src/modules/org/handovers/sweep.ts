import type { Engine } from '@hall/process-engine'
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import {
  absences,
  cases,
  engineTasks,
  postBHolders,
  posts,
  taskHandovers,
  users,
} from '../../../db/schema'
import { inTransaction } from '../../../engine/drizzle-store'
import { audit } from '../../audit/record'

const OPEN = ['open', 'waiting']
const SYSTEM = { meta: { ip: null, userAgent: 'hall handover' } }

interface Post {
  id: string
  code: string
  deptId: string
  /** A first, then the B holders in order. */
  holders: string[]
}

interface Move {
  direction: 'handover' | 'handback'
  taskId: string
  caseId: string
  unitId: string
  from: string
  to: string
  post: Post
  absenceId: string | null
  /** False when the engine already gave the task to B (a `post:` step created during the absence). */
  reassign: boolean
}

async function postsOf(db: Db, userIds: string[]): Promise<Post[]> {
  if (!userIds.length) return []
  const asB = db
    .select({ id: postBHolders.postId })
    .from(postBHolders)
    .where(inArray(postBHolders.userId, userIds))
  const rows = await db.select().from(posts).where(inArray(posts.id, asB)).orderBy(asc(posts.code))
  const asA = await db
    .select()
    .from(posts)
    .where(inArray(posts.aUserId, userIds))
    .orderBy(asc(posts.code))
  const all = [...new Map([...asA, ...rows].map((row) => [row.id, row])).values()]
  if (!all.length) return []
  const bs = await db
    .select()
    .from(postBHolders)
    .where(
      inArray(
        postBHolders.postId,
        all.map((row) => row.id),
      ),
    )
    .orderBy(asc(postBHolders.rank))
  return all.map((row) => ({
    id: row.id,
    code: row.code,
    deptId: row.deptId,
    holders: [
      ...(row.aUserId ? [row.aUserId] : []),
      ...bs.filter((b) => b.postId === row.id).map((b) => b.userId),
    ],
  }))
}

/** Who stands in for `userId` now: on the first of their posts (by code), the first present other holder. */
function standIn(
  postList: Post[],
  userId: string,
  away: Set<string>,
): { post: Post; to: string } | undefined {
  for (const post of postList) {
    if (!post.holders.includes(userId)) continue
    const to = post.holders.find((holder) => holder !== userId && !away.has(holder))
    if (to) return { post, to }
  }
  return undefined
}

/**
 * The moves due now. Handover: an open task held by someone on an active absence goes to the
 * present B holder of their post; a task a `post:` step gave straight to B while A was away gets its
 * record too, so it comes back. Handback: once the absence is over (or deleted) and A is present,
 * each task still with the stand-in returns to A.
 */
async function dueMoves(db: Db, engine: Engine, now: Date): Promise<Move[]> {
  const active = await db
    .select()
    .from(absences)
    .where(and(lte(absences.startsAt, now), gt(absences.endsAt, now)))
  const away = new Set(active.map((row) => row.userId))
  const absenceOf = new Map(active.map((row) => [row.userId, row]))
  // Only tasks that may move: held by someone away, by a holder of an absent person's post, or handed over before.
  const recorded = await db
    .select({ record: taskHandovers })
    .from(taskHandovers)
    .innerJoin(engineTasks, eq(engineTasks.id, taskHandovers.taskId))
    .where(inArray(engineTasks.status, OPEN))
    .orderBy(asc(taskHandovers.at), asc(taskHandovers.id))
  const lastRecord = new Map(recorded.map(({ record }) => [record.taskId, record]))
  const postList = await postsOf(db, [
    ...new Set([...away, ...recorded.map(({ record }) => record.fromUserId)]),
  ])
  const concerned = [
    ...new Set([
      ...postList.flatMap((post) => post.holders),
      ...recorded.map(({ record }) => record.toUserId),
    ]),
  ]
  const open = concerned.length
    ? await db
        .select({ task: engineTasks, caseId: cases.id, unitId: cases.unitId })
        .from(engineTasks)
        .innerJoin(cases, eq(cases.instanceId, engineTasks.instanceId))
        .where(and(inArray(engineTasks.status, OPEN), inArray(engineTasks.assignee, concerned)))
        .orderBy(asc(engineTasks.createdAt), asc(engineTasks.id))
    : []
  const moves: Move[] = []
  for (const { task, caseId, unitId } of open) {
    const last = lastRecord.get(task.id)
    if (
      last?.direction === 'handover' &&
      task.assignee === last.toUserId &&
      !away.has(last.fromUserId)
    ) {
      const post = postList.find((p) => p.id === last.postId)
      if (post)
        moves.push({
          direction: 'handback',
          taskId: task.id,
          caseId,
          unitId,
          from: last.toUserId,
          to: last.fromUserId,
          post,
          absenceId: last.absenceId,
          reassign: true,
        })
      continue
    }
    if (!task.assignee) continue
    const absence = absenceOf.get(task.assignee)
    if (absence) {
      const found = standIn(
        postList.filter((p) => p.holders.includes(task.assignee!)),
        task.assignee,
        away,
      )
      if (found)
        moves.push({
          direction: 'handover',
          taskId: task.id,
          caseId,
          unitId,
          from: task.assignee,
          to: found.to,
          post: found.post,
          absenceId: absence.id,
          reassign: true,
        })
      continue
    }
    if (last) continue
    const passedOver = await passedOverHolder(engine, task, postList, away, absenceOf)
    if (passedOver)
      moves.push({
        direction: 'handover',
        taskId: task.id,
        caseId,
        unitId,
        from: passedOver.from,
        to: task.assignee,
        post: passedOver.post,
        absenceId: passedOver.absenceId,
        reassign: false,
      })
  }
  return moves
}

/** For a task a `post:` step created during an absence: the absent holder the resolver passed over for its assignee. */
async function passedOverHolder(
  engine: Engine,
  task: typeof engineTasks.$inferSelect,
  postList: Post[],
  away: Set<string>,
  absenceOf: Map<string, typeof absences.$inferSelect>,
): Promise<{ from: string; post: Post; absenceId: string } | undefined> {
  const candidates = postList.filter((post) => {
    const at = post.holders.indexOf(task.assignee!)
    return at > 0 && post.holders.slice(0, at).some((holder) => away.has(holder))
  })
  if (!candidates.length) return undefined
  const element = (await engine.definition(task.definitionId)).elements[task.element]
  const codes = new Set(
    (element?.userTask?.assignees ?? []).flatMap((spec) => (spec.kind === 'post' ? [spec.id] : [])),
  )
  for (const post of candidates) {
    if (!codes.has(post.code)) continue
    const from = post.holders[0]!
    const absence = absenceOf.get(from)
    if (absence && task.createdAt >= absence.startsAt) return { from, post, absenceId: absence.id }
  }
  return undefined
}

/**
 * AB岗 handover (DOMAIN.md §1): applies every due move, each in its own transaction with the
 * engine's reassignment, the handover record and the audit entry. Run by the server's worker and
 * right after an absence is recorded or deleted; running it twice moves nothing twice.
 * Returns how many tasks moved.
 */
export async function handOverTasks(db: Db, engine: Engine, now: Date): Promise<number> {
  let moved = 0
  for (const move of await dueMoves(db, engine, now)) {
    const done = await inTransaction(db, async (tx) => {
      const [task] = await tx
        .select({ assignee: engineTasks.assignee, status: engineTasks.status })
        .from(engineTasks)
        .where(eq(engineTasks.id, move.taskId))
      const holder = move.reassign ? move.from : move.to
      if (!task || !OPEN.includes(task.status) || task.assignee !== holder) return false
      if (move.reassign) {
        const [from] = await tx
          .select({ name: users.displayName })
          .from(users)
          .where(eq(users.id, move.from))
        const reason =
          move.direction === 'handover'
            ? `AB岗顶岗：${from?.name ?? move.from}离岗`
            : `AB岗交回：离岗结束`
        await engine.reassign(move.taskId, { by: move.from, to: move.to, reason })
      }
      const id = newId()
      await tx.insert(taskHandovers).values({
        id,
        unitId: move.unitId,
        absenceId: move.absenceId,
        taskId: move.taskId,
        caseId: move.caseId,
        deptId: move.post.deptId,
        postId: move.post.id,
        direction: move.direction,
        fromUserId: move.from,
        toUserId: move.to,
        at: now,
      })
      await audit(tx, SYSTEM, {
        action: move.direction === 'handover' ? 'task.handed_over' : 'task.handed_back',
        objectType: 'task',
        objectId: move.taskId,
        unitId: move.unitId,
        detail: {
          handoverId: id,
          caseId: move.caseId,
          from: move.from,
          to: move.to,
          absenceId: move.absenceId,
        },
      })
      return true
    })
    if (done) moved++
  }
  return moved
}
