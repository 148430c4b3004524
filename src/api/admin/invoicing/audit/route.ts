import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicingService } from "../../../../workflows/invoicing-orders/read-orders"

/**
 * Verifies the tamper-evident ledger: recomputes the hash of every posted invoice and credit
 * note and its chain; `ok` is false and `first_broken` names the first broken link when a
 * posted document, or the chain itself, was changed outside posting.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ audit: { ...(await invoicingService(req.scope).auditLedger()), checked_at: new Date().toISOString() } })
}
