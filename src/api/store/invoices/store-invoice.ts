import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../../modules/invoicing"
import type InvoicingModuleService from "../../../modules/invoicing/service"
import type { InvoiceWithLines } from "../../../modules/invoicing/sql/invoice-pages"
import { invoiceResponse } from "../../admin/invoices/invoice-response"

/**
 * A posted document of the logged-in customer: billed to them (invoice_account_id is the
 * customer). Another customer's id answers exactly as an unknown id does (404, same message):
 * a customer learns nothing about documents that are not theirs.
 */
export async function customerInvoice(container: MedusaContainer, customerId: string, invoiceId: string) {
  const service = container.resolve<InvoicingModuleService>(INVOICING_MODULE)
  const [invoice] = await service.readInvoicesWithLines({ ids: [invoiceId], invoice_account_id: customerId })
  if (!invoice) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${invoiceId} was not found`)
  return invoice
}

/** What a customer sees of a document: the document itself, without the back office's grouping and ids of internal records. */
export function storeInvoiceResponse(invoice: InvoiceWithLines) {
  const full = invoiceResponse(invoice)
  return {
    id: full.id,
    kind: full.kind,
    number: full.number,
    invoice_date: full.invoice_date,
    due_date: full.due_date,
    currency_code: full.currency_code,
    bill_to: full.bill_to,
    packing_slip_number: full.packing_slip_number,
    credited_invoice_id: full.credited_invoice_id,
    reason: full.reason,
    item_subtotal: full.item_subtotal,
    discount_total: full.discount_total,
    charges_total: full.charges_total,
    tax_total: full.tax_total,
    total: full.total,
    amount_credited: full.amount_credited,
    amount_paid: full.amount_paid,
    amount_open: full.amount_open,
    payment_status: full.payment_status,
    orders: full.orders,
    packing_slips: full.packing_slips.map((p) => ({ number: p.number })),
    lines: full.lines.map((l) => ({
      order_id: l.order_id,
      order_display_id: l.order_display_id,
      packing_slip_number: l.packing_slip_number,
      title: l.title,
      variant_sku: l.variant_sku,
      quantity: l.quantity,
      unit_price: l.unit_price,
      is_tax_inclusive: l.is_tax_inclusive,
      tax_rate: l.tax_rate,
      subtotal: l.subtotal,
      discount_total: l.discount_total,
      tax_total: l.tax_total,
      total: l.total,
    })),
    charge_lines: full.charge_lines,
  }
}
