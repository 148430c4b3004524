// `medusa exec ./bench/number-packing-slips.ts`: numbers the packing slips of every shipped
// fulfillment in the database, as the shipment subscriber does when each shipment is created, so
// that a posting can be measured as a running shop posts (the bulk seed sends no shipment events).
// Prints one line "NUMBERED {json}" with the packing slips created.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { numberPackingSlipsWorkflow } from "../src/workflows/number-packing-slips"

export default async function numberAllPackingSlips({ container }: ExecArgs) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(`select "id" from "order" where "deleted_at" is null`)
  const { result } = await numberPackingSlipsWorkflow(container).run({ input: { order_ids: rows.map((r: { id: string }) => r.id) } })
  console.log(`NUMBERED ${JSON.stringify({ orders: rows.length, packing_slips: result.created })}`)
}
