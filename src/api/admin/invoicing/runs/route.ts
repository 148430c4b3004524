import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../workflows/invoicing-orders/read-orders"
import type { ListRunsQuery } from "../validators"
import { runResponse } from "./run-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { schedule_id, limit, offset } = req.validatedQuery as ListRunsQuery
  const [runs, count] = await invoicingService(req.scope).listAndCountBatchRuns(schedule_id ? { schedule_id } : {}, {
    order: { created_at: "DESC" },
    skip: offset,
    take: limit,
  })
  res.json({ runs: runs.map((r) => runResponse(r)), count, limit, offset })
}
