import { model } from "@medusajs/framework/utils"
import { PackingSlip } from "./packing-slip"

/** The shipped quantity of one order line on one packing slip, and how much of it is invoiced. */
export const PackingSlipLine = model
  .define(
    { name: "PackingSlipLine", tableName: "invoicing_packing_slip_line" },
    {
      id: model.id({ prefix: "psline" }).primaryKey(),
      line_item_id: model.text().index(),
      quantity: model.number(),
      invoiced_quantity: model.number().default(0),
      packing_slip: model.belongsTo(() => PackingSlip, { mappedBy: "lines" }),
    }
  )
  .indexes([{ on: ["packing_slip_id", "line_item_id"], unique: true }])
