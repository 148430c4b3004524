import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/** Inserts many rows in one statement: the rows travel as one JSON parameter. */
export async function insertRows(manager: SqlEntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) {
    return
  }
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(", ")
  await manager.execute(
    `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json)`,
    [JSON.stringify(rows)]
  )
}

/** A Medusa bigNumber column pair: the numeric value and its raw form. */
export function money(name: string, value: string): Record<string, unknown> {
  return { [name]: value, [`raw_${name}`]: { value, precision: 20 } }
}
