import type { InvoicingOrder } from "./invoicing-order"
import type { MatchKey, SummaryUpdate } from "./posting-parameters"
import type { Allocation } from "./quantities"

/** A summary update as it groups: "auto" already replaced by the invoice account's default. */
export type GroupingMode = Exclude<SummaryUpdate, "auto">

/** What must be equal for two things to share an invoice: the invoice account and currency always, then the mode's keys. */
export type GroupKeyValues = {
  invoice_account_id: string
  currency_code: string
  region_id?: string | null
  sales_channel_id?: string | null
  billing_address?: string | null
  order_id?: string
  lead_order_id?: string
  packing_slip_fulfillment_id?: string | null
}

export type GroupKey = {
  key: string
  values: GroupKeyValues
  /** Order mode: the keys that kept this order off its lead order's invoice. */
  kept_apart_by?: ("currency" | MatchKey)[]
}

/** An address compared line by line, whatever its id, timestamps or letter case. */
export function billingAddressKey(address: Record<string, unknown> | null): string | null {
  if (!address) return null
  const fields = ["company", "first_name", "last_name", "address_1", "address_2", "city", "province", "postal_code", "country_code"]
  return fields.map((f) => String(address[f] ?? "").trim().toLowerCase()).join("|")
}

function matchValues(order: InvoicingOrder, matchKeys: readonly MatchKey[]): Partial<GroupKeyValues> {
  const values: Partial<GroupKeyValues> = {}
  if (matchKeys.includes("region")) values.region_id = order.region_id
  if (matchKeys.includes("sales_channel")) values.sales_channel_id = order.sales_channel_id
  if (matchKeys.includes("billing_address")) values.billing_address = billingAddressKey(order.billing_address)
  return values
}

const MATCH_FIELDS: Record<MatchKey, keyof GroupKeyValues> = {
  region: "region_id",
  sales_channel: "sales_channel_id",
  billing_address: "billing_address",
}

function toKey(values: GroupKeyValues): GroupKey {
  const key = Object.entries(values)
    .map(([name, value]) => `${name}=${value ?? ""}`)
    .join("|")
  return { key, values }
}

/**
 * The summary update: which invoice an allocated quantity goes onto. Equal keys share an
 * invoice. `lead` is the lead order of the order's invoice account (order mode only).
 */
export function summaryKey(
  order: InvoicingOrder,
  allocation: Allocation | null,
  mode: GroupingMode,
  matchKeys: readonly MatchKey[],
  lead?: InvoicingOrder
): GroupKey {
  const base: GroupKeyValues = { invoice_account_id: order.invoice_account_id ?? "", currency_code: order.currency_code }
  switch (mode) {
    case "none":
      return toKey({ ...base, order_id: order.id })
    case "packing_slip":
      return allocation?.packing_slip
        ? toKey({ ...base, packing_slip_fulfillment_id: allocation.packing_slip.fulfillment_id })
        : toKey({ ...base, order_id: order.id, packing_slip_fulfillment_id: null })
    case "invoice_account":
      return toKey({ ...base, ...matchValues(order, matchKeys) })
    case "order": {
      const leader = lead ?? order
      const keptApartBy: GroupKey["kept_apart_by"] = []
      if (leader.currency_code !== order.currency_code) keptApartBy.push("currency")
      const mine = matchValues(order, matchKeys)
      const theirs = matchValues(leader, matchKeys)
      for (const k of matchKeys) {
        if (mine[MATCH_FIELDS[k]] !== theirs[MATCH_FIELDS[k]]) keptApartBy.push(k)
      }
      if (!keptApartBy.length) return toKey({ ...base, ...mine, lead_order_id: leader.id })
      return { ...toKey({ ...base, ...mine, lead_order_id: order.id }), kept_apart_by: keptApartBy }
    }
  }
}
