import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

export type AccountBalance = { invoice_account_id: string; currency_code: string; open_balance: string; overdue: string }

type OpenBalance = { invoice_account_id: string; currency_code: string; open_balance: string }

/** Posted invoices less credit notes (negative totals) less payments, per account and currency. */
function openBalances(manager: SqlEntityManager, accountIds: string[]): Promise<OpenBalance[]> {
  return manager.execute<OpenBalance[]>(
    `select "invoice_account_id", "currency_code", sum("amount")::text as open_balance
       from (select "invoice_account_id", "currency_code", "total" as amount from "invoicing_invoice"
              where "invoice_account_id" in (?) and "deleted_at" is null
             union all
             select "invoice_account_id", "currency_code", -"amount" from "invoicing_payment"
              where "invoice_account_id" in (?) and "deleted_at" is null) movements
       group by 1, 2`,
    [accountIds, accountIds]
  )
}

/** Open balances of accounts, keyed "account:currency", as the caller's transaction sees them. */
export async function readOpenBalances(manager: SqlEntityManager, accountIds: string[]): Promise<Map<string, string>> {
  const balances = await openBalances(manager, accountIds)
  return new Map(balances.map((b) => [`${b.invoice_account_id}:${b.currency_code}`, b.open_balance]))
}

/**
 * What is still open of invoices due before a date, per account and currency; bindings: account
 * ids three times, then the date. Every part filters on "deleted_at" is null, as the open balance
 * does, which is also what lets the planner use the partial account and invoice indexes.
 */
export const OVERDUE_SQL = `select i."invoice_account_id", i."currency_code",
         sum(greatest(i."total" + coalesce(cn.total, 0) - coalesce(p.paid, 0), 0))::text as overdue
    from "invoicing_invoice" i
    left join (select "credited_invoice_id", sum("total") as total from "invoicing_invoice"
                where "kind" = 'credit_note' and "invoice_account_id" in (?) and "deleted_at" is null group by 1) cn
           on cn."credited_invoice_id" = i."id"
    left join (select "invoice_id", sum("amount") as paid from "invoicing_payment"
                where "invoice_account_id" in (?) and "deleted_at" is null group by 1) p on p."invoice_id" = i."id"
   where i."kind" = 'invoice' and i."invoice_account_id" in (?) and i."deleted_at" is null and i."due_date" < ?::date
   group by 1, 2`

/**
 * What invoice accounts owe, per currency, in two queries whatever their number: the open
 * balance (posted invoices less credit notes less payments) and the overdue part (what is
 * still open of invoices whose due date is before `today`).
 */
export async function readAccountBalances(manager: SqlEntityManager, accountIds: string[], today: string): Promise<AccountBalance[]> {
  if (!accountIds.length) return []
  const [open, overdue] = await Promise.all([
    openBalances(manager, accountIds),
    manager.execute<{ invoice_account_id: string; currency_code: string; overdue: string }[]>(OVERDUE_SQL, [
      accountIds,
      accountIds,
      accountIds,
      today,
    ]),
  ])
  const overdueOf = new Map(overdue.map((o) => [`${o.invoice_account_id}:${o.currency_code}`, o.overdue]))
  return open.map((o) => ({ ...o, overdue: overdueOf.get(`${o.invoice_account_id}:${o.currency_code}`) ?? "0" }))
}
