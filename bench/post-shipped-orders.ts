import type { ExecArgs } from "@medusajs/framework/types"
import { seedShippedOrders } from "../seed/bulk"
import { setupStore } from "../seed/store"
import { postInvoicesWorkflow } from "../src/workflows/post-invoices"

/** Peak resident memory of this process so far (the kernel's high-water mark), in MB. */
function peakRssMb(): number {
  const status = require("node:fs").readFileSync("/proc/self/status", "utf8") as string
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/**
 * Seeds N shipped orders (timed on its own), then posts them all with summary update
 * "none" and prints the figures as one JSON line prefixed "BENCH ".
 */
export default async function benchPostShippedOrders({ container, args }: ExecArgs) {
  const orders = Number(args[0] ?? 1000)
  const store = await setupStore(container)

  const seedStart = Date.now()
  // No shipment events: the posting numbers the packing slips itself, and that is measured with it.
  const { order_ids: orderIds } = await seedShippedOrders(container, store, { orders, emitEvents: false })
  const seedSeconds = (Date.now() - seedStart) / 1000

  const rssBefore = peakRssMb()
  const start = process.hrtime.bigint()
  const { result } = await postInvoicesWorkflow(container).run({
    input: {
      order_ids: orderIds,
      parameters: {
        quantity: "packing_slip",
        summary_update: "none",
        match_keys: [],
        posting: true,
        print: { mode: "current", invoice: false, use_print_management: false },
        print_charges: "summarize",
        credit_check: "none",
      },
    },
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const posted = result.outcomes.filter((o) => "invoice" in o).length
  const failed = result.outcomes.length - posted
  const lines = result.proposal.groups.reduce((n, g) => n + g.lines.length, 0)
  const figures = {
    orders: orderIds.length,
    invoices: posted,
    failed_groups: failed,
    lines,
    seed_seconds: seedSeconds,
    seconds: Number(seconds.toFixed(2)),
    lines_per_second: Math.round(lines / seconds),
    peak_rss_mb: peakRssMb(),
    rss_before_posting_mb: rssBefore,
  }
  console.log(`BENCH ${JSON.stringify(figures)}`)
}
