import type { Db } from '../../../db/client'
import type { RowError } from './parse'

/** A checked import: its errors, its counts, and the writes to make if there are no errors. */
export interface ImportPlan {
  errors: RowError[]
  rows: number
  created: number
  updated: number
  apply(tx: Db): Promise<void>
}
