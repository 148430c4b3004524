import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../workflows/invoicing-orders/read-orders"
import type { SaveInvoicingSettingsBody } from "../validators"

/** Seller details and print management defaults (copies, store the PDFs, e-mail the original). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ settings: await invoicingService(req.scope).readSettings() })
}

export async function POST(req: AuthenticatedMedusaRequest<SaveInvoicingSettingsBody>, res: MedusaResponse) {
  res.json({ settings: await invoicingService(req.scope).saveSettings(req.validatedBody) })
}
