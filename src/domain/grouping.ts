import type { InvoicingOrder } from "./invoicing-order"
import type { SummaryUpdate } from "./posting-parameters"
import type { Allocation } from "./quantities"

/**
 * The summary update: which invoice an allocated quantity goes onto. Equal keys share
 * an invoice. Every key starts with the invoice account and currency, which must
 * always match for two things to share an invoice.
 */
export function summaryKey(order: InvoicingOrder, allocation: Allocation | null, mode: SummaryUpdate): string {
  const account = `${order.invoice_account_id ?? order.customer_id ?? "none"}:${order.currency_code}`
  switch (mode) {
    case "none":
      return `${account}:order:${order.id}`
    case "packing_slip":
      return allocation?.packing_slip
        ? `${account}:packing_slip:${allocation.packing_slip.fulfillment_id}`
        : `${account}:order:${order.id}:unshipped`
    default:
      throw new Error(`summary update "${mode}" is not available`)
  }
}
