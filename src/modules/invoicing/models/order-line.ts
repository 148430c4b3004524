import { model } from "@medusajs/framework/utils"

/**
 * The invoicing balance of one invoiceable thing of an order: an item line
 * (source = order line item) or a charge (source = shipping method, quantity 1).
 * Posting raises invoiced_quantity under a row lock; the database refuses more
 * than the ordered quantity.
 */
export const OrderLine = model.define(
  { name: "OrderLine", tableName: "invoicing_order_line" },
  {
    id: model.id({ prefix: "ivol" }).primaryKey(),
    order_id: model.text().index(),
    kind: model.enum(["item", "charge"]),
    source_id: model.text().unique(),
    quantity: model.number(),
    invoiced_quantity: model.number().default(0),
  }
)
