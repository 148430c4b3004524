// What must hold in the books after the load, read straight from the database:
//   - the invoicing rules of DESIGN §3 (scripts/invoicing-invariants.js): no order line invoiced
//     beyond its ordered quantity, no packing slip line beyond its shipped quantity, the plugin's
//     balances equal to its documents, every number series gapless, totals that add up;
//   - what the admins asked for happened: every order someone selected is invoiced in full (against
//     Medusa's own fulfillment tables), no other order is, and the database holds exactly the
//     invoices the posting answers named.
const { invariants } = require("../invoicing-invariants")

/**
 * Per order line: the quantity shipped on Medusa's shipped fulfillments and the quantity invoiced,
 * net of credit notes (their lines are negative).
 */
const SHIPPED_AND_INVOICED = `
  with shipped as (
    select o.order_id, fi.line_item_id, sum(fi.quantity) as quantity
      from order_fulfillment o
      join fulfillment f on f.id = o.fulfillment_id and f.shipped_at is not null and f.canceled_at is null and f.deleted_at is null
      join fulfillment_item fi on fi.fulfillment_id = f.id and fi.deleted_at is null
     where o.deleted_at is null
     group by 1, 2
  ), invoiced as (
    select order_id, line_item_id, sum(quantity) as quantity from invoicing_invoice_line where deleted_at is null group by 1, 2
  )
  select order_id, bool_and(coalesce(i.quantity, 0) = s.quantity) as in_full, coalesce(sum(i.quantity), 0)::int as invoiced
    from shipped s full join invoiced i using (order_id, line_item_id)
   group by order_id`

/**
 * Every order someone selected is invoiced in full, or not at all when each answer that selected it
 * skipped it (its group collided: the group fails alone, DESIGN §3.6); never in part. No other order
 * is invoiced, and the database holds exactly the invoices the answers named.
 */
async function checkOutcome(c, db, { pool, answers }) {
  const rows = await db(SHIPPED_AND_INVOICED)
  const skippedWherever = (id) =>
    answers.filter((a) => a.order_ids.includes(id)).every((a) => a.status === 409 || a.skipped?.some((s) => s.order_id === id))
  const selected = rows.filter((r) => pool.timesPicked(r.order_id) > 0)
  const wrong = selected.filter((r) => !r.in_full && (r.invoiced !== 0 || !skippedWherever(r.order_id)))
  const leftOut = selected.filter((r) => r.invoiced === 0).length
  const unselectedInvoiced = rows.filter((r) => pool.timesPicked(r.order_id) === 0 && r.invoiced !== 0)
  c.check(
    selected.length > 0 && wrong.length === 0,
    "every order an admin selected is invoiced in full, or not at all when every answer skipped it; never in part",
    `${selected.length} orders selected, ${selected.length - leftOut} in full, ${leftOut} skipped wherever selected, ${wrong.length} otherwise` +
      (wrong.length ? `: ${wrong.slice(0, 5).map((r) => r.order_id).join(", ")}` : "")
  )
  c.check(unselectedInvoiced.length === 0, "no order invoiced that no admin selected", `${unselectedInvoiced.length}`)

  const answered = new Set(answers.flatMap((a) => a.invoices ?? []).map((i) => i.id))
  const stored = (await db(`select id from invoicing_invoice where kind = 'invoice' and deleted_at is null`)).map((r) => r.id)
  const unnamed = stored.filter((id) => !answered.has(id))
  c.check(
    unnamed.length === 0 && stored.length === answered.size,
    "the database holds exactly the invoices the posting answers named",
    `${stored.length} stored, ${answered.size} named, ${unnamed.length} stored but never named`
  )
}

async function checkLedger(c, db, traffic) {
  for (const rule of await invariants(db)) c.check(rule.ok, rule.label, rule.detail)
  await checkOutcome(c, db, traffic)
}

module.exports = { checkLedger }
