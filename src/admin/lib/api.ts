import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** Shapes of the plugin's admin API (see the README); only what the pages read. */
export type PackingSlip = {
  id: string | null
  number: string | null
  shipped_at: string
  fulfillment_id: string
  lines: { line_item_id: string; quantity: number; invoiced_quantity: number }[]
}
export type OrderLine = { line_item_id: string; title: string; quantity: number; invoiced_quantity: number; unit_price: any; total: any }
export type InvoicingOrder = {
  id: string
  display_id: number | null
  currency_code: string
  customer_id: string | null
  invoice_account_id: string | null
  invoice_account_name?: string | null
  /** What invoicing the order's open quantity would total now, as posting prices it (orders list only). */
  uninvoiced_value?: number
  email: string | null
  billing_address: Record<string, any> | null
  lines: OrderLine[]
  packing_slips: PackingSlip[]
}
export type InvoiceLine = {
  id: string
  order_id: string
  order_display_id: number | null
  packing_slip_number: string | null
  title: string
  variant_sku: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_total: number
  tax_rate: number
  total: number
  credited_line_id?: string | null
}
export type Invoice = {
  id: string
  kind: "invoice" | "credit_note" | "pro_forma"
  status: string
  number: string | null
  invoice_date: string
  due_date: string | null
  currency_code: string
  invoice_account_id: string
  invoice_account_name?: string | null
  bill_to: { name?: string; email?: string; address_lines?: string[] } | null
  packing_slip_number: string | null
  credited_invoice_id: string | null
  reason: string | null
  item_subtotal: number
  discount_total: number
  charges_total: number
  tax_total: number
  total: number
  amount_credited: number
  amount_paid: number
  amount_open: number
  payment_status: "open" | "partially_paid" | "paid" | null
  orders: { id: string; display_id: number | null }[]
  packing_slips: { id: string; number: string }[]
  lines: InvoiceLine[]
  charge_lines: { name: string; tax_rate: number; subtotal: number; tax_total: number; total: number }[]
  credit_notes?: { id: string; number: string; invoice_date: string; total: number }[]
  payments?: { id: string; amount: number; paid_at: string }[]
  documents?: any[]
}
export type ProposedGroup = Invoice & {
  keys: Record<string, string>
  group_key?: string
  lead_order_id?: string | null
  kept_apart_by?: string | null
  credit_check?: { mode: string; limit: number | null; exposure: number; available: number | null; status: "ok" | "blocked"; reason: string | null }
}
export type Skipped = { order_id: string; display_id?: number | null; reason: string }
export type Proposal = { proposal_token: string; groups: ProposedGroup[]; skipped: Skipped[] }
export type PostResult = { invoices: Invoice[]; skipped: Skipped[] }
export type Parameters = {
  quantity: "packing_slip" | "all"
  summary_update: "none" | "packing_slip" | "invoice_account" | "order" | "auto"
  match_keys: ("region" | "sales_channel" | "billing_address")[]
  credit_check: "none" | "balance" | "balance_packing_slip" | "balance_all"
  lead_order_id?: string
  posting: boolean
  print_charges: "summarize" | "detail"
  invoice_date?: string
  print: { invoice: boolean; use_print_management: boolean; mode: "current" | "after" }
}
export type Schedule = {
  id: string
  name: string
  selection: Record<string, any>
  parameters: Partial<Parameters>
  recurrence: { unit: string; interval: number; starts_at: string; time_zone: string; end: any }
  enabled: boolean
  next_run_at: string | null
  runs_started: number
}
export type Run = {
  id: string
  schedule_id: string | null
  status: "queued" | "running" | "succeeded" | "partially_failed" | "failed"
  selected: number
  posted: number
  skipped: number
  progress: number
  started_at: string | null
  finished_at: string | null
  error: string | null
  groups?: any[]
  skipped_orders?: any[]
}
export type Settings = {
  seller: { name: string; address_lines: string[]; vat_number?: string | null; email?: string | null; phone?: string | null; logo_data_uri?: string | null; footer?: string | null } | null
  copies: number
  store_documents: boolean
  email_invoices: boolean
}
/** A gapless number series: its format can change only until its first number is issued (`used`). */
export type NumberSeries = {
  code: "invoice" | "credit_note" | "packing_slip"
  prefix: string
  padding: number
  next_value: number
  used: boolean
  example: string
}
export type Account = {
  invoicing_profile: {
    customer_id: string
    invoice_account_id: string
    billed_to: string
    default_summary_update: string
    payment_terms_days: number | null
    email: string | null
    copies: number | null
    email_invoices: boolean | null
    credit_limit: number | null
    credit_limit_currency_code: string | null
    credit_check_mandatory: boolean
  }
  balances: { currency_code: string; open_balance: number; overdue: number; exposure: Record<string, number> }[]
}

export const DEFAULT_PARAMETERS: Parameters = {
  quantity: "packing_slip",
  summary_update: "none",
  match_keys: [],
  credit_check: "none",
  posting: true,
  print_charges: "summarize",
  print: { invoice: false, use_print_management: false, mode: "current" },
}

/** The message of an SDK error (FetchError carries the API's message), for toasts and inline errors. */
export function errorMessage(error: unknown): string {
  if (!error) return ""
  const e = error as any
  return e.message || e.statusText || String(error)
}

export function money(amount: number | null | undefined, currency: string | null | undefined) {
  if (amount === null || amount === undefined) return "-"
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: (currency || "eur").toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${(currency || "").toUpperCase()}`
  }
}

/** An amount as typed into a field: the currency's decimals, no symbol or grouping ("185.90"). */
export function plainAmount(amount: number, currency: string | null | undefined) {
  try {
    const { maximumFractionDigits } = new Intl.NumberFormat("en-US", { style: "currency", currency: (currency || "eur").toUpperCase() }).resolvedOptions()
    return amount.toFixed(maximumFractionDigits ?? 2)
  } catch {
    return String(amount)
  }
}

export const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "-")

const clean = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "" && v !== null))

export function useInvoicingOrders(query: { status?: string; q?: string; customer_id?: string; limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: ["invoicing", "orders", query],
    queryFn: () => sdk.client.fetch<{ orders: InvoicingOrder[]; count: number }>("/admin/invoicing/orders", { query: clean(query) }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useInvoices(query: Record<string, unknown>, enabled = true) {
  return useQuery({
    queryKey: ["invoicing", "invoices", query],
    queryFn: () => sdk.client.fetch<{ invoices: Invoice[]; count: number }>("/admin/invoices", { query: clean(query) }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: ["invoicing", "invoice", id],
    queryFn: () => sdk.client.fetch<{
        invoice: Invoice
        credit_notes: { id: string; number: string; invoice_date: string; total: number }[]
        payments: { id: string; amount: number; paid_at: string }[]
        documents: { copy: number; stored_at: string }[]
      }>(`/admin/invoices/${id}`),
  })
}

export function useSchedules() {
  return useQuery({
    queryKey: ["invoicing", "schedules"],
    queryFn: () => sdk.client.fetch<{ schedules: Schedule[] }>("/admin/invoicing/schedules"),
  })
}

export function useRuns(query: { limit: number; offset: number; schedule_id?: string }) {
  return useQuery({
    queryKey: ["invoicing", "runs", query],
    queryFn: () => sdk.client.fetch<{ runs: Run[]; count: number }>("/admin/invoicing/runs", { query: clean(query) }),
    placeholderData: keepPreviousData,
    // A run in progress is polled until it ends.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 1000 : false),
  })
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: ["invoicing", "run", id],
    queryFn: () => sdk.client.fetch<{ run: Run }>(`/admin/invoicing/runs/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.run.status) ? 1000 : false),
  })
}

export function useSettings() {
  return useQuery({
    queryKey: ["invoicing", "settings"],
    queryFn: () => sdk.client.fetch<{ settings: Settings }>("/admin/invoicing/settings"),
  })
}

export function useNumberSeries() {
  return useQuery({
    queryKey: ["invoicing", "number-series"],
    queryFn: () => sdk.client.fetch<{ number_series: NumberSeries[] }>("/admin/invoicing/number-series"),
  })
}

/** The invoice account's name where the API gives it, else its customer id. */
export const invoiceAccountLabel = (row: { invoice_account_id: string | null; invoice_account_name?: string | null }) =>
  row.invoice_account_name || row.invoice_account_id || "-"

/** A customer's name as the merchant knows it: company, else first and last name, else e-mail. */
export function useCustomerName(id: string) {
  return useQuery({
    queryKey: ["invoicing", "customer-name", id],
    queryFn: () => sdk.admin.customer.retrieve(id, { fields: "id,company_name,first_name,last_name,email" }),
    select: ({ customer: c }) => c.company_name || [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email,
  })
}

export function useAccount(customerId: string) {
  return useQuery({
    queryKey: ["invoicing", "account", customerId],
    queryFn: () => sdk.client.fetch<Account>(`/admin/invoicing/accounts/${customerId}`),
  })
}

/** A POST to the plugin's API that refreshes every invoicing query when it succeeds. */
export function useInvoicingMutation<TBody, TResult>(path: string | ((body: TBody) => string), method = "POST") {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TBody) =>
      sdk.client.fetch<TResult>(typeof path === "function" ? path(body) : path, {
        method,
        ...(method === "DELETE" ? {} : { body: body as any }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["invoicing"] }),
  })
}

/**
 * Opens a PDF of the admin API (a session-authenticated download, GET or POST) in a new tab.
 * The tab opens at once, while the click still counts as the user's: a rendering can take longer
 * than a browser lets a page open pop-ups afterwards. Call it straight from the click handler.
 */
export async function openPdf(path: string, body?: unknown) {
  const tab = window.open("", "_blank")
  try {
    const response = (await sdk.client.fetch<any>(path, {
      headers: { accept: "application/pdf" },
      ...(body === undefined ? {} : { method: "POST", body: body as any }),
    })) as Response
    const url = URL.createObjectURL(await response.blob())
    if (tab) tab.location.href = url
    else window.open(url, "_blank")
  } catch (error) {
    tab?.close()
    throw error
  }
}

export function openSlips(order: InvoicingOrder) {
  return order.packing_slips.filter((s) => s.lines.some((l) => l.quantity > l.invoiced_quantity))
}

/** A POST whose error body matters (the 409 of a changed proposal carries `changes`): plain fetch with the session cookie. */
export async function postWithBody<T>(path: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; status: number; error: any }> {
  const base = ((typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "").replace(/\/$/, "")
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  })
  const json = await response.json().catch(() => ({ message: response.statusText }))
  return response.ok ? { ok: true, data: json as T } : { ok: false, status: response.status, error: json }
}
