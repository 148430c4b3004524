import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../../workflows/invoicing-orders/read-orders"
import type { UpdateScheduleBody } from "../../validators"
import { firstRunAt, scheduleResponse } from "../schedule-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ schedule: scheduleResponse(await invoicingService(req.scope).retrieveBatchSchedule(req.params.id)) })
}

/** Changes a schedule; a new recurrence, or resuming a paused one, runs next at its next slot from now. */
export async function POST(req: AuthenticatedMedusaRequest<UpdateScheduleBody>, res: MedusaResponse) {
  const service = invoicingService(req.scope)
  const current = await service.retrieveBatchSchedule(req.params.id)
  const changes: Record<string, unknown> = { ...req.validatedBody }
  const resumed = changes.enabled === true && !current.enabled
  if (changes.recurrence || resumed) {
    changes.next_run_at = firstRunAt((changes.recurrence ?? current.recurrence) as any, current.runs_started)
  }
  const schedule = await service.updateBatchSchedules({ id: current.id, ...changes } as any)
  res.json({ schedule: scheduleResponse(schedule) })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = invoicingService(req.scope)
  await service.retrieveBatchSchedule(req.params.id)
  await service.deleteBatchSchedules(req.params.id)
  res.json({ id: req.params.id, object: "invoicing_schedule", deleted: true })
}
