import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { type LinkFault, type LinkFinding, type SeriesCount, LINK_FAULTS } from "../../../domain/ledger-audit"
import { newId } from "./ids"
import { jsonIdArray, runBound } from "./rows"

/** The series whose documents are chained: those of posted invoices and credit notes. */
export const CHAINED_SERIES = ["invoice", "credit_note"] as const

/**
 * Appends just-written documents to their series' chain, in the order given (their number
 * order). Call it in the transaction that took their numbers: that holds the series lock.
 * The hashing happens in the database (invoicing_append_to_ledger), over the stored rows.
 */
export async function appendToLedger(manager: SqlEntityManager, seriesCode: string, documentIds: string[]): Promise<void> {
  if (!documentIds.length) return
  await runBound(
    manager,
    `select invoicing_append_to_ledger(?, ${jsonIdArray}, ${jsonIdArray})`,
    [seriesCode, JSON.stringify(documentIds), JSON.stringify(documentIds.map(() => newId("ledger")))]
  )
}

type FindingRow = { series_code: string; position: number | null; invoice_id: string; number: string | null } & Record<
  Exclude<LinkFault, "links_missing">,
  boolean
>

/**
 * Recomputes every link's hash from the stored documents and reports the links with a
 * fault, plus posted documents that have no link at all.
 */
async function readFindings(manager: SqlEntityManager): Promise<LinkFinding[]> {
  const rows = await manager.execute<FindingRow[]>(
    `with links as (
       select e."series_code", e."position", e."invoice_id", i."number",
         i."id" is null as "document_missing",
         i."id" is not null and e."hash" is distinct from invoicing_chain_hash(e."previous_hash", d."content") as "content_changed",
         e."previous_hash" is distinct from lag(e."hash") over w as "chain_broken",
         e."position" <> coalesce(lag(e."position") over w, 0) + 1 as "position_gap",
         false as "not_chained"
       from "invoicing_ledger_entry" e
       left join "invoicing_invoice" i on i."id" = e."invoice_id"
       left join invoicing_document_contents(array(select "invoice_id" from "invoicing_ledger_entry")) d on d."document_id" = e."invoice_id"
       window w as (partition by e."series_code" order by e."position")
     )
     select * from links where "document_missing" or "content_changed" or "chain_broken" or "position_gap"
     union all
     select i."series_code", null, i."id", i."number", false, false, false, false, true
       from "invoicing_invoice" i
       where not exists (select 1 from "invoicing_ledger_entry" e where e."invoice_id" = i."id")`
  )
  return rows.map((row) => ({
    series_code: row.series_code,
    position: row.position,
    invoice_id: row.invoice_id,
    number: row.number,
    faults: LINK_FAULTS.filter((fault) => row[fault]),
  }))
}

/** Per chained series: the numbers it gave out, the links its chain holds and the last link's hash. */
async function readSeriesCounts(manager: SqlEntityManager): Promise<SeriesCount[]> {
  const rows = await manager.execute<{ series_code: string; issued: number; links: string; head_hash: string | null }[]>(
    `select s."code" as "series_code", s."next_value" - s."first_value" as "issued",
       (select count(*) from "invoicing_ledger_entry" e where e."series_code" = s."code") as "links",
       (select e."hash" from "invoicing_ledger_entry" e where e."series_code" = s."code" order by e."position" desc limit 1) as "head_hash"
     from "invoicing_number_series" s
     where s."code" in (${CHAINED_SERIES.map(() => "?").join(", ")}) and s."deleted_at" is null
     order by array_position(array[${CHAINED_SERIES.map(() => "?").join(", ")}]::text[], s."code")`,
    [...CHAINED_SERIES, ...CHAINED_SERIES]
  )
  return rows.map((row) => ({ ...row, issued: Number(row.issued), links: Number(row.links) }))
}

export async function readLedgerAudit(manager: SqlEntityManager): Promise<{ counts: SeriesCount[]; findings: LinkFinding[] }> {
  return { counts: await readSeriesCounts(manager), findings: await readFindings(manager) }
}
