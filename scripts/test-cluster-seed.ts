// `medusa exec ./scripts/test-cluster-seed.ts <orders>`: the store and N shipped orders for
// `npm run test:cluster` (scripts/test-cluster.js), seeded in bulk; prints one line
// "SEED {json}" with the order count and the seconds the orders took.
import type { ExecArgs } from "@medusajs/framework/types"
import { seedShippedOrders } from "../seed/bulk"
import { setupStore } from "../seed/store"

export default async function seedClusterOrders({ container, args }: ExecArgs) {
  const orders = Number(args[0] ?? 2000)
  const store = await setupStore(container)
  const started = Date.now()
  // No shipment events: nothing may be left queued for the workers; posting numbers the packing slips itself.
  const { order_ids } = await seedShippedOrders(container, store, { orders, emitEvents: false })
  console.log(`SEED ${JSON.stringify({ orders: order_ids.length, seconds: (Date.now() - started) / 1000 })}`)
}
