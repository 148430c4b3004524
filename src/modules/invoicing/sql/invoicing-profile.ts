import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { newId } from "./ids"
import { MONEY_PRECISION } from "./rows"
import { type BilledTo, invoiceAccountCycle } from "../../../domain/invoice-account"

export type InvoicingProfileRow = {
  id: string
  customer_id: string
  invoice_account_id: string | null
  default_summary_update: "none" | "invoice_account" | "order" | "packing_slip"
  payment_terms_days: number | null
  email: string | null
  /** Print management overrides; null: the store's settings. */
  copies: number | null
  email_invoices: boolean | null
  /** A decimal string in credit_limit_currency_code; null: no limit. */
  credit_limit: string | null
  credit_limit_currency_code: string | null
  credit_check_mandatory: boolean
}

export type InvoicingProfileChanges = Partial<Omit<InvoicingProfileRow, "id" | "customer_id">>

const COLUMNS = `"id", "customer_id", "invoice_account_id", "default_summary_update", "payment_terms_days", "email", "copies",
  "email_invoices", "credit_limit"::text, "credit_limit_currency_code", "credit_check_mandatory"`

/** Chains are short; this bounds the walk should stored data ever loop. */
const MAX_CHAIN = 20

/** Who each customer of the chain starting at `from` is billed to, one query per link. */
async function billingChain(manager: SqlEntityManager, from: string): Promise<BilledTo> {
  const billedTo: BilledTo = new Map()
  let next: string | null = from
  for (let i = 0; next && !billedTo.has(next) && i < MAX_CHAIN; i++) {
    const [row] = await manager.execute<{ invoice_account_id: string | null }[]>(
      `select "invoice_account_id" from "invoicing_profile" where "customer_id" = ? and "deleted_at" is null`,
      [next]
    )
    billedTo.set(next, row?.invoice_account_id ?? null)
    next = row?.invoice_account_id ?? null
  }
  return billedTo
}

/**
 * Creates or updates a profile in the caller's transaction. A transaction-level advisory lock
 * serializes profile saves, so the cycle check sees every other save's result.
 */
export async function saveInvoicingProfile(
  manager: SqlEntityManager,
  customerId: string,
  changes: InvoicingProfileChanges
): Promise<{ previous: InvoicingProfileRow | null; saved: InvoicingProfileRow }> {
  await manager.execute(`select pg_advisory_xact_lock(hashtext('invoicing_profile.invoice_account_id'))`)
  const [previous] = await manager.execute<InvoicingProfileRow[]>(
    `select ${COLUMNS} from "invoicing_profile" where "customer_id" = ? and "deleted_at" is null`,
    [customerId]
  )
  // Billing a customer to itself is the default, stored as no invoice account.
  const accountId = changes.invoice_account_id === customerId ? null : changes.invoice_account_id
  if (accountId) {
    const cycle = invoiceAccountCycle(customerId, accountId, await billingChain(manager, accountId))
    if (cycle) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `invoice_account_id: billing ${customerId} to ${accountId} would form a cycle (${cycle.join(" → ")})`
      )
    }
  }
  const saved: InvoicingProfileRow = {
    id: previous?.id ?? newId("ivprof"),
    customer_id: customerId,
    invoice_account_id: accountId === undefined ? previous?.invoice_account_id ?? null : accountId,
    default_summary_update: changes.default_summary_update ?? previous?.default_summary_update ?? "none",
    payment_terms_days: changes.payment_terms_days === undefined ? previous?.payment_terms_days ?? null : changes.payment_terms_days,
    email: changes.email === undefined ? previous?.email ?? null : changes.email,
    copies: changes.copies === undefined ? previous?.copies ?? null : changes.copies,
    email_invoices: changes.email_invoices === undefined ? previous?.email_invoices ?? null : changes.email_invoices,
    credit_limit: changes.credit_limit === undefined ? previous?.credit_limit ?? null : changes.credit_limit,
    credit_limit_currency_code:
      changes.credit_limit_currency_code === undefined ? previous?.credit_limit_currency_code ?? null : changes.credit_limit_currency_code,
    credit_check_mandatory: changes.credit_check_mandatory ?? previous?.credit_check_mandatory ?? false,
  }
  if (saved.credit_limit !== null && !saved.credit_limit_currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "credit_limit_currency_code: a credit limit needs its currency")
  }
  await manager.execute(
    `insert into "invoicing_profile" ("id", "customer_id", "invoice_account_id", "default_summary_update", "payment_terms_days",
         "email", "copies", "email_invoices", "credit_limit", "raw_credit_limit", "credit_limit_currency_code", "credit_check_mandatory")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?)
       on conflict ("id") do update set "invoice_account_id" = excluded."invoice_account_id",
         "default_summary_update" = excluded."default_summary_update", "payment_terms_days" = excluded."payment_terms_days",
         "email" = excluded."email", "copies" = excluded."copies", "email_invoices" = excluded."email_invoices", "credit_limit" = excluded."credit_limit",
         "raw_credit_limit" = excluded."raw_credit_limit", "credit_limit_currency_code" = excluded."credit_limit_currency_code",
         "credit_check_mandatory" = excluded."credit_check_mandatory", "updated_at" = now()`,
    [
      saved.id,
      saved.customer_id,
      saved.invoice_account_id,
      saved.default_summary_update,
      saved.payment_terms_days,
      saved.email,
      saved.copies,
      saved.email_invoices,
      saved.credit_limit,
      saved.credit_limit === null ? null : JSON.stringify({ value: saved.credit_limit, precision: MONEY_PRECISION }),
      saved.credit_limit_currency_code,
      saved.credit_check_mandatory,
    ]
  )
  return { previous: previous ?? null, saved }
}
