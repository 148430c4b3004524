import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { BatchSelection } from "../../domain/batch-run"
import type { PostingParameters } from "../../domain/posting-parameters"
import { type Recurrence, nextRunAt } from "../../domain/recurrence"
import { RUN_CHUNK_READY } from "../../events"
import { invoicingService } from "../invoicing-orders/read-orders"
import { startBatchRunWorkflow } from "../start-batch-run"

/** Orders per chunk: small enough to retry cheaply, large enough to post in bulk. */
export const CHUNK_SIZE = 250

/**
 * A chunk claimed longer ago than this is taken to be lost with its worker (a process killed
 * mid-chunk leaves it "running"), and offered again. INVOICING_STALE_CHUNK_SECONDS overrides the
 * default of 600 s; keep it well above the time one chunk takes, or a chunk still being posted is
 * offered again too (harmless for the invoices, which post once, but wasted work).
 */
export function staleChunkSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.INVOICING_STALE_CHUNK_SECONDS)
  return Number.isFinite(configured) && configured > 0 ? configured : 600
}

/** A schedule's saved run: its selection and parameters, evaluated now. */
export function startScheduledRun(container: MedusaContainer, schedule: { id: string; selection: unknown; parameters: unknown }) {
  return startBatchRunWorkflow(container).run({
    input: {
      schedule_id: schedule.id,
      selection: schedule.selection as BatchSelection,
      parameters: schedule.parameters as PostingParameters,
      chunk_size: CHUNK_SIZE,
    },
  })
}

/**
 * One tick: starts a run for every enabled schedule whose slot is due, claiming the slot
 * first so that of several processes ticking at once exactly one starts it; then offers
 * again the chunks whose worker went quiet. Returns the runs it started.
 */
export async function runDueSchedules(container: MedusaContainer, now: Date): Promise<string[]> {
  const service = invoicingService(container)
  const due = await service.listBatchSchedules({ enabled: true, next_run_at: { $lte: now } })
  const started: string[] = []
  for (const schedule of due) {
    const next = nextRunAt(schedule.recurrence as unknown as Recurrence, now, schedule.runs_started + 1)
    if (await service.claimScheduleSlot(schedule.id, new Date(schedule.next_run_at!), next)) {
      const { result } = await startScheduledRun(container, schedule)
      started.push(result.id)
    }
  }
  const stale = await service.releaseStaleChunks(staleChunkSeconds())
  if (stale.length) {
    await container.resolve(Modules.EVENT_BUS).emit(stale.map((chunk_id) => ({ name: RUN_CHUNK_READY, data: { chunk_id } })))
  }
  return started
}
