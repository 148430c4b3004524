/** The posting parameters of DESIGN §2: one object for the API, the admin dialog and batch schedules. */
export const QUANTITY_MODES = ["packing_slip", "all"] as const
export const SUMMARY_UPDATES = ["none", "invoice_account", "order", "packing_slip", "auto"] as const
export const MATCH_KEYS = ["region", "sales_channel", "billing_address"] as const
export const PRINT_CHARGES = ["summarize", "detail"] as const
export const CREDIT_CHECKS = ["none", "balance", "balance_packing_slip", "balance_all"] as const
export const PRINT_MODES = ["current", "after"] as const

export type QuantityMode = (typeof QUANTITY_MODES)[number]
export type SummaryUpdate = (typeof SUMMARY_UPDATES)[number]
export type MatchKey = (typeof MATCH_KEYS)[number]
export type PrintCharges = (typeof PRINT_CHARGES)[number]
export type CreditCheck = (typeof CREDIT_CHECKS)[number]

export type PostingParameters = {
  quantity: QuantityMode
  summary_update: SummaryUpdate
  match_keys: MatchKey[]
  /** Summary update "order": the order whose header its invoice account's invoice carries. */
  lead_order_id?: string
  posting: boolean
  print: { mode: (typeof PRINT_MODES)[number]; invoice: boolean; use_print_management: boolean }
  print_charges: PrintCharges
  credit_check: CreditCheck
  /** ISO date (YYYY-MM-DD); today when absent. */
  invoice_date?: string
}
