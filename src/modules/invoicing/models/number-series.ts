import { model } from "@medusajs/framework/utils"

/**
 * One counter row per document series (invoice, credit note, packing slip).
 * Numbers are taken by locking this row inside the transaction that inserts the
 * document, so a rollback gives the number back: series stay gapless.
 * `first_value` is where the series starts: it is in use once next_value has moved past it.
 */
export const NumberSeries = model.define(
  { name: "NumberSeries", tableName: "invoicing_number_series" },
  {
    id: model.id({ prefix: "ivser" }).primaryKey(),
    code: model.text().unique(),
    prefix: model.text(),
    padding: model.number().default(6),
    next_value: model.number().default(1),
    first_value: model.number().default(1),
  }
)
