// Direct database access for tests that check what the application cannot be made to do through its API.
type Transaction = { raw: (sql: string, bindings?: unknown[]) => Promise<any> }
type Database = { transaction: <T>(run: (trx: Transaction) => Promise<T>) => Promise<T> }

/** Turns the triggers off for the rest of the transaction, as a DBA with write access could. */
export const turnTriggersOff = (trx: Transaction) => trx.raw("set local session_replication_role = replica")

/** Changes posted rows behind the application's back: one statement, its own transaction, triggers off. */
export const asDba = (db: Database, sql: string, bindings: unknown[] = []) =>
  db.transaction(async (trx) => {
    await turnTriggersOff(trx)
    await trx.raw(sql, bindings)
  })

/**
 * The plan PostgreSQL picks for a query with sequential scans made the last resort, within the
 * caller's transaction: a plan that still scans a table has no index it can use there.
 */
export async function indexPlan(trx: Transaction, sql: string, bindings: unknown[]): Promise<string> {
  await trx.raw("set local enable_seqscan = off")
  const { rows } = await trx.raw(`explain ${sql}`, bindings)
  return rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n")
}
