import type { MedusaContainer } from "@medusajs/framework/types"
import { runDueSchedules } from "../workflows/batch/run-due-schedules"

/** Every minute (see tickerSchedule), on every process that runs jobs: due batch schedules start (each slot once), lost chunks are offered again. */
export default async function invoicingTicker(container: MedusaContainer) {
  await runDueSchedules(container, new Date())
}

/**
 * Every minute by default. INVOICING_TICKER_SECONDS ticks every N seconds instead: slots still run
 * once each (they are claimed), lost chunks are just found sooner (test:cluster uses 5).
 */
export function tickerSchedule(env: NodeJS.ProcessEnv = process.env): string | { interval: number } {
  const seconds = Number(env.INVOICING_TICKER_SECONDS)
  return Number.isFinite(seconds) && seconds > 0 ? { interval: seconds * 1000 } : "* * * * *"
}

export const config = { name: "invoicing-batch-ticker", schedule: tickerSchedule() }
