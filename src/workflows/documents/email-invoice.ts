import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { invoiceDocumentData } from "./invoice-document-data"
import { invoicePdf } from "./invoice-pdf"
import { signedDocumentUrl } from "./signed-link"

/**
 * E-mails the original of a posted document to its bill-to address through the Notification
 * module (channel "email"), the PDF attached. The idempotency key makes one send one e-mail,
 * however often it is retried.
 */
export async function emailInvoice(container: MedusaContainer, invoiceId: string, idempotencyKey: string): Promise<{ to: string }> {
  const data = await invoiceDocumentData(container, invoiceId)
  const to = data.bill_to?.email
  if (!to) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${data.number} has no e-mail address to send it to`)
  }
  const pdf = await invoicePdf(container, invoiceId, 0)
  const what = data.kind === "credit_note" ? "Credit note" : "Invoice"
  // A signed link to the same PDF, for readers whose mail drops attachments; it expires (option signed_link_lifetime_seconds).
  const link = signedDocumentUrl(container, invoiceId, 0)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to,
    channel: "email",
    template: `invoicing-${data.kind}`,
    idempotency_key: idempotencyKey,
    resource_id: invoiceId,
    resource_type: "invoice",
    content: {
      subject: `${what} ${data.number}`,
      text:
        `Please find attached ${what.toLowerCase()} ${data.number} of ${data.invoice_date}.\n\n` +
        `You can also download it until ${link.expires_at.toISOString().slice(0, 10)}: ${link.url}`,
    },
    data: {
      invoice_id: invoiceId,
      number: data.number,
      total: data.total,
      currency_code: data.currency_code,
      download_url: link.url,
      download_url_expires_at: link.expires_at.toISOString(),
    },
    attachments: [{ filename: `${data.number}.pdf`, content: pdf.toString("base64"), content_type: "application/pdf", disposition: "attachment" }],
  })
  return { to }
}
