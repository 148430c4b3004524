import { FOOTER, INVOICE_HEADER, INVOICE_LINES, INVOICE_SUMMARY, PARTY, page } from "./parts"

/** The default invoice template. Receives an InvoiceView (see ../view.ts). */
export const INVOICE_TEMPLATE = page(
  "{{document.title}} {{document.number}}",
  `${INVOICE_HEADER}
<div class="parties">
  ${PARTY("Bill to", "bill_to")}
</div>
${INVOICE_LINES}
${INVOICE_SUMMARY}
${FOOTER}`
)
