// The floor of posting: plain SQL, on one connection, in one transaction, that reads exactly
// the rows posting needs for a set of orders and bulk-inserts exactly the rows posting wrote
// for them (captured from a database where the plugin posted them), one statement per table.
// No ORM, no workflow, no computation: what posting could not go below on this database.
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..")
const { Client } = require(require.resolve("pg", { paths: [ROOT] }))

/** What posting reads, per order set ($1: the order ids), the current order version only. */
const READS = [
  `select o.* from "order" o where o.id = any($1)`,
  `select a.* from "order_address" a join "order" o on o.billing_address_id = a.id where o.id = any($1)`,
  `select i.* from "order_item" i join "order" o on o.id = i.order_id and o.version = i.version where o.id = any($1) and i.deleted_at is null`,
  `select l.* from "order_line_item" l join "order_item" i on i.item_id = l.id join "order" o on o.id = i.order_id and o.version = i.version where o.id = any($1)`,
  `select t.* from "order_line_item_tax_line" t join "order_item" i on i.item_id = t.item_id join "order" o on o.id = i.order_id and o.version = i.version where o.id = any($1)`,
  `select a.* from "order_line_item_adjustment" a join "order_item" i on i.item_id = a.item_id join "order" o on o.id = i.order_id and o.version = i.version where o.id = any($1)`,
  `select m.* from "order_shipping_method" m join "order_shipping" s on s.shipping_method_id = m.id join "order" o on o.id = s.order_id and o.version = s.version where o.id = any($1)`,
  `select t.* from "order_shipping_method_tax_line" t join "order_shipping" s on s.shipping_method_id = t.shipping_method_id join "order" o on o.id = s.order_id and o.version = s.version where o.id = any($1)`,
  `select a.* from "order_shipping_method_adjustment" a join "order_shipping" s on s.shipping_method_id = a.shipping_method_id join "order" o on o.id = s.order_id and o.version = s.version where o.id = any($1)`,
  `select f.* from "fulfillment" f join "order_fulfillment" of on of.fulfillment_id = f.id where of.order_id = any($1)`,
  `select fi.* from "fulfillment_item" fi join "order_fulfillment" of on of.fulfillment_id = fi.fulfillment_id where of.order_id = any($1)`,
  `select v.* from "product_variant_inventory_item" v where v.variant_id in (select l.variant_id from "order_line_item" l join "order_item" i on i.item_id = l.id where i.order_id = any($1))`,
  `select c.* from "customer" c where c.id in (select customer_id from "order" where id = any($1))`,
  `select p.* from "invoicing_profile" p where p.customer_id in (select customer_id from "order" where id = any($1))`,
  `select c.* from "currency" c where c.code in (select currency_code from "order" where id = any($1))`,
  `select b.* from "invoicing_order_line" b where b.order_id = any($1)`,
  `select s.* from "invoicing_packing_slip" s where s.order_id = any($1)`,
]

/** The invoices posted for the orders ($1). */
const POSTED_INVOICES = `select invoice_id from invoicing_invoice_line where order_id = any($1)`
const OF_POSTED_INVOICES = `invoice_id in (${POSTED_INVOICES})`

/**
 * The tables posting writes, in insert order: how to find its rows for the orders ($1), and
 * what to do with a row that is there already (packing slips numbered when they shipped:
 * posting only moves their invoiced quantities).
 */
const WRITES = [
  ["invoicing_packing_slip", `order_id = any($1)`, "do nothing"],
  ["invoicing_packing_slip_line", `packing_slip_id in (select id from invoicing_packing_slip where order_id = any($1))`, "do update set invoiced_quantity = excluded.invoiced_quantity"],
  ["invoicing_order_line", `order_id = any($1)`, "do nothing"],
  ["invoicing_invoice", `id in (${POSTED_INVOICES})`, "do nothing"],
  ["invoicing_invoice_line", OF_POSTED_INVOICES, "do nothing"],
  ["invoicing_invoice_charge", OF_POSTED_INVOICES, "do nothing"],
  // Posting appends each invoice to the tamper-evident ledger; the floor inserts the entries as captured.
  ["invoicing_ledger_entry", OF_POSTED_INVOICES, "do nothing"],
]

async function connect(url) {
  const client = new Client({ connectionString: url })
  await client.connect()
  return client
}

/** The rows posting wrote for the orders, table by table, as JSON text (read from `postedUrl`). */
async function capturePosting(postedUrl, orderIds) {
  const client = await connect(postedUrl)
  try {
    const captured = []
    for (const [table, where, onConflict] of WRITES) {
      const { rows } = await client.query(`select coalesce(json_agg(t), '[]')::text as rows, count(*)::int as n from "${table}" t where ${where}`, [orderIds])
      captured.push({ table, onConflict, json: rows[0].rows, count: rows[0].n })
    }
    const { rows: series } = await client.query(`select code, next_value from invoicing_number_series`)
    return { tables: captured, series }
  } finally {
    await client.end()
  }
}

/**
 * Times the floor on `freshUrl` (a copy of the database before posting): the reads, then the
 * captured rows inserted in bulk and the series moved on, in one transaction. Seconds and rows.
 */
async function measureFloor({ postedUrl, freshUrl, orderIds }) {
  const captured = await capturePosting(postedUrl, orderIds)
  const client = await connect(freshUrl)
  try {
    const start = process.hrtime.bigint()
    await client.query("begin")
    let rowsRead = 0
    for (const sql of READS) rowsRead += (await client.query(sql, [orderIds])).rowCount
    await client.query(`select * from invoicing_number_series for update`)
    for (const { table, onConflict, json } of captured.tables) {
      await client.query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json) on conflict (id) ${onConflict}`, [json])
    }
    for (const s of captured.series) {
      await client.query(`update invoicing_number_series set next_value = $2 where code = $1`, [s.code, s.next_value])
    }
    await client.query("commit")
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    return { seconds, rows_read: rowsRead, rows_written: captured.tables.reduce((n, t) => n + t.count, 0) }
  } finally {
    await client.end()
  }
}

module.exports = { measureFloor }
