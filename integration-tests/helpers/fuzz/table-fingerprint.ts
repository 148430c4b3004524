// What the plugin's tables (and the Medusa order tables a route could touch) hold, in one statement: proof a refused request wrote nothing.

export type Fingerprint = Record<string, string>
/** The runner's dbConnection (knex): only raw SQL is used. */
type Db = { raw: (sql: string) => Promise<{ rows: any[] }> }

const WATCHED = `(table_name like 'invoicing\\_%' or table_name like 'order%' or table_name like 'fulfillment%' or table_name = 'notification')`

/** A reader of the fingerprint: per table, its row count and a hash of every row's text. */
export async function tableFingerprinter(db: Db): Promise<() => Promise<Fingerprint>> {
  const { rows } = await db.raw(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and ${WATCHED} order by table_name`
  )
  const tables: string[] = rows.map((r: any) => r.table_name)
  if (!tables.some((t) => t.startsWith("invoicing_"))) throw new Error("no invoicing_ tables found to watch")
  const sql = tables
    .map(
      (t) =>
        `select '${t}' as t, count(*) || ':' || coalesce(md5(string_agg(md5(x::text), ',' order by md5(x::text))), '') as h from "${t}" as x`
    )
    .join(" union all ")
  return async () => {
    const { rows: hashes } = await db.raw(sql)
    return Object.fromEntries(hashes.map((r: any) => [r.t, r.h]))
  }
}

/** The tables whose rows differ between two fingerprints, with their row counts before and after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t} (rows ${before[t]?.split(":")[0]} → ${after[t]?.split(":")[0]})`)
}
