// `medusa exec ./seed/run-demo-seed.ts`: seeds the demo store once; later runs find it and do nothing.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { numberPackingSlipsWorkflow } from "../src/workflows"
import { CUSTOMERS } from "./catalog"
import { seedDemoData } from "./demo-data"

export default async function runDemoSeed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // The demo customers are the marker: they are created before any order.
  const [existing] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: CUSTOMERS[0].email })
  if (existing) {
    logger.info("Demo data already seeded: nothing to do")
    return
  }
  const summary = await seedDemoData(container, { orders: Number(process.env.DEMO_ORDERS || 36) })
  // `medusa exec` exits as soon as this returns, maybe before the last shipment.created subscribers ran:
  // number the packing slips here too (the workflow skips those already numbered).
  await numberPackingSlipsWorkflow(container).run({ input: { order_ids: summary.orders.all } })
  const counts = Object.entries(summary.orders).map(([scenario, ids]) => `${scenario}: ${ids.length}`)
  logger.info(`Demo data seeded: ${counts.join(", ")}`)
}
