// `medusa exec ./bench/post-orders.ts <orders> <summary update>`: posts the oldest N shipped
// orders of the database with that summary update (no PDFs) and prints one line
// "BENCH {json}": seconds, invoices, lines, peak RSS and the SQL statements posting issued.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import fs from "node:fs"
import { postInvoicesWorkflow } from "../src/workflows/post-invoices"

/** Peak resident memory of this process (the kernel's high-water mark), in MB. */
function peakRssMb(): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** Starts the high-water mark again from the current resident memory (Linux: clear_refs 5). */
function resetPeakRss(): void {
  fs.writeFileSync("/proc/self/clear_refs", "5")
}

export default async function benchPostOrders({ container, args }: ExecArgs) {
  const size = Number(args[0] ?? 1000)
  const summaryUpdate = (args[1] ?? "none") as "none" | "invoice_account"
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(`select "id" from "order" where "deleted_at" is null order by "created_at", "id" limit ?`, [size])
  const orderIds = rows.map((r: { id: string }) => r.id)

  // Every module shares this connection: its query events count what posting sends to PostgreSQL.
  let statements = 0
  db.on("query", () => statements++)
  global.gc?.()
  resetPeakRss()
  const rssBefore = peakRssMb()
  const start = process.hrtime.bigint()
  const cpuBefore = process.cpuUsage()
  const { result } = await postInvoicesWorkflow(container).run({
    input: {
      order_ids: orderIds,
      parameters: {
        quantity: "packing_slip",
        summary_update: summaryUpdate,
        match_keys: [],
        posting: true,
        print: { mode: "current", invoice: false, use_print_management: false },
        print_charges: "summarize",
        credit_check: "none",
      },
    },
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  const outcomes = result.outcomes ?? []
  const posted = outcomes.filter((o) => "invoice" in o).length
  const lines = result.proposal.groups.reduce((n, g) => n + g.line_count, 0)
  const figures = {
    orders: orderIds.length,
    summary_update: summaryUpdate,
    invoices: posted,
    failed_groups: outcomes.length - posted,
    lines,
    seconds: Number(seconds.toFixed(2)),
    invoices_per_second: Math.round(posted / seconds),
    lines_per_second: Math.round(lines / seconds),
    // Node is one thread: posting is bound by this process when its CPU seconds come near its seconds.
    node_cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    peak_rss_mb: peakRssMb(),
    rss_before_mb: rssBefore,
    statements,
    statements_per_invoice: Number((statements / Math.max(posted, 1)).toFixed(2)),
  }
  console.log(`BENCH ${JSON.stringify(figures)}`)
}
