import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { newId } from "./ids"

export async function findStoredDocument(manager: SqlEntityManager, invoiceId: string, copy: number): Promise<string | null> {
  const [row] = await manager.execute<{ file_id: string }[]>(
    `select "file_id" from "invoicing_document" where "invoice_id" = ? and "copy" = ? and "deleted_at" is null`,
    [invoiceId, copy]
  )
  return row?.file_id ?? null
}

/**
 * Records a stored PDF unless one was recorded first (two renders racing): returns the file
 * that counts, so the loser can delete its own.
 */
export async function recordStoredDocument(manager: SqlEntityManager, invoiceId: string, copy: number, fileId: string): Promise<string> {
  await manager.execute(
    `insert into "invoicing_document" ("id", "invoice_id", "copy", "file_id") values (?, ?, ?, ?)
       on conflict ("invoice_id", "copy") where "deleted_at" is null do nothing`,
    [newId("ivdoc"), invoiceId, copy, fileId]
  )
  return (await findStoredDocument(manager, invoiceId, copy))!
}
