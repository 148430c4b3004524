// The invoicing rules that must hold in the database whatever happened to the process that posted
// (DESIGN §3): read straight from the tables, so a crash or a dropped connection cannot hide a
// half-written posting behind the API. Each function takes `db(text, params)` → rows.

/** Documents carrying each series' numbers (a deleted packing slip still used its number). */
const SERIES_DOCUMENTS = `
  select series_code as code, number from invoicing_invoice
  union all
  select 'packing_slip', number from invoicing_packing_slip`

/**
 * The rules that hold at every moment, also right after a crash: one { label, ok, detail } each.
 * Whatever was committed is whole; whatever was not left no trace (no number taken, no balance moved).
 */
async function invariants(db) {
  const [docs] = await db(`
    with line_sums as (
      select invoice_id, count(*) as lines, sum(subtotal) as subtotal, sum(discount_total) as discount,
             sum(tax_total) as tax, sum(total) as total
        from invoicing_invoice_line group by invoice_id
    ), charge_sums as (
      select invoice_id, sum(total - tax_total) as net, sum(tax_total) as tax, sum(total) as total
        from invoicing_invoice_charge group by invoice_id
    )
    select count(*)::int as invoices,
           count(*) filter (where l.lines is null)::int as without_lines,
           count(*) filter (where i.item_subtotal <> coalesce(l.subtotal, 0)
                              or i.discount_total <> coalesce(l.discount, 0)
                              or i.charges_total <> coalesce(c.net, 0)
                              or i.tax_total <> coalesce(l.tax, 0) + coalesce(c.tax, 0)
                              or i.total <> coalesce(l.total, 0) + coalesce(c.total, 0))::int as totals_off,
           (select count(*) from invoicing_invoice_line l where not exists (select 1 from invoicing_invoice i where i.id = l.invoice_id))::int
             + (select count(*) from invoicing_invoice_charge c where not exists (select 1 from invoicing_invoice i where i.id = c.invoice_id))::int
             as orphans
      from invoicing_invoice i
      left join line_sums l on l.invoice_id = i.id
      left join charge_sums c on c.invoice_id = i.id`)

  const series = await db(`
    with documents as (${SERIES_DOCUMENTS}),
    issued as (
      select s.code, case when length(v::text) >= s.padding then v::text else lpad(v::text, s.padding, '0') end as digits, s.prefix
        from invoicing_number_series s, generate_series(s.first_value, s.next_value - 1) v
       where s.deleted_at is null
    )
    select s.code, s.next_value - s.first_value as issued,
           (select count(*) from documents d where d.code = s.code)::int as documents,
           (select count(*) from (select number from documents d where d.code = s.code group by number having count(*) > 1) x)::int as duplicates,
           (select count(*) from issued n where n.code = s.code
                and not exists (select 1 from documents d where d.code = n.code and d.number = n.prefix || n.digits))::int as missing
      from invoicing_number_series s where s.deleted_at is null order by s.code`)

  const [orderLines] = await db(`
    with invoiced as (
      select line_item_id as source_id, sum(quantity) as quantity from invoicing_invoice_line group by 1
      union all
      select shipping_method_id, count(*) from invoicing_invoice_charge group by 1
    ), ordered as (
      select oi.item_id, oi.quantity from order_item oi join "order" o on o.id = oi.order_id and o.version = oi.version
       where oi.deleted_at is null
    )
    select count(*) filter (where b.invoiced_quantity > b.quantity)::int as beyond_balance,
           count(*) filter (where coalesce(b.invoiced_quantity, 0) <> coalesce(i.quantity, 0))::int as balance_not_documents,
           (select count(*) from (select line_item_id, sum(quantity) as q from invoicing_invoice_line group by 1) l
              join ordered o on o.item_id = l.line_item_id where l.q > o.quantity)::int as beyond_ordered
      from invoicing_order_line b full join invoiced i on i.source_id = b.source_id`)

  const [slipLines] = await db(`
    with invoiced as (
      select packing_slip_id, line_item_id, sum(quantity) as quantity
        from invoicing_invoice_line where packing_slip_id is not null group by 1, 2
    ), shipped as (
      select fi.fulfillment_id, fi.line_item_id, sum(fi.quantity) as quantity
        from fulfillment_item fi where fi.deleted_at is null group by 1, 2
    )
    select count(*) filter (where l.invoiced_quantity > l.quantity)::int as beyond_slip,
           count(*) filter (where coalesce(l.invoiced_quantity, 0) <> coalesce(i.quantity, 0))::int as balance_not_documents,
           count(*) filter (where l.quantity <> s.quantity or s.quantity is null)::int as slip_not_shipment,
           (select count(*) from invoicing_packing_slip ps where not exists (
              select 1 from invoicing_packing_slip_line l where l.packing_slip_id = ps.id))::int as slips_without_lines
      from invoicing_packing_slip_line l
      join invoicing_packing_slip ps on ps.id = l.packing_slip_id
      full join invoiced i on i.packing_slip_id = l.packing_slip_id and i.line_item_id = l.line_item_id
      left join shipped s on s.fulfillment_id = ps.fulfillment_id and s.line_item_id = l.line_item_id`)

  // The tamper-evident ledger (README "Tamper-evident ledger"): every committed document is chained, every link recomputes.
  const [ledger] = await db(`
    with links as (
      select e.invoice_id, e.hash = invoicing_chain_hash(e.previous_hash, invoicing_document_content(e.invoice_id)) as intact,
             e.previous_hash is not distinct from lag(e.hash) over w and e.position = coalesce(lag(e.position) over w, 0) + 1 as linked
        from invoicing_ledger_entry e window w as (partition by e.series_code order by e.position)
    )
    select count(*)::int as links, count(*) filter (where not intact or not linked)::int as broken,
           (select count(*) from invoicing_invoice i where not exists (select 1 from links l where l.invoice_id = i.id))::int as unchained,
           (select count(*) from links l where not exists (select 1 from invoicing_invoice i where i.id = l.invoice_id))::int as dangling
      from links`)

  const seriesDetail = series.map((s) => `${s.code} ${s.issued} issued, ${s.documents} documents, ${s.duplicates} dup, ${s.missing} missing`).join("; ")
  return [
    {
      label: "every invoice is whole: it has lines, and its lines and charges add up to its header totals",
      ok: docs.without_lines + docs.totals_off + docs.orphans === 0,
      detail: `${docs.invoices} invoices, ${docs.without_lines} without lines, ${docs.totals_off} totals off, ${docs.orphans} orphan lines/charges`,
    },
    {
      label: "each number series is gapless and unique: every number issued is on exactly one document",
      ok: series.length > 0 && series.every((s) => s.issued === s.documents && s.duplicates + s.missing === 0),
      detail: seriesDetail,
    },
    {
      label: "no order line invoiced beyond its ordered quantity, and its balance matches the invoices",
      ok: orderLines.beyond_balance + orderLines.balance_not_documents + orderLines.beyond_ordered === 0,
      detail: `${orderLines.beyond_balance} beyond balance, ${orderLines.beyond_ordered} beyond ordered, ${orderLines.balance_not_documents} balances off`,
    },
    {
      label: "no packing slip line invoiced beyond its shipped quantity, and its balance matches the invoices",
      ok: slipLines.beyond_slip + slipLines.balance_not_documents + slipLines.slip_not_shipment + slipLines.slips_without_lines === 0,
      detail:
        `${slipLines.beyond_slip} beyond shipped, ${slipLines.balance_not_documents} balances off, ` +
        `${slipLines.slip_not_shipment} not as shipped, ${slipLines.slips_without_lines} slips without lines`,
    },
    {
      label: "every invoice and credit note is chained in its series' ledger, and every link's hash recomputes",
      ok: ledger.broken + ledger.unchained + ledger.dangling === 0,
      detail: `${ledger.links} links, ${ledger.broken} broken, ${ledger.unchained} documents unchained, ${ledger.dangling} links to nothing`,
    },
  ]
}

/** Per order line: the quantity shipped (CTE `shipped`) and the quantity on invoices (CTE `invoiced`). */
const SHIPPED_AND_INVOICED = `
    with shipped as (
      select fi.line_item_id, sum(fi.quantity) as quantity
        from order_fulfillment o
        join fulfillment f on f.id = o.fulfillment_id and f.shipped_at is not null and f.canceled_at is null and f.deleted_at is null
        join fulfillment_item fi on fi.fulfillment_id = f.id and fi.deleted_at is null
       where o.deleted_at is null
       group by fi.line_item_id
    ), invoiced as (
      select l.line_item_id, sum(l.quantity) as quantity
        from invoicing_invoice_line l join invoicing_invoice i on i.id = l.invoice_id and i.kind = 'invoice'
       group by l.line_item_id
    )`

/** Once everything was posted: every shipped line invoiced exactly its shipped quantity, every shipment on a packing slip. */
async function everythingShippedInvoicedOnce(db) {
  const [row] = await db(`
    ${SHIPPED_AND_INVOICED}
    select count(*) filter (where s.quantity = i.quantity)::int as exact,
           count(*) filter (where i.quantity is distinct from s.quantity)::int as off,
           (select count(*) from invoicing_packing_slip_line where invoiced_quantity <> quantity)::int as slip_lines_open,
           (select count(*) from fulfillment f where f.shipped_at is not null and f.canceled_at is null and f.deleted_at is null
               and not exists (select 1 from invoicing_packing_slip ps where ps.fulfillment_id = f.id))::int as shipments_without_slip
      from shipped s full join invoiced i using (line_item_id)`)
  return {
    label: "every shipped line is invoiced exactly once: invoiced quantity = shipped quantity, per line and per packing slip line",
    ok: row.exact > 0 && row.off + row.slip_lines_open + row.shipments_without_slip === 0,
    detail: `${row.exact} lines exact, ${row.off} off, ${row.slip_lines_open} packing slip lines open, ${row.shipments_without_slip} shipments without packing slip`,
  }
}

/** What each order was invoiced (lines and charges), to compare a run that was interrupted with one that was not. */
async function invoicedPerOrder(db) {
  const rows = await db(`
    select order_id, sum(total)::text as total, sum(quantity)::int as quantity from (
      select order_id, total, quantity from invoicing_invoice_line
      union all
      select order_id, total, 0 from invoicing_invoice_charge
    ) x group by order_id`)
  return new Map(rows.map((r) => [r.order_id, `${r.quantity} units, ${r.total}`]))
}

/** Counts for progress tables. */
async function documentCounts(db) {
  const [row] = await db(`
    select (select count(*) from invoicing_invoice where kind = 'invoice')::int as invoices,
           (select count(*) from invoicing_packing_slip)::int as packing_slips`)
  return row
}

module.exports = { SHIPPED_AND_INVOICED, invariants, everythingShippedInvoicedOnce, invoicedPerOrder, documentCounts }
