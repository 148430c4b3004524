import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newId } from "./ids"
import type { InvoiceTotals } from "../../../domain/propose"
import type { ChargeDescription, LineAmounts, LineDescription } from "../../../domain/proration"
import { insertRows } from "./rows"
import { appendToLedger } from "./ledger"

/** The header of a posted invoice or credit note; dates are ISO dates (YYYY-MM-DD). */
export type DocumentHeader = {
  kind: "invoice" | "credit_note"
  number: string
  invoice_date: string
  due_date: string | null
  currency_code: string
  invoice_account_id: string
  bill_to: unknown
  summary_update: string
  quantity_mode: string
  print_charges: string
  packing_slip_number: string | null
  group_key: string
  idempotency_key: string | null
  credited_invoice_id?: string
  reason?: string
  totals: InvoiceTotals
}

type Amounts = LineAmounts & { tax_rate: string }

export type DocumentLine = LineAmounts & LineDescription & { credited_line_id?: string }

export type DocumentCharge = LineAmounts & ChargeDescription & { credited_charge_id?: string }

// Rows are written out field by field: object spreads in these literals, made for every line
// posted, cost more than the rest of preparing the statements (V8 builds them key by key).
const amounts = (x: Amounts) => ({
  tax_rate: x.tax_rate,
  subtotal: x.subtotal,
  discount_total: x.discount_total,
  tax_total: x.tax_total,
  total: x.total,
})

/** The money columns of each table written, whose raw forms insertRows makes. */
const AMOUNT_COLUMNS = ["tax_rate", "subtotal", "discount_total", "tax_total", "total"]
const MONEY = {
  invoice: ["item_subtotal", "discount_total", "charges_total", "tax_total", "total"],
  line: ["unit_price", ...AMOUNT_COLUMNS],
  charge: AMOUNT_COLUMNS,
}

/** A calendar date stored as its UTC midnight, whatever the database session's time zone. */
const utcDate = (isoDate: string | null) => (isoDate ? `${isoDate.slice(0, 10)}T00:00:00.000Z` : null)

export type NumberedDocument = { header: DocumentHeader; lines: DocumentLine[]; charges: DocumentCharge[] }

/**
 * Writes numbered documents whole: their headers, lines and charges, one bulk statement each
 * whatever their number, then chains them into their series' ledger in number order.
 */
export async function insertDocuments(manager: SqlEntityManager, documents: NumberedDocument[]): Promise<string[]> {
  const ids = documents.map(() => newId("inv"))
  const postedAt = new Date().toISOString()
  await insertRows(
    manager,
    "invoicing_invoice",
    documents.map(({ header: h }, i) => ({
      id: ids[i],
      kind: h.kind,
      number: h.number,
      series_code: h.kind,
      invoice_date: utcDate(h.invoice_date),
      due_date: utcDate(h.due_date),
      posted_at: postedAt,
      currency_code: h.currency_code,
      invoice_account_id: h.invoice_account_id,
      bill_to: h.bill_to,
      summary_update: h.summary_update,
      quantity_mode: h.quantity_mode,
      print_charges: h.print_charges,
      packing_slip_number: h.packing_slip_number,
      group_key: h.group_key,
      idempotency_key: h.idempotency_key,
      credited_invoice_id: h.credited_invoice_id ?? null,
      reason: h.reason ?? null,
      item_subtotal: h.totals.item_subtotal,
      discount_total: h.totals.discount_total,
      charges_total: h.totals.charges_total,
      tax_total: h.totals.tax_total,
      total: h.totals.total,
    })),
    MONEY.invoice
  )
  await insertRows(
    manager,
    "invoicing_invoice_line",
    documents.flatMap(({ lines }, i) =>
      lines.map((l) => ({
        id: newId("invline"),
        invoice_id: ids[i],
        order_id: l.order_id,
        order_display_id: l.order_display_id,
        line_item_id: l.line_item_id,
        packing_slip_id: l.packing_slip_id,
        packing_slip_number: l.packing_slip_number,
        title: l.title,
        variant_sku: l.variant_sku,
        quantity: l.quantity,
        is_tax_inclusive: l.is_tax_inclusive,
        credited_line_id: l.credited_line_id ?? null,
        unit_price: l.unit_price,
        ...amounts(l),
      }))
    ),
    MONEY.line
  )
  await insertRows(
    manager,
    "invoicing_invoice_charge",
    documents.flatMap(({ charges }, i) =>
      charges.map((c) => ({
        id: newId("invchg"),
        invoice_id: ids[i],
        order_id: c.order_id,
        order_display_id: c.order_display_id,
        shipping_method_id: c.shipping_method_id,
        name: c.name,
        credited_charge_id: c.credited_charge_id ?? null,
        ...amounts(c),
      }))
    ),
    MONEY.charge
  )
  for (const kind of new Set(documents.map(({ header }) => header.kind))) {
    await appendToLedger(manager, kind, ids.filter((_, i) => documents[i].header.kind === kind))
  }
  return ids
}

/** Writes one numbered document whole. */
export async function insertDocument(
  manager: SqlEntityManager,
  header: DocumentHeader,
  lines: DocumentLine[],
  charges: DocumentCharge[]
): Promise<string> {
  const [id] = await insertDocuments(manager, [{ header, lines, charges }])
  return id
}
