import type { Amount } from "./money"

/**
 * What the rules need to know of one order, already read from Medusa and from the
 * invoicing balances: plain data, so the rules stay pure.
 */
export type OrderLine = {
  line_item_id: string
  title: string
  variant_sku: string | null
  /** The ordered quantity. */
  quantity: number
  /** How much of it posted invoices have already taken. */
  invoiced_quantity: number
  unit_price: Amount
  is_tax_inclusive: boolean
  /** Sum of the line's tax rates, in percent. */
  tax_rate: Amount
  /** Medusa's own unrounded amounts for the whole line. */
  total: Amount
  tax_total: Amount
  discount_subtotal: Amount
}

export type OrderCharge = {
  shipping_method_id: string
  name: string
  tax_rate: Amount
  total: Amount
  tax_total: Amount
  discount_subtotal: Amount
  invoiced: boolean
}

export type PackingSlip = {
  fulfillment_id: string
  /** Null until the packing slip is numbered (a fulfillment shipped before the plugin was installed). */
  id: string | null
  number: string | null
  shipped_at: string
  lines: { line_item_id: string; quantity: number; invoiced_quantity: number; id: string | null }[]
}

export type InvoicingOrder = {
  id: string
  display_id: number | null
  status: string
  currency_code: string
  decimal_digits: number
  customer_id: string | null
  invoice_account_id: string | null
  region_id: string | null
  sales_channel_id: string | null
  email: string | null
  billing_address: Record<string, unknown> | null
  lines: OrderLine[]
  charges: OrderCharge[]
  packing_slips: PackingSlip[]
  /** Rounded amounts already on posted invoices of this order, for the last invoice's rounding rest. */
  invoiced_amounts: { total: Amount; tax_total: Amount; discount_total: Amount }
}
