import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError, generateEntityId } from "@medusajs/framework/utils"
import type { InvoiceDraft } from "../types"
import { takeNumbers } from "./numbering"
import { judgeExposure } from "../../../domain/credit-exposure"
import { big, toAmount } from "../../../domain/money"
import { readOpenBalance } from "./account-balance"
import { insertDocument } from "./documents"

type LockedBalance = { key: string; quantity: number; invoiced_quantity: number }

function conflict(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

/**
 * Moves the balances the invoice takes, after locking them in key order (so concurrent
 * posters never deadlock) and checking they still are what the proposal saw.
 */
async function consumeOrderLines(manager: SqlEntityManager, draft: InvoiceDraft): Promise<void> {
  const changes = [...draft.balance.order_lines].sort((a, b) => a.source_id.localeCompare(b.source_id))
  await manager.execute(
    `insert into "invoicing_order_line" ("id", "order_id", "kind", "source_id", "quantity", "invoiced_quantity")
       select v.id, v.order_id, v.kind, v.source_id, v.quantity, 0
         from json_to_recordset(?::json) as v(id text, order_id text, kind text, source_id text, quantity int)
       on conflict do nothing`,
    [JSON.stringify(changes.map((c) => ({ ...c, id: generateEntityId(undefined, "ivol") })))]
  )
  const locked = await manager.execute<LockedBalance[]>(
    `select "source_id" as key, "quantity", "invoiced_quantity" from "invoicing_order_line"
       where "source_id" in (?) and "deleted_at" is null order by "source_id" for update`,
    [changes.map((c) => c.source_id)]
  )
  const byKey = new Map(locked.map((r) => [r.key, r]))
  for (const change of changes) {
    const row = byKey.get(change.source_id)
    if (!row || row.invoiced_quantity !== change.invoiced_before) {
      throw conflict(
        `${change.kind === "charge" ? "Charge" : "Order line"} ${change.source_id} of order ${change.order_id} was invoiced meanwhile ` +
          `(invoiced ${row?.invoiced_quantity ?? 0}, expected ${change.invoiced_before})`
      )
    }
  }
  await manager.execute(
    `update "invoicing_order_line" as l set "invoiced_quantity" = v.invoiced_after, "quantity" = v.quantity, "updated_at" = now()
       from json_to_recordset(?::json) as v(source_id text, quantity int, invoiced_after int)
       where l."source_id" = v.source_id and l."deleted_at" is null`,
    [JSON.stringify(changes)]
  )
}

async function consumePackingSlipLines(manager: SqlEntityManager, draft: InvoiceDraft): Promise<void> {
  const changes = [...draft.balance.packing_slip_lines].sort((a, b) => (a.id ?? "").localeCompare(b.id ?? ""))
  if (!changes.length) {
    return
  }
  if (changes.some((c) => !c.id)) {
    throw conflict("A packing slip of this invoice has no number yet")
  }
  const locked = await manager.execute<LockedBalance[]>(
    `select "id" as key, "quantity", "invoiced_quantity" from "invoicing_packing_slip_line"
       where "id" in (?) order by "id" for update`,
    [changes.map((c) => c.id)]
  )
  const byKey = new Map(locked.map((r) => [r.key, r]))
  for (const change of changes) {
    const row = byKey.get(change.id!)
    if (!row || row.invoiced_quantity !== change.invoiced_before) {
      throw conflict(`Packing slip line ${change.id} was invoiced meanwhile`)
    }
  }
  await manager.execute(
    `update "invoicing_packing_slip_line" as l set "invoiced_quantity" = v.invoiced_after, "updated_at" = now()
       from json_to_recordset(?::json) as v(id text, invoiced_after int) where l."id" = v.id`,
    [JSON.stringify(changes)]
  )
}

/**
 * The credit check again, under a lock per invoice account held until commit: invoices of
 * one account post one at a time, each seeing the open balance the others left.
 */
async function recheckCredit(manager: SqlEntityManager, draft: InvoiceDraft): Promise<void> {
  const credit = draft.credit_check
  if (credit.limit === null || credit.exposure === null) return
  await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`invoicing_credit:${draft.invoice_account_id}`])
  const open = await readOpenBalance(manager, draft.invoice_account_id, draft.currency_code)
  const judged = judgeExposure({
    mode: credit.mode,
    limit: credit.limit,
    before: toAmount(big(open).plus(credit.pipeline)),
    invoice_total: draft.totals.total,
    currency_code: draft.currency_code,
  })
  if (judged.blocked) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, judged.reason!)
  }
}

/**
 * Posts one invoice in the caller's transaction: consumes its quantities, takes its
 * number last (holding the series lock as briefly as possible) and writes it whole.
 */
export async function postInvoice(manager: SqlEntityManager, draft: InvoiceDraft): Promise<{ id: string; number: string }> {
  await recheckCredit(manager, draft)
  await consumeOrderLines(manager, draft)
  await consumePackingSlipLines(manager, draft)
  const [number] = await takeNumbers(manager, "invoice")
  const id = await insertDocument(
    manager,
    {
      kind: "invoice",
      number,
      invoice_date: draft.invoice_date,
      due_date: draft.due_date,
      currency_code: draft.currency_code,
      invoice_account_id: draft.invoice_account_id,
      bill_to: draft.bill_to,
      summary_update: draft.summary_update,
      quantity_mode: draft.quantity_mode,
      print_charges: draft.print_charges,
      packing_slip_number: draft.packing_slip_number,
      group_key: draft.group_key,
      idempotency_key: draft.idempotency_key,
      totals: draft.totals,
    },
    draft.lines,
    draft.charges
  )
  return { id, number }
}
