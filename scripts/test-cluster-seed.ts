// `medusa exec ./scripts/test-cluster-seed.ts <orders> [invoice accounts]`: the store and N shipped
// orders for `npm run test:cluster` (scripts/test-cluster.js) and `npm run bench`, seeded in bulk,
// spread over the store's customers or over that many new invoice accounts; prints one line
// "SEED {json}" with the order count and the seconds the orders took.
import type { ExecArgs } from "@medusajs/framework/types"
import { seedShippedOrders } from "../seed/bulk"
import { setupStore } from "../seed/store"

export default async function seedClusterOrders({ container, args }: ExecArgs) {
  const orders = Number(args[0] ?? 2000)
  const invoiceAccounts = args[1] ? Number(args[1]) : undefined
  const store = await setupStore(container)
  const started = Date.now()
  // No shipment events: nothing may be left queued for the workers; posting numbers the packing slips itself.
  const { order_ids } = await seedShippedOrders(container, store, { orders, invoiceAccounts, emitEvents: false })
  console.log(`SEED ${JSON.stringify({ orders: order_ids.length, seconds: (Date.now() - started) / 1000 })}`)
}
