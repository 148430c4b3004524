import type { InvoiceAccount } from "../invoice-account"
import type { InvoicingOrder, OrderLine, PackingSlip } from "../invoicing-order"

/** A plain order for the pure rules; amounts are Medusa-style unrounded strings. */
export function anOrder(overrides: Partial<InvoicingOrder> = {}): InvoicingOrder {
  return {
    id: "order_1",
    display_id: 1,
    status: "pending",
    currency_code: "eur",
    decimal_digits: 2,
    customer_id: "cus_1",
    invoice_account_id: "cus_1",
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    email: "buyer@example.com",
    billing_address: null,
    lines: [],
    charges: [],
    packing_slips: [],
    invoiced_amounts: { total: "0", tax_total: "0", discount_total: "0" },
    ...overrides,
  }
}

/** A tax-exclusive line: unit price × quantity, taxed at `rate` percent, no discount. */
export function aLine(id: string, quantity: number, unitPrice: string, rate = "10", overrides: Partial<OrderLine> = {}): OrderLine {
  const net = Number(unitPrice) * quantity
  const tax = (net * Number(rate)) / 100
  return {
    line_item_id: id,
    title: `Item ${id}`,
    variant_sku: `SKU-${id}`,
    quantity,
    invoiced_quantity: 0,
    unit_price: unitPrice,
    is_tax_inclusive: false,
    tax_rate: rate,
    total: String(net + tax),
    tax_total: String(tax),
    discount_subtotal: "0",
    ...overrides,
  }
}

export function aSlip(fulfillmentId: string, number: string, shippedAt: string, lines: [string, number][]): PackingSlip {
  return {
    fulfillment_id: fulfillmentId,
    id: `ps_${fulfillmentId}`,
    number,
    shipped_at: shippedAt,
    lines: lines.map(([line_item_id, quantity]) => ({
      line_item_id,
      quantity,
      invoiced_quantity: 0,
      id: `psl_${fulfillmentId}_${line_item_id}`,
    })),
  }
}

export function anAccount(id: string, overrides: Partial<InvoiceAccount> = {}): InvoiceAccount {
  return {
    id,
    name: `Account ${id}`,
    email: `${id}@example.com`,
    billing_address: { address_1: `1 ${id} Street`, city: "Lyon", country_code: "fr" },
    payment_terms_days: null,
    default_summary_update: "none",
    ...overrides,
  }
}
