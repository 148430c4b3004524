import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { renderDocumentPdf } from "../../documents/render"
import { invoicingService } from "../invoicing-orders/read-orders"
import { invoiceDocumentData } from "./invoice-document-data"
import { sellerDetails } from "./seller"

/**
 * The PDF of a posted invoice or credit note (copy 0: the original, n: copy n): the stored
 * one when there is one, else rendered now and stored privately through the File module,
 * under a name made of its own number, never of user input. Rendered once: what a customer
 * downloads later is what was first printed, whatever changes in templates or data.
 */
export async function invoicePdf(container: MedusaContainer, invoiceId: string, copy: number): Promise<Buffer> {
  const service = invoicingService(container)
  const files = container.resolve(Modules.FILE)
  const stored = await service.findStoredDocument(invoiceId, copy)
  if (stored) return files.getAsBuffer(stored)

  const data = await invoiceDocumentData(container, invoiceId)
  const pdf = await renderDocumentPdf(data.kind, data, await sellerDetails(container), { copy: copy || null })
  const file = await files.createFiles({
    filename: `${data.number}${copy ? `-copy-${copy}` : ""}.pdf`,
    mimeType: "application/pdf",
    content: pdf.toString("base64"),
    access: "private",
  })
  const kept = await service.recordStoredDocument(invoiceId, copy, file.id)
  if (kept === file.id) return pdf
  // Another request stored this document first: its file is the document.
  await files.deleteFiles(file.id)
  return files.getAsBuffer(kept)
}
