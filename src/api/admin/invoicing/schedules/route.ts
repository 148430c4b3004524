import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../workflows/invoicing-orders/read-orders"
import type { CreateScheduleBody } from "../validators"
import { firstRunAt, scheduleResponse } from "./schedule-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const schedules = await invoicingService(req.scope).listBatchSchedules({}, { order: { created_at: "ASC" } })
  res.json({ schedules: schedules.map(scheduleResponse) })
}

export async function POST(req: AuthenticatedMedusaRequest<CreateScheduleBody>, res: MedusaResponse) {
  const body = req.validatedBody
  const schedule = await invoicingService(req.scope).createBatchSchedules({
    ...body,
    next_run_at: firstRunAt(body.recurrence, 0),
    runs_started: 0,
  } as any)
  res.status(201).json({ schedule: scheduleResponse(schedule) })
}
