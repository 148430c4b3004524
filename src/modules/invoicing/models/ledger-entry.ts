import { model } from "@medusajs/framework/utils"

/**
 * One link of a series' tamper-evident chain: the SHA-256 of a posted invoice's or credit
 * note's canonical content, chained to the previous link of its series. Written in the
 * posting transaction, never changed (the database refuses updates and deletes).
 */
export const LedgerEntry = model
  .define(
    { name: "LedgerEntry", tableName: "invoicing_ledger_entry" },
    {
      id: model.id({ prefix: "ledger" }).primaryKey(),
      series_code: model.text(),
      /** 1, 2, 3 … within the series, in number order. */
      position: model.number(),
      invoice_id: model.text().unique(),
      /** The hash of the link before; null on a series' first link. */
      previous_hash: model.text().nullable(),
      hash: model.text(),
    }
  )
  .indexes([{ on: ["series_code", "position"], unique: true }])
