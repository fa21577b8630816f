import { EngineError, ErrorCode } from '@hall/process-engine'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../../http/errors'

/** How each engine refusal reaches the client: a status, the engine's code, and a zh-CN message. */
const REFUSALS: Partial<Record<string, [ContentfulStatusCode, string]>> = {
  [ErrorCode.TASK_NOT_ASSIGNED]: [403, '这项任务不在您名下，不能办理'],
  [ErrorCode.TASK_NOT_OPEN]: [409, '这项任务已经办理或正在等待加签人，不能再办理'],
  [ErrorCode.INSTANCE_NOT_ACTIVE]: [409, '办件流程已经结束'],
  [ErrorCode.INVALID_RETURN_TARGET]: [400, '只能退回到本办件已经办理过的环节'],
  [ErrorCode.WITHDRAW_NOT_ALLOWED]: [409, '下一环节已经开始办理，不能撤回'],
  [ErrorCode.CLOCK_STATE]: [409, '办件计时状态不允许此操作'],
  [ErrorCode.EXTENSION_LIMIT]: [409, '延期天数已达上限'],
  [ErrorCode.INVALID_ARGUMENT]: [400, '该环节不能这样办理'],
  [ErrorCode.VERSION_CONFLICT]: [409, '办件刚被他人更新，请刷新后重试'],
}

/** Maps an engine refusal to an ApiError; anything else (a real fault) passes through unchanged. */
export function engineFailure(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error
  const refusal = REFUSALS[error.code]
  return refusal ? new ApiError(refusal[0], error.code, refusal[1]) : error
}
