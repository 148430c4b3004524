import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The one settings row; absent until first saved, read as the defaults. */
const SETTINGS_ID = "ivset_store"

export type InvoicingSettingsRow = {
  seller: Record<string, unknown> | null
  copies: number
  store_documents: boolean
  email_invoices: boolean
}

export const DEFAULT_SETTINGS: InvoicingSettingsRow = { seller: null, copies: 0, store_documents: true, email_invoices: false }

export async function readSettings(manager: SqlEntityManager): Promise<InvoicingSettingsRow> {
  const [row] = await manager.execute<InvoicingSettingsRow[]>(
    `select "seller", "copies", "store_documents", "email_invoices" from "invoicing_settings" where "id" = ? and "deleted_at" is null`,
    [SETTINGS_ID]
  )
  return row ?? DEFAULT_SETTINGS
}

export async function saveSettings(manager: SqlEntityManager, changes: Partial<InvoicingSettingsRow>): Promise<InvoicingSettingsRow> {
  const saved = { ...(await readSettings(manager)), ...changes }
  await manager.execute(
    `insert into "invoicing_settings" ("id", "seller", "copies", "store_documents", "email_invoices") values (?, ?::jsonb, ?, ?, ?)
       on conflict ("id") do update set "seller" = excluded."seller", "copies" = excluded."copies",
         "store_documents" = excluded."store_documents", "email_invoices" = excluded."email_invoices", "updated_at" = now()`,
    [SETTINGS_ID, saved.seller === null ? null : JSON.stringify(saved.seller), saved.copies, saved.store_documents, saved.email_invoices]
  )
  return saved
}
