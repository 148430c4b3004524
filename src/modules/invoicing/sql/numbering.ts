import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

export type SeriesCode = "invoice" | "credit_note" | "packing_slip"

/**
 * Takes the next `count` numbers of a series. The counter row stays locked until the
 * calling transaction ends, so numbers are given out in commit order and a rollback
 * returns them: gapless, never a sequence or MAX+1.
 */
export async function takeNumbers(manager: SqlEntityManager, code: SeriesCode, count = 1): Promise<string[]> {
  const [row] = await manager.execute<{ prefix: string; padding: number; first: number }[]>(
    `update "invoicing_number_series" set "next_value" = "next_value" + ?, "updated_at" = now()
       where "code" = ? and "deleted_at" is null
       returning "prefix", "padding", "next_value" - ? as "first"`,
    [count, code, count]
  )
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Number series "${code}" does not exist`)
  }
  return Array.from({ length: count }, (_, i) => `${row.prefix}${String(row.first + i).padStart(row.padding, "0")}`)
}
