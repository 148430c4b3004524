import { FOOTER, INVOICE_HEADER, INVOICE_LINES, INVOICE_SUMMARY, PARTY, page } from "./parts"

/**
 * The default credit note template. Receives an InvoiceView (see ../view.ts) whose amounts
 * are negative; it names the invoice it credits and the reason.
 */
export const CREDIT_NOTE_TEMPLATE = page(
  "{{document.title}} {{document.number}}",
  `${INVOICE_HEADER}
<div class="parties">
  ${PARTY("Bill to", "bill_to")}
</div>
{{#if document.credited_invoice}}<p class="note">Credits invoice <strong>{{document.credited_invoice}}</strong>{{#if document.reason}} — {{document.reason}}{{/if}}</p>{{else}}{{#if document.reason}}<p class="note">{{document.reason}}</p>{{/if}}{{/if}}
${INVOICE_LINES}
${INVOICE_SUMMARY}
${FOOTER}`
)
