import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newId } from "./ids"
import type { PackingSlipDraft } from "../types"
import { takeNumbers } from "./numbering"
import { anyOfJsonIds, insertRows, runBound } from "./rows"

/**
 * Numbers the shipped fulfillments that have no packing slip yet, in ship order. The
 * series row is locked first, so concurrent callers for the same fulfillment wait and
 * then find it numbered: no duplicate, no skipped number.
 */
export async function createPackingSlips(manager: SqlEntityManager, drafts: PackingSlipDraft[]): Promise<number> {
  if (!drafts.length) {
    return 0
  }
  await manager.execute(`select 1 from "invoicing_number_series" where "code" = 'packing_slip' for update`)
  const numbered = new Set(await numberedFulfillments(manager, drafts.map((d) => d.fulfillment_id)))
  const fresh = [...new Map(drafts.filter((d) => !numbered.has(d.fulfillment_id)).map((d) => [d.fulfillment_id, d])).values()]
  if (!fresh.length) {
    return 0
  }
  fresh.sort((a, b) => a.shipped_at.localeCompare(b.shipped_at) || a.fulfillment_id.localeCompare(b.fulfillment_id))
  const numbers = await takeNumbers(manager, "packing_slip", fresh.length)
  const slips = fresh.map((d, i) => ({ ...d, id: newId("ps"), number: numbers[i] }))
  await insertRows(
    manager,
    "invoicing_packing_slip",
    slips.map((s) => ({ id: s.id, number: s.number, fulfillment_id: s.fulfillment_id, order_id: s.order_id, shipped_at: s.shipped_at }))
  )
  await insertRows(
    manager,
    "invoicing_packing_slip_line",
    slips.flatMap((s) =>
      s.lines.map((l) => ({
        id: newId("psline"),
        packing_slip_id: s.id,
        line_item_id: l.line_item_id,
        quantity: l.quantity,
        invoiced_quantity: 0,
      }))
    )
  )
  return slips.length
}

/** Of the given fulfillments, those that already have a packing slip. */
export async function numberedFulfillments(manager: SqlEntityManager, fulfillmentIds: string[]): Promise<string[]> {
  if (!fulfillmentIds.length) {
    return []
  }
  const rows = await runBound<{ fulfillment_id: string }>(
    manager,
    `select "fulfillment_id" from "invoicing_packing_slip" where "fulfillment_id" = ${anyOfJsonIds} and "deleted_at" is null`,
    [JSON.stringify(fulfillmentIds)]
  )
  return rows.map((r) => r.fulfillment_id)
}
