import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { newId } from "./ids"
import type { Amount } from "../../../domain/money"
import { type PaymentStatus, PaymentRefused, checkPayment, settlement } from "../../../domain/settlement"
import { insertRows } from "./rows"
import { type InvoiceListFilters, invoiceConditions } from "./invoice-pages"
import { creditNoteTotalOf, paidOf } from "./settlement-sql"

export type PaymentInput = {
  invoice_id: string
  /** Major units, as a decimal string. */
  amount: Amount
  /** ISO date-time. */
  paid_at: string
  /** Decimal digits of the invoice's currency, read from Medusa by the caller. */
  decimal_digits: number
}

export type PaymentRecord = {
  id: string
  invoice_id: string
  invoice_account_id: string
  currency_code: string
  amount: Amount
  paid_at: string
}

/**
 * Per invoice: its total, the sum of its credit notes' totals (negative) and of its payments,
 * as exact decimal strings (numeric read as text). `where` filters the invoices, `i` aliased.
 */
const settledInvoices = (where: string) => `
  select i."id", i."number", i."total"::text as total,
         ${creditNoteTotalOf("i")}::text as credit_note_total, ${paidOf("i")}::text as paid
    from "invoicing_invoice" i
   where i."kind" = 'invoice' and i."deleted_at" is null and ${where}`

/**
 * Records a payment of an invoice in the caller's transaction: locks the invoice row as credit
 * notes do (`for update`: a payment and a credit note of one invoice are made one after the
 * other, each seeing the other once committed; a row lock does not fire the immutability
 * triggers), reads what is open, checks the amount against it and inserts the payment.
 */
export async function recordPayment(manager: SqlEntityManager, input: PaymentInput): Promise<PaymentRecord> {
  const [invoice] = await manager.execute<{ id: string; number: string; kind: "invoice" | "credit_note"; currency_code: string; invoice_account_id: string; total: string }[]>(
    `select "id", "number", "kind", "currency_code", "invoice_account_id", "total"::text as total
       from "invoicing_invoice" where "id" = ? and "deleted_at" is null for update`,
    [input.invoice_id]
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id: ${input.invoice_id} was not found`)
  }
  // Read after the lock, in a statement of its own: under read committed it sees every payment and
  // credit note committed before it (the locking statement's snapshot may predate them).
  const [settledRow] = await manager.execute<{ credit_note_total: string; paid: string }[]>(
    `select ${creditNoteTotalOf("i")}::text as credit_note_total, ${paidOf("i")}::text as paid from "invoicing_invoice" i where i."id" = ?`,
    [invoice.id]
  )
  const settled = settlement(invoice.total, settledRow.credit_note_total, settledRow.paid)
  let amount: Amount
  try {
    amount = checkPayment({ ...invoice, settlement: settled }, input.amount, input.decimal_digits)
  } catch (error) {
    if (error instanceof PaymentRefused) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
  const payment: PaymentRecord = {
    id: newId("ivpay"),
    invoice_id: invoice.id,
    invoice_account_id: invoice.invoice_account_id,
    currency_code: invoice.currency_code,
    amount,
    paid_at: input.paid_at,
  }
  const { id, invoice_id, invoice_account_id, currency_code, paid_at } = payment
  await insertRows(manager, "invoicing_payment", [{ id, invoice_id, invoice_account_id, currency_code, amount, paid_at }], ["amount"])
  return payment
}

export type PaymentStatusPage = InvoiceListFilters & {
  payment_status: PaymentStatus
  limit: number
  offset: number
}

/** The SQL form of paymentStatus (domain/settlement.ts) over a settledInvoices row. */
const STATUS_CONDITION: Record<PaymentStatus, string> = {
  paid: `s.open <= 0`,
  partially_paid: `s.open > 0 and s.paid > 0`,
  open: `s.open > 0 and s.paid <= 0`,
}

/**
 * One page of the invoices of a payment status (newest number first) and how many there are,
 * in one query: the status is computed from the invoices' credit notes and payments.
 */
export async function pageInvoicesByPaymentStatus(manager: SqlEntityManager, page: PaymentStatusPage): Promise<{ ids: string[]; count: number }> {
  if (page.kind === "credit_note") {
    return { ids: [], count: 0 }
  }
  const { where, bindings } = invoiceConditions(page)
  const [row] = await manager.execute<{ ids: string[] | null; count: number }[]>(
    `with s as (
       select x."id", x."number", x."total"::numeric + x."credit_note_total"::numeric - x."paid"::numeric as open, x."paid"::numeric as paid
         from (${settledInvoices(where)}) x
     ), matching as (select id, number from s where ${STATUS_CONDITION[page.payment_status]})
     select (select count(*)::int from matching) as count,
            (select json_agg(id order by number desc) from (select id, number from matching order by number desc limit ? offset ?) p) as ids`,
    [...bindings, page.limit, page.offset]
  )
  return { ids: row?.ids ?? [], count: row?.count ?? 0 }
}
