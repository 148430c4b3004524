import { FOOTER, INVOICE_HEADER, INVOICE_LINES, INVOICE_SUMMARY, PARTY, page } from "./parts"

/**
 * The default pro forma template. Receives an InvoiceView (see ../view.ts) whose number is
 * "PRO FORMA": marked three times (banner, header number, watermark on every page) so it
 * cannot pass for a posted invoice.
 */
export const PRO_FORMA_TEMPLATE = page(
  "{{document.title}}",
  `<div class="watermark">PRO FORMA</div>
<div class="banner">PRO FORMA — not an invoice: not posted, no invoice number, not for payment or tax purposes</div>
${INVOICE_HEADER}
<div class="parties">
  ${PARTY("Bill to", "bill_to")}
</div>
${INVOICE_LINES}
${INVOICE_SUMMARY}
${FOOTER}`
)
