import { z } from '@hono/zod-openapi'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { taskSignatures } from '../../db/schema'
import { FILE_TYPES, sniffType } from '../files/sniff'

/** Largest signature image kept: a pad drawing is a few KB; anything near this is not a signature. */
export const SIGNATURE_MAX_BYTES = 200 * 1024
const PREFIX = 'data:image/png;base64,'

/**
 * A handwritten signature as the pad sends it: a PNG data URL. Decoded to its bytes here, so a
 * route only ever sees a checked PNG (by its magic bytes, not the claimed type) of ≤ 200 KB.
 */
export const SignatureInput = z
  .string()
  .max(PREFIX.length + Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 4, '签名图片不能超过 200 KB')
  .transform((value, ctx) => {
    const base64 = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null
    const bytes =
      base64 !== null && /^[A-Za-z0-9+/]*={0,2}$/.test(base64)
        ? new Uint8Array(Buffer.from(base64, 'base64'))
        : null
    if (!bytes || sniffType(bytes) !== FILE_TYPES.png) {
      ctx.addIssue({ code: 'custom', message: '签名须是 PNG 图片（data:image/png;base64,…）' })
      return z.NEVER
    }
    if (bytes.length > SIGNATURE_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', message: '签名图片不能超过 200 KB' })
      return z.NEVER
    }
    return bytes
  })
  .openapi({ type: 'string', description: 'Handwritten signature: a PNG data URL, at most 200 KB' })

/** Keeps the signature of a task being completed, inside the command's transaction. */
export async function keepSignature(
  tx: Db,
  input: { taskId: string; caseId: string; signerId: string; png: Uint8Array; at: Date },
) {
  await tx
    .insert(taskSignatures)
    .values({
      taskId: input.taskId,
      caseId: input.caseId,
      signerId: input.signerId,
      png: input.png,
      createdAt: input.at,
    })
}

/** The signatures of these tasks as data URLs the timeline carries (only to who may see the case). */
export async function signaturesOf(db: Db, taskIds: string[]): Promise<Map<string, string>> {
  if (!taskIds.length) return new Map()
  const rows = await db
    .select({ taskId: taskSignatures.taskId, png: taskSignatures.png })
    .from(taskSignatures)
    .where(inArray(taskSignatures.taskId, taskIds))
  return new Map(rows.map((row) => [row.taskId, PREFIX + Buffer.from(row.png).toString('base64')]))
}
