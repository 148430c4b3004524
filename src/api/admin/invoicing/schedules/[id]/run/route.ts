import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startScheduledRun } from "../../../../../../workflows/batch/run-due-schedules"
import { invoicingService } from "../../../../../../workflows/invoicing-orders/read-orders"

/** Runs a schedule now, outside its recurrence: its slots are left as they are. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const schedule = await invoicingService(req.scope).retrieveBatchSchedule(req.params.id)
  const { result } = await startScheduledRun(req.scope, schedule)
  res.status(202).json({ run: { id: result.id } })
}
