import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../workflows/invoicing-orders/read-orders"

/** The gapless number series (invoice, credit note, packing slip): format, next number, whether in use. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ number_series: await invoicingService(req.scope).readNumberSeries() })
}
