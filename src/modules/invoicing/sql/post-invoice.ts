import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { newId } from "./ids"
import type { InvoiceDraft } from "../types"
import { takeNumbers } from "./numbering"
import { judgeExposure } from "../../../domain/credit-exposure"
import { big, toAmount } from "../../../domain/money"
import { readOpenBalances } from "./account-balance"
import { type NumberedDocument, insertDocuments } from "./documents"
import { anyOfJsonIds, runBound } from "./rows"

type LockedBalance = { key: string; invoiced_quantity: number }

/** What posting did with one draft: its invoice, or why it was refused (nothing of it was written). */
export type DraftOutcome = { invoice: { id: string; number: string } } | { refused: MedusaError }

function conflict(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

/** Drafts still to post, each with the reason it was refused once a check refuses it. */
type Pending = { draft: InvoiceDraft; refused?: MedusaError }

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The credit check again, under a lock per invoice account held until commit (taken in
 * account order, so concurrent posters never deadlock): each draft sees the open balance
 * other transactions left plus the drafts of its account accepted before it here.
 */
async function recheckCredit(manager: SqlEntityManager, pending: Pending[]): Promise<void> {
  const checked = pending.filter((p) => p.draft.credit_check.limit !== null && p.draft.credit_check.exposure !== null)
  if (!checked.length) return
  const accounts = [...new Set(checked.map((p) => p.draft.invoice_account_id))].sort(byKey)
  for (const account of accounts) {
    await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`invoicing_credit:${account}`])
  }
  const open = await readOpenBalances(manager, accounts)
  for (const p of checked) {
    const { draft } = p
    const key = `${draft.invoice_account_id}:${draft.currency_code}`
    const credit = draft.credit_check
    const judged = judgeExposure({
      mode: credit.mode,
      limit: credit.limit!,
      before: toAmount(big(open.get(key) ?? "0").plus(credit.pipeline)),
      invoice_total: draft.totals.total,
      currency_code: draft.currency_code,
    })
    if (judged.blocked) {
      p.refused = new MedusaError(MedusaError.Types.NOT_ALLOWED, judged.reason!)
    } else {
      open.set(key, toAmount(big(open.get(key) ?? "0").plus(draft.totals.total)))
    }
  }
}

/**
 * Locks the order line balances the drafts take, in key order (so concurrent posters never
 * deadlock), and refuses every draft whose balances moved since its proposal.
 */
async function lockOrderLines(manager: SqlEntityManager, pending: Pending[]): Promise<void> {
  const changes = pending.flatMap((p) => (p.refused ? [] : p.draft.balance.order_lines))
  if (!changes.length) return
  await runBound(
    manager,
    `insert into "invoicing_order_line" ("id", "order_id", "kind", "source_id", "quantity", "invoiced_quantity")
       select v.id, v.order_id, v.kind, v.source_id, v.quantity, 0
         from json_to_recordset(?::json) as v(id text, order_id text, kind text, source_id text, quantity int)
       order by v.source_id
       on conflict do nothing`,
    [JSON.stringify(changes.map((c) => ({ id: newId("ivol"), order_id: c.order_id, kind: c.kind, source_id: c.source_id, quantity: c.quantity })))]
  )
  const locked = await runBound<LockedBalance>(
    manager,
    `select "source_id" as key, "invoiced_quantity" from "invoicing_order_line"
       where "source_id" = ${anyOfJsonIds} and "deleted_at" is null order by "source_id" for update`,
    [JSON.stringify(changes.map((c) => c.source_id))]
  )
  refuseMoved(pending, new Map(locked.map((r) => [r.key, r.invoiced_quantity])), (p) => p.draft.balance.order_lines.map((change) => ({
    key: change.source_id,
    change,
    moved: (now) =>
      conflict(
        `${change.kind === "charge" ? "Charge" : "Order line"} ${change.source_id} of order ${change.order_id} was invoiced meanwhile ` +
          `(invoiced ${now ?? 0}, expected ${change.invoiced_before})`
      ),
  })))
}

type BalanceCheck = { key: string; change: { invoiced_before: number; invoiced_after: number }; moved: (now: number | undefined) => MedusaError }

/**
 * Refuses each draft whose balances are not what its proposal saw. An accepted draft's
 * quantities count for the drafts after it that take the same balance.
 */
function refuseMoved(pending: Pending[], invoiced: Map<string, number>, checksOf: (p: Pending) => BalanceCheck[]): void {
  for (const p of pending) {
    if (p.refused) continue
    const checks = checksOf(p)
    const moved = checks.find((c) => invoiced.get(c.key) !== c.change.invoiced_before)
    if (moved) {
      p.refused = moved.moved(invoiced.get(moved.key))
      continue
    }
    for (const c of checks) invoiced.set(c.key, c.change.invoiced_after)
  }
}

/** As lockOrderLines, for the shipped quantities of the packing slip lines. */
async function lockPackingSlipLines(manager: SqlEntityManager, pending: Pending[]): Promise<void> {
  for (const p of pending) {
    if (!p.refused && p.draft.balance.packing_slip_lines.some((c) => !c.id)) {
      p.refused = conflict("A packing slip of this invoice has no number yet")
    }
  }
  const changes = pending.flatMap((p) => (p.refused ? [] : p.draft.balance.packing_slip_lines))
  if (!changes.length) return
  const locked = await runBound<LockedBalance>(
    manager,
    `select "id" as key, "invoiced_quantity" from "invoicing_packing_slip_line"
       where "id" = ${anyOfJsonIds} order by "id" for update`,
    [JSON.stringify(changes.map((c) => c.id))]
  )
  refuseMoved(pending, new Map(locked.map((r) => [r.key, r.invoiced_quantity])), (p) =>
    p.draft.balance.packing_slip_lines.map((change) => ({
      key: change.id!,
      change,
      moved: () => conflict(`Packing slip line ${change.id} was invoiced meanwhile`),
    }))
  )
}

/** Moves the balances of the accepted drafts, one statement per table. */
async function consumeBalances(manager: SqlEntityManager, accepted: InvoiceDraft[]): Promise<void> {
  const orderLines = new Map(accepted.flatMap((d) => d.balance.order_lines).map((c) => [c.source_id, c]))
  const slipLines = new Map(accepted.flatMap((d) => d.balance.packing_slip_lines).map((c) => [c.id!, c]))
  if (orderLines.size) {
    await runBound(
      manager,
      `update "invoicing_order_line" as l set "invoiced_quantity" = v.invoiced_after, "quantity" = v.quantity, "updated_at" = now()
         from json_to_recordset(?::json) as v(source_id text, quantity int, invoiced_after int)
         where l."source_id" = v.source_id and l."deleted_at" is null`,
      [JSON.stringify([...orderLines.values()].map(({ source_id, quantity, invoiced_after }) => ({ source_id, quantity, invoiced_after })))]
    )
  }
  if (slipLines.size) {
    await runBound(
      manager,
      `update "invoicing_packing_slip_line" as l set "invoiced_quantity" = v.invoiced_after, "updated_at" = now()
         from json_to_recordset(?::json) as v(id text, invoiced_after int) where l."id" = v.id`,
      [JSON.stringify([...slipLines.values()].map(({ id, invoiced_after }) => ({ id, invoiced_after })))]
    )
  }
}

function toDocument(draft: InvoiceDraft, number: string): NumberedDocument {
  return {
    header: {
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
    lines: draft.lines,
    charges: draft.charges,
  }
}

/**
 * Posts invoices in the caller's transaction, a few statements whatever their number:
 * checks credit and locks the balances of all drafts first; a draft a check refuses is left
 * out whole; then the accepted ones consume their quantities, take their numbers last (in
 * draft order, holding the series lock as briefly as possible) and are written whole.
 */
export async function postInvoices(manager: SqlEntityManager, drafts: InvoiceDraft[]): Promise<DraftOutcome[]> {
  const pending: Pending[] = drafts.map((draft) => ({ draft }))
  await recheckCredit(manager, pending)
  await lockOrderLines(manager, pending)
  await lockPackingSlipLines(manager, pending)
  const accepted = pending.filter((p) => !p.refused).map((p) => p.draft)
  const invoices = new Map<InvoiceDraft, { id: string; number: string }>()
  if (accepted.length) {
    await consumeBalances(manager, accepted)
    const numbers = await takeNumbers(manager, "invoice", accepted.length)
    const ids = await insertDocuments(manager, accepted.map((d, i) => toDocument(d, numbers[i])))
    accepted.forEach((d, i) => invoices.set(d, { id: ids[i], number: numbers[i] }))
  }
  return pending.map((p) => (p.refused ? { refused: p.refused } : { invoice: invoices.get(p.draft)! }))
}

/** Posts one invoice in the caller's transaction, or throws why it cannot (writing nothing once the caller rolls back). */
export async function postInvoice(manager: SqlEntityManager, draft: InvoiceDraft): Promise<{ id: string; number: string }> {
  const [outcome] = await postInvoices(manager, [draft])
  if ("refused" in outcome) throw outcome.refused
  return outcome.invoice
}
