import { model } from "@medusajs/framework/utils"
import { PackingSlipLine } from "./packing-slip-line"

/** A shipped fulfillment, with its own gapless number (PS-000001). */
export const PackingSlip = model
  .define(
    { name: "PackingSlip", tableName: "invoicing_packing_slip" },
    {
      id: model.id({ prefix: "ps" }).primaryKey(),
      number: model.text().unique(),
      fulfillment_id: model.text().unique(),
      order_id: model.text().index(),
      shipped_at: model.dateTime(),
      lines: model.hasMany(() => PackingSlipLine, { mappedBy: "packing_slip" }),
    }
  )
  .cascades({ delete: ["lines"] })
