export * from "./number-packing-slips"
export * from "./post-invoices"
export * from "./propose-invoices"
