import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import {
  type CreditableInvoice,
  type CreditNoteDraft,
  CreditNoteRefused,
  type CreditRequest,
  type QuantityReturn,
  creditNote,
} from "../../../domain/credit-note"
import { takeNumbers } from "./numbering"
import { insertDocument } from "./documents"

export type CreditNoteInput = CreditRequest & {
  invoice_id: string
  reason: string
  /** Decimal digits of the invoice's currency, read from Medusa by the caller. */
  decimal_digits: number
}

type InvoiceRow = Record<string, any> & { id: string; number: string; kind: "invoice" | "credit_note" }

function conflict(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

/**
 * The invoice with its lines and charges and what earlier credit notes took of them, the
 * invoice row locked first: credit notes of one invoice are made one after the other, each
 * seeing the ones committed before it. A row lock does not fire the immutability triggers.
 */
async function lockCreditableInvoice(manager: SqlEntityManager, invoiceId: string): Promise<{ row: InvoiceRow; invoice: CreditableInvoice }> {
  const [row] = await manager.execute<InvoiceRow[]>(
    `select * from "invoicing_invoice" where "id" = ? and "deleted_at" is null for update`,
    [invoiceId]
  )
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${invoiceId} was not found`)
  }
  const lines = await manager.execute<any[]>(
    `select * from "invoicing_invoice_line" where "invoice_id" = ? and "deleted_at" is null order by "id"`,
    [invoiceId]
  )
  const charges = await manager.execute<any[]>(
    `select * from "invoicing_invoice_charge" where "invoice_id" = ? and "deleted_at" is null order by "id"`,
    [invoiceId]
  )
  const creditedLines = lines.length
    ? await manager.execute<{ id: string; credited: number }[]>(
        `select "credited_line_id" as id, (-sum("quantity"))::int as credited from "invoicing_invoice_line"
           where "credited_line_id" in (?) and "deleted_at" is null group by "credited_line_id"`,
        [lines.map((l) => l.id)]
      )
    : []
  const creditedCharges = charges.length
    ? await manager.execute<{ id: string }[]>(
        `select distinct "credited_charge_id" as id from "invoicing_invoice_charge" where "credited_charge_id" in (?) and "deleted_at" is null`,
        [charges.map((c) => c.id)]
      )
    : []
  const creditedQuantity = new Map(creditedLines.map((c) => [c.id, c.credited]))
  const chargeCredited = new Set(creditedCharges.map((c) => c.id))
  return {
    row,
    invoice: {
      id: row.id,
      number: row.number,
      kind: row.kind,
      lines: lines.map((l) => ({
        id: l.id,
        order_id: l.order_id,
        order_display_id: l.order_display_id,
        line_item_id: l.line_item_id,
        packing_slip_id: l.packing_slip_id,
        packing_slip_number: l.packing_slip_number,
        title: l.title,
        variant_sku: l.variant_sku,
        quantity: l.quantity,
        unit_price: String(l.unit_price),
        is_tax_inclusive: l.is_tax_inclusive,
        tax_rate: String(l.tax_rate),
        total: String(l.total),
        tax_total: String(l.tax_total),
        discount_total: String(l.discount_total),
        credited_quantity: creditedQuantity.get(l.id) ?? 0,
      })),
      charges: charges.map((c) => ({
        id: c.id,
        order_id: c.order_id,
        order_display_id: c.order_display_id,
        shipping_method_id: c.shipping_method_id,
        name: c.name,
        tax_rate: String(c.tax_rate),
        subtotal: String(c.subtotal),
        discount_total: String(c.discount_total),
        tax_total: String(c.tax_total),
        total: String(c.total),
        credited: chargeCredited.has(c.id),
      })),
    },
  }
}

/**
 * Gives the credited quantities back, so the next posting invoices them again: order line
 * balances (a charge back to 0) and packing slip lines, each locked in key order first, as
 * posting locks them, so credit notes and postings never deadlock.
 */
async function giveQuantitiesBack(manager: SqlEntityManager, returns: QuantityReturn): Promise<void> {
  const orderLines = [...returns.order_lines].sort((a, b) => a.source_id.localeCompare(b.source_id))
  const locked = await manager.execute<{ source_id: string; invoiced_quantity: number }[]>(
    `select "source_id", "invoiced_quantity" from "invoicing_order_line"
       where "source_id" in (?) and "deleted_at" is null order by "source_id" for update`,
    [orderLines.map((l) => l.source_id)]
  )
  const invoiced = new Map(locked.map((r) => [r.source_id, r.invoiced_quantity]))
  for (const line of orderLines) {
    if ((invoiced.get(line.source_id) ?? 0) < line.quantity) {
      throw conflict(
        `${line.kind === "charge" ? "Charge" : "Order line"} ${line.source_id} of order ${line.order_id} has ` +
          `${invoiced.get(line.source_id) ?? 0} invoiced, less than the ${line.quantity} to credit`
      )
    }
  }
  await manager.execute(
    `update "invoicing_order_line" as l set "invoiced_quantity" = l."invoiced_quantity" - v.quantity, "updated_at" = now()
       from json_to_recordset(?::json) as v(source_id text, quantity int)
       where l."source_id" = v.source_id and l."deleted_at" is null`,
    [JSON.stringify(orderLines)]
  )

  if (!returns.packing_slip_lines.length) {
    return
  }
  const slipLines = await manager.execute<{ id: string; packing_slip_id: string; line_item_id: string; invoiced_quantity: number }[]>(
    `select l."id", l."packing_slip_id", l."line_item_id", l."invoiced_quantity" from "invoicing_packing_slip_line" l
       join json_to_recordset(?::json) as v(packing_slip_id text, line_item_id text)
         on l."packing_slip_id" = v.packing_slip_id and l."line_item_id" = v.line_item_id
       where l."deleted_at" is null order by l."id" for update of l`,
    [JSON.stringify(returns.packing_slip_lines)]
  )
  const slipLineOf = new Map(slipLines.map((l) => [`${l.packing_slip_id}\n${l.line_item_id}`, l]))
  const changes = returns.packing_slip_lines.map((r) => {
    const line = slipLineOf.get(`${r.packing_slip_id}\n${r.line_item_id}`)
    if (!line || line.invoiced_quantity < r.quantity) {
      throw conflict(
        `Packing slip ${r.packing_slip_id} line ${r.line_item_id} has ${line?.invoiced_quantity ?? 0} invoiced, less than the ${r.quantity} to credit`
      )
    }
    return { id: line.id, quantity: r.quantity }
  })
  await manager.execute(
    `update "invoicing_packing_slip_line" as l set "invoiced_quantity" = l."invoiced_quantity" - v.quantity, "updated_at" = now()
       from json_to_recordset(?::json) as v(id text, quantity int) where l."id" = v.id`,
    [JSON.stringify(changes)]
  )
}

/**
 * Posts a credit note of an invoice in the caller's transaction: locks the invoice, checks
 * the request against what is left to credit, gives the quantities back, takes the next
 * credit note number last (a rollback returns it) and writes the credit note whole.
 */
export async function postCreditNote(manager: SqlEntityManager, input: CreditNoteInput): Promise<{ id: string; number: string }> {
  const { row, invoice } = await lockCreditableInvoice(manager, input.invoice_id)
  let draft: CreditNoteDraft
  try {
    draft = creditNote(invoice, { lines: input.lines }, input.decimal_digits)
  } catch (error) {
    if (error instanceof CreditNoteRefused) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
  await giveQuantitiesBack(manager, draft.returns)
  const [number] = await takeNumbers(manager, "credit_note")
  const id = await insertDocument(
    manager,
    {
      kind: "credit_note",
      number,
      invoice_date: new Date().toISOString().slice(0, 10),
      due_date: null,
      currency_code: row.currency_code,
      invoice_account_id: row.invoice_account_id,
      bill_to: row.bill_to,
      summary_update: row.summary_update,
      quantity_mode: row.quantity_mode,
      print_charges: row.print_charges,
      packing_slip_number: draft.packing_slip_number,
      group_key: `credit_note:${row.id}`,
      idempotency_key: null,
      credited_invoice_id: row.id,
      reason: input.reason,
      totals: draft.totals,
    },
    draft.lines,
    draft.charges
  )
  return { id, number }
}
