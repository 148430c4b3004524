import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../../workflows/invoicing-orders/read-orders"
import { runResponse } from "../run-response"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = invoicingService(req.scope)
  const run = await service.retrieveBatchRun(req.params.id)
  const chunks = await service.listBatchRunChunks({ run_id: run.id }, { order: { position: "ASC" } })
  res.json({ run: runResponse(run, chunks) })
}
