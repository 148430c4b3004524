import type { CreditCheckedInvoice } from "../../domain/credit-exposure"
import type { PrintCharges, QuantityMode } from "../../domain/posting-parameters"

/** A proposed invoice with the posting parameters it is posted under. */
export type InvoiceDraft = CreditCheckedInvoice & {
  quantity_mode: QuantityMode
  print_charges: PrintCharges
  idempotency_key: string | null
}

export type { PackingSlipDraft } from "../../domain/packing-slip-draft"

export type InvoicingState = {
  order_lines: { order_id: string; kind: "item" | "charge"; source_id: string; quantity: number; invoiced_quantity: number }[]
  packing_slips: {
    id: string
    number: string
    fulfillment_id: string
    order_id: string
    shipped_at: string
    lines: { id: string; line_item_id: string; quantity: number; invoiced_quantity: number }[]
  }[]
  invoiced_amounts: { order_id: string; total: string; tax_total: string; discount_total: string }[]
}

export type PostOutcome =
  | { group_key: string; invoice: { id: string; number: string }; replayed: boolean }
  | { group_key: string; error: { type: string; message: string } }
