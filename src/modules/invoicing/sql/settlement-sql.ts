/** The sum of the totals (negative) of invoice `alias`'s credit notes, as numeric. */
export const creditNoteTotalOf = (alias: string) =>
  `(select coalesce(sum(n."total"), 0) from "invoicing_invoice" n where n."credited_invoice_id" = ${alias}."id" and n."deleted_at" is null)`

/** The sum of the payments of invoice `alias`, as numeric. */
export const paidOf = (alias: string) =>
  `(select coalesce(sum(p."amount"), 0) from "invoicing_payment" p where p."invoice_id" = ${alias}."id" and p."deleted_at" is null)`
