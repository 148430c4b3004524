import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { invoiceResponse } from "../../api/admin/invoices/invoice-response"
import type { InvoiceDocumentData } from "../../documents/types"
import { invoicingService } from "../invoicing-orders/read-orders"

/** A posted invoice or credit note as its document prints it: the admin API's shape, with the credited invoice's number. */
export async function invoiceDocumentData(container: MedusaContainer, invoiceId: string): Promise<InvoiceDocumentData & { id: string; kind: "invoice" | "credit_note" }> {
  const service = invoicingService(container)
  const [invoice] = await service.readInvoicesWithLines({ ids: [invoiceId] })
  if (!invoice) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${invoiceId} was not found`)
  const credited = invoice.credited_invoice_id
    ? await service.retrieveInvoice(invoice.credited_invoice_id, { select: ["number"] })
    : null
  return {
    ...invoiceResponse(invoice),
    credited_invoice_number: credited?.number ?? null,
  }
}
