import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../../workflows/invoicing-orders/read-orders"
import type { SaveNumberSeriesBody } from "../../validators"

/** Sets a series' prefix, padding or next number; refused (400) once the series has given out a number. */
export async function POST(req: AuthenticatedMedusaRequest<SaveNumberSeriesBody>, res: MedusaResponse) {
  res.json({ number_series: await invoicingService(req.scope).saveNumberSeries(req.params.code, req.validatedBody) })
}
