import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * The orders with shipped, not yet invoiced quantity, in one query: a packing slip line with
 * quantity left to invoice whose order line is still open too (a line invoiced whole under
 * quantity "all" before it shipped leaves its packing slip line open, with nothing to invoice).
 * Fulfillments shipped before the plugin was installed have no packing slip yet, so are not here.
 */
export async function openPackingSlipOrderIds(manager: SqlEntityManager): Promise<string[]> {
  const rows = await manager.execute<{ order_id: string }[]>(
    `select distinct s."order_id"
       from "invoicing_packing_slip_line" l
       join "invoicing_packing_slip" s on s."id" = l."packing_slip_id" and s."deleted_at" is null
       left join "invoicing_order_line" o on o."source_id" = l."line_item_id" and o."kind" = 'item' and o."deleted_at" is null
      where l."deleted_at" is null and l."invoiced_quantity" < l."quantity"
        and (o."id" is null or o."invoiced_quantity" < o."quantity")`
  )
  return rows.map((r) => r.order_id)
}
