import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { type Settlement, settlement } from "../../../domain/settlement"
import { creditNoteTotalOf, paidOf } from "./settlement-sql"

export type InvoiceListFilters = {
  invoice_account_id?: string
  kind?: "invoice" | "credit_note"
  /** Matched against the number, anywhere in it. */
  q?: string
  /** Only the invoices with a line or a charge of this order. */
  order_id?: string
  /** Only these invoices. */
  ids?: string[]
}

/** A line's or charge's amounts, as exact decimal strings. */
type RowAmounts = { subtotal: string; discount_total: string; tax_total: string; total: string; tax_rate: string }

type DocumentFields = Record<string, any> & {
  id: string
  kind: "invoice" | "credit_note"
  invoice_account_id: string
  total: string
  lines: (Record<string, any> & RowAmounts & { id: string })[]
  charges: (Record<string, any> & RowAmounts & { id: string; name: string })[]
}

/**
 * A posted invoice or credit note with its lines and charges, as the routes show it: amounts as
 * exact decimal strings, and, for an invoice, what its credit notes and payments leave of it.
 */
export type InvoiceWithLines = DocumentFields & { settlement: Settlement | null }

/** The orders documents are read in: the admin lists newest number first, the store newest posting first. */
const ORDERS = {
  newest_number: [["number", "desc"]],
  oldest_number: [["number", "asc"]],
  newest_posted: [["posted_at", "desc"], ["number", "desc"]],
} as const

export type DocumentOrder = keyof typeof ORDERS

const orderBy = (alias: string, order: DocumentOrder) => ORDERS[order].map(([column, direction]) => `${alias}."${column}" ${direction}`).join(", ")

const AMOUNTS = ["subtotal", "discount_total", "tax_total", "total", "tax_rate"]
const asText = (alias: string, columns: string[]) => columns.map((c) => `${alias}."${c}"::text as "${c}"`).join(", ")

/**
 * What a reader reads of each document: everything, or only its header and settlement, when a
 * list shows nothing taken from lines and charges (a list asked for some fields only).
 */
export type DocumentParts = { lines: boolean }

/** The lines and the charges of document `i`, each as a JSON array in id order. */
const LINE_ROWS = `(select coalesce(json_agg(l order by l."id"), '[]') from (
              select l."id", l."order_id", l."order_display_id", l."line_item_id", l."packing_slip_id", l."packing_slip_number",
                     l."title", l."variant_sku", l."quantity", l."is_tax_inclusive", l."credited_line_id",
                     ${asText("l", ["unit_price", ...AMOUNTS])}
                from "invoicing_invoice_line" l where l."invoice_id" = i."id" and l."deleted_at" is null) l)`

const CHARGE_ROWS = `(select coalesce(json_agg(c order by c."id"), '[]') from (
              select c."id", c."order_id", c."order_display_id", c."shipping_method_id", c."name", c."credited_charge_id",
                     ${asText("c", AMOUNTS)}
                from "invoicing_invoice_charge" c where c."invoice_id" = i."id" and c."deleted_at" is null) c)`

/**
 * A page of documents, chosen first by their numbers (unique among the documents not deleted):
 * lines and charges are aggregated for its rows only, and the rows an offset skips are walked in
 * the number index alone, without reading the wide invoice rows.
 */
const pageOf = (where: string, order: DocumentOrder, paging: string) =>
  `"invoicing_invoice" i where i."deleted_at" is null and i."number" in (
     select i."number" from "invoicing_invoice" i where ${where} order by ${orderBy("i", order)} ${paging})`

/**
 * Invoices, their lines and charges and their settlement in one statement: a list page costs one
 * round trip instead of an ORM load of collections, which cost more CPU than the rest of the route.
 * Numeric columns travel as text, so nothing is rounded on the way. Without `parts.lines`, lines
 * and charges come back empty.
 */
const documentsSql = (where: string, order: DocumentOrder, paging = "", parts: DocumentParts = { lines: true }) => `
  select coalesce(json_agg(d order by ${orderBy("d", order)}), '[]') as documents from (
    select i."id", i."kind", i."number", i."invoice_date", i."due_date", i."posted_at", i."currency_code",
           i."invoice_account_id", i."bill_to", i."summary_update", i."group_key", i."quantity_mode", i."print_charges",
           i."packing_slip_number", i."credited_invoice_id", i."reason",
           ${asText("i", ["item_subtotal", "discount_total", "charges_total", "tax_total", "total"])},
           ${creditNoteTotalOf("i")}::text as credit_note_total, ${paidOf("i")}::text as paid,
           ${parts.lines ? LINE_ROWS : "'[]'::json"} as lines,
           ${parts.lines ? CHARGE_ROWS : "'[]'::json"} as charges
      from ${paging ? pageOf(where, order, paging) : `"invoicing_invoice" i where ${where}`}
  ) d`

/** The SQL condition (invoices aliased `i`) and its bindings for `filters`. */
export function invoiceConditions(filters: InvoiceListFilters): { where: string; bindings: unknown[] } {
  const where = [`i."deleted_at" is null`]
  const bindings: unknown[] = []
  if (filters.invoice_account_id) {
    where.push(`i."invoice_account_id" = ?`)
    bindings.push(filters.invoice_account_id)
  }
  if (filters.kind) {
    where.push(`i."kind" = ?`)
    bindings.push(filters.kind)
  }
  if (filters.q) {
    where.push(`i."number" ilike ?`)
    bindings.push(`%${filters.q}%`)
  }
  if (filters.order_id) {
    where.push(`i."id" in (select "invoice_id" from "invoicing_invoice_line" where "order_id" = ? and "deleted_at" is null
                          union select "invoice_id" from "invoicing_invoice_charge" where "order_id" = ? and "deleted_at" is null)`)
    bindings.push(filters.order_id, filters.order_id)
  }
  if (filters.ids) {
    where.push(filters.ids.length ? `i."id" in (?)` : "false")
    if (filters.ids.length) bindings.push(filters.ids)
  }
  return { where: where.join(" and "), bindings }
}

type DocumentRow = DocumentFields & { credit_note_total: string; paid: string }

function toInvoice({ credit_note_total, paid, ...row }: DocumentRow): InvoiceWithLines {
  return {
    ...row,
    // As the ORM gives it: a Date (JSON prints it to the millisecond).
    posted_at: new Date(row.posted_at),
    settlement: row.kind === "invoice" ? settlement(row.total, credit_note_total, paid) : null,
  }
}

/** The documents matching `filters`, all of them (callers pass ids), newest number first unless `order` says otherwise. */
export async function readInvoices(
  manager: SqlEntityManager,
  filters: InvoiceListFilters,
  order: DocumentOrder = "newest_number",
  parts?: DocumentParts
): Promise<InvoiceWithLines[]> {
  const { where, bindings } = invoiceConditions(filters)
  const [row] = await manager.execute<{ documents: DocumentRow[] }[]>(documentsSql(where, order, "", parts), bindings)
  return row.documents.map(toInvoice)
}

/** One page of the documents matching `filters`, newest number first unless `order` says otherwise, and how many match. */
export async function pageInvoices(
  manager: SqlEntityManager,
  filters: InvoiceListFilters,
  page: { limit: number; offset: number },
  order: DocumentOrder = "newest_number",
  parts?: DocumentParts
): Promise<{ invoices: InvoiceWithLines[]; count: number }> {
  const { where, bindings } = invoiceConditions(filters)
  const [row] = await manager.execute<{ documents: DocumentRow[]; count: number }[]>(
    `select (select count(*)::int from "invoicing_invoice" i where ${where}) as count,
            (${documentsSql(where, order, "limit ? offset ?", parts)}) as documents`,
    [...bindings, ...bindings, page.limit, page.offset]
  )
  return { invoices: row.documents.map(toInvoice), count: row.count }
}

export type InvoiceDetail = {
  invoice: InvoiceWithLines
  credit_notes: { id: string; number: string; invoice_date: string; total: string }[]
  payments: { id: string; amount: string; paid_at: string }[]
  /** The stored PDFs (copy 0: the original), oldest copy first. */
  stored_documents: { copy: number; created_at: Date }[]
}

/** A document with its credit notes, payments and stored PDFs, in one statement; null when there is none. */
export async function readInvoiceDetail(manager: SqlEntityManager, invoiceId: string): Promise<InvoiceDetail | null> {
  const { where, bindings } = invoiceConditions({ ids: [invoiceId] })
  const [row] = await manager.execute<any[]>(
    `select (${documentsSql(where, "newest_number")}) as documents,
            (select coalesce(json_agg(n order by n."number"), '[]') from (
               select n."id", n."number", n."invoice_date", n."total"::text as total from "invoicing_invoice" n
                where n."credited_invoice_id" = ? and n."deleted_at" is null) n) as credit_notes,
            (select coalesce(json_agg(p order by p."paid_at", p."id"), '[]') from (
               select p."id", p."amount"::text as amount, p."paid_at" from "invoicing_payment" p
                where p."invoice_id" = ? and p."deleted_at" is null) p) as payments,
            (select coalesce(json_agg(d order by d."copy"), '[]') from (
               select d."copy", d."created_at" from "invoicing_document" d
                where d."invoice_id" = ? and d."deleted_at" is null) d) as stored_documents`,
    [...bindings, invoiceId, invoiceId, invoiceId]
  )
  const [invoice] = (row.documents as DocumentRow[]).map(toInvoice)
  if (!invoice) return null
  return {
    invoice,
    credit_notes: row.credit_notes,
    payments: row.payments,
    stored_documents: row.stored_documents.map((d: { copy: number; created_at: string }) => ({ copy: d.copy, created_at: new Date(d.created_at) })),
  }
}
