import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { InvoicingState } from "../types"
import { anyOfJsonIds, runBound } from "./rows"

/**
 * Balances, packing slips and invoiced amounts of a set of orders, in four queries whatever their number.
 * Every table is read with `"deleted_at" is null`: its order_id index is partial on it (as Medusa makes
 * them), and without it the index cannot serve the query, which then scans the whole table, longer
 * with every invoice posted.
 */
export async function readInvoicingState(manager: SqlEntityManager, orderIds: string[]): Promise<InvoicingState> {
  if (!orderIds.length) {
    return { order_lines: [], packing_slips: [], invoiced_amounts: [] }
  }
  const ids = JSON.stringify(orderIds)
  const [orderLines, slips, slipLines, amounts] = await Promise.all([
    runBound(
      manager,
      `select "order_id", "kind", "source_id", "quantity", "invoiced_quantity" from "invoicing_order_line"
         where "order_id" = ${anyOfJsonIds} and "deleted_at" is null`,
      [ids]
    ),
    runBound(
      manager,
      `select "id", "number", "fulfillment_id", "order_id", "shipped_at" from "invoicing_packing_slip"
         where "order_id" = ${anyOfJsonIds} and "deleted_at" is null`,
      [ids]
    ),
    runBound(
      manager,
      `select l."id", l."packing_slip_id", l."line_item_id", l."quantity", l."invoiced_quantity"
         from "invoicing_packing_slip_line" l join "invoicing_packing_slip" s on s."id" = l."packing_slip_id"
         where s."order_id" = ${anyOfJsonIds} and s."deleted_at" is null and l."deleted_at" is null`,
      [ids]
    ),
    runBound(
      manager,
      `select "order_id", sum("total")::text as total, sum("tax_total")::text as tax_total,
              sum("discount_total")::text as discount_total
         from (select "order_id", "total", "tax_total", "discount_total" from "invoicing_invoice_line"
                where "order_id" = ${anyOfJsonIds} and "deleted_at" is null
               union all
               select "order_id", "total", "tax_total", "discount_total" from "invoicing_invoice_charge"
                where "order_id" = ${anyOfJsonIds} and "deleted_at" is null) a
         group by "order_id"`,
      [ids, ids]
    ),
  ])
  const linesBySlip = new Map<string, any[]>()
  for (const line of slipLines as any[]) {
    const lines = linesBySlip.get(line.packing_slip_id)
    if (lines) lines.push(line)
    else linesBySlip.set(line.packing_slip_id, [line])
  }
  return {
    order_lines: orderLines as InvoicingState["order_lines"],
    packing_slips: (slips as any[]).map((s) => ({
      ...s,
      shipped_at: new Date(s.shipped_at).toISOString(),
      lines: linesBySlip.get(s.id) ?? [],
    })),
    invoiced_amounts: amounts as InvoicingState["invoiced_amounts"],
  }
}
