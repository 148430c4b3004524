// What each route accepts, described independently of the product's validators: the fuzzer breaks these promises.
import fc from "fast-check"
import { type Field, type Fields, nullable, required } from "./fields"

/** Ids of real things in the fuzzed store, so requests hit existing documents as well as unknown ones. */
export type Known = {
  /** Posted invoices billed to customer A (anna) and to customer B (ben). */
  annaInvoiceIds: string[]
  benInvoiceIds: string[]
  invoiceLineIds: string[]
  orderIds: string[]
  customerIds: string[]
  packingSlipIds: string[]
  scheduleIds: string[]
  runIds: string[]
  seriesCodes: string[]
  /** Valid signed download links' tokens. */
  documentTokens: string[]
}

/** Who calls: the admin API takes an admin; the store API a logged-in customer; a signed link needs nobody. */
export type Audience = "admin" | "customer" | "link"
/** The customers the store routes are called as: A (anna) and B (ben). */
export type Customer = "anna" | "ben"

export type RouteFuzz = {
  audience: Audience
  /** The real values of each path parameter, as seen by the caller (a customer's own documents). */
  params?: Record<string, (k: Known, customer: Customer) => string[]>
  /** The query the route validates; null: the route reads no query. */
  query: Fields | null
  /** The body the route validates, and a valid one; null: the route reads no body. GET and DELETE routes leave it out. */
  body?: { fields: Fields; valid: (k: Known) => fc.Arbitrary<Record<string, unknown>> } | null
}

const str = (min: number, max?: number): Field => ({ kind: "string", min, max })
const text = (max: number): Field => ({ kind: "string", min: 1, max, trim: true })
const int = (min: number, max?: number): Field => ({ kind: "int", min, max })
const oneOf = (example: string): Field => ({ kind: "enum", example })
const bool: Field = { kind: "bool" }
const id = str(1, 100)
const object = (fields: Fields): Field => ({ kind: "object", fields })
const list = (of: Field, opts: { min?: number; max?: number; unique?: boolean } = {}): Field => ({ kind: "array", of, ...opts })
const page = (max: number): Fields => ({ limit: int(1, max), offset: int(0) })

const postingParameters = object({
  quantity: oneOf("packing_slip"),
  summary_update: oneOf("none"),
  match_keys: list(oneOf("region"), { unique: true }),
  lead_order_id: id,
  posting: bool,
  print: object({ mode: oneOf("current"), invoice: bool, use_print_management: bool }),
  print_charges: oneOf("summarize"),
  credit_check: oneOf("none"),
  invoice_date: { kind: "date" },
})

const selection: Fields = { order_ids: required(list(id, { min: 1, max: 10_000 })), parameters: postingParameters }

/** A selection of one or two real orders, to be proposed, posted or printed pro forma. */
const validSelection = (k: Known) =>
  fc.subarray(k.orderIds, { minLength: 1, maxLength: 2 }).map((order_ids) => ({
    order_ids,
    parameters: { quantity: "packing_slip", print: { mode: "current", invoice: false } },
  }))

const recurrence = object({
  unit: required(oneOf("days")),
  interval: required(int(1, 1000)),
  starts_at: required({ kind: "wall_clock" }),
  time_zone: required({ kind: "time_zone" }),
  end: object({ type: required(oneOf("never")) }),
})

const batchSelection = object({
  status: oneOf("shipped_not_invoiced"),
  invoice_account_id: id,
  customer_id: id,
  sales_channel_id: id,
  region_id: id,
  ordered_from: { kind: "datetime" },
  ordered_to: { kind: "datetime" },
})

/** A schedule that is due only in 2099: it never starts by itself while the fuzzer runs. */
export const FAR_RECURRENCE = { unit: "days", interval: 1, starts_at: "2099-01-01T06:00", time_zone: "Europe/Paris", end: { type: "never" } }

const invoiceId = { id: (k: Known) => [...k.annaInvoiceIds, ...k.benInvoiceIds] }
export const ownInvoiceIds = (k: Known, customer: Customer) => (customer === "anna" ? k.annaInvoiceIds : k.benInvoiceIds)
const ownInvoiceId = { id: ownInvoiceIds }
const scheduleId = { id: (k: Known) => k.scheduleIds }

/** Every route of src/api, by "METHOD /path". A route missing here fails the fuzz suite. */
export const ROUTE_FUZZ: Record<string, RouteFuzz> = {
  "GET /admin/invoices": {
    audience: "admin",
    query: {
      invoice_account_id: { kind: "string" },
      order_id: { kind: "string" },
      kind: oneOf("invoice"),
      payment_status: oneOf("open"),
      q: { kind: "string", max: 200 },
      ...page(200),
    },
  },
  "GET /admin/invoices/:id": { audience: "admin", params: invoiceId, query: null },
  "GET /admin/invoices/:id/pdf": { audience: "admin", params: invoiceId, query: { copy: int(0, 50) } },
  "POST /admin/invoices/:id/credit-notes": {
    audience: "admin",
    params: invoiceId,
    query: null,
    body: {
      fields: {
        lines: list(object({ invoice_line_id: required(id), quantity: required(int(1)) }), { min: 1, max: 1000 }),
        reason: required(text(500)),
      },
      valid: (k) =>
        fc.record({
          lines: fc.constantFrom(...k.invoiceLineIds).map((invoice_line_id) => [{ invoice_line_id, quantity: 1 }]),
          reason: fc.constantFrom("Returned damaged", "Goodwill"),
        }),
    },
  },
  "POST /admin/invoices/:id/payments": {
    audience: "admin",
    params: invoiceId,
    query: null,
    body: {
      fields: { amount: required({ kind: "positive" }), paid_at: { kind: "date_or_datetime" } },
      valid: () => fc.record({ amount: fc.constantFrom(0.01, 1.5), paid_at: fc.constantFrom("2026-01-15", "2026-01-20T10:30:00+02:00") }),
    },
  },
  "POST /admin/invoices/:id/send": {
    audience: "admin",
    params: invoiceId,
    query: null,
    body: { fields: { idempotency_key: str(1, 200) }, valid: () => fc.constant({ idempotency_key: "fuzz-resend" }) },
  },
  "GET /admin/invoicing/accounts/:customer_id": { audience: "admin", params: { customer_id: (k) => k.customerIds }, query: null },
  "POST /admin/invoicing/accounts/:customer_id": {
    audience: "admin",
    params: { customer_id: (k) => k.customerIds },
    query: null,
    body: {
      fields: {
        invoice_account_id: nullable(id),
        default_summary_update: oneOf("none"),
        payment_terms_days: nullable(int(0, 3650)),
        email: nullable({ kind: "email" }),
        copies: nullable(int(0, 20)),
        email_invoices: nullable(bool),
        credit_limit: nullable({ kind: "number", min: 0, max: 1e15 }),
        credit_limit_currency_code: nullable({ kind: "currency" }),
        credit_check_mandatory: bool,
      },
      valid: () => fc.constant({ payment_terms_days: 30, credit_limit: 100000, credit_limit_currency_code: "EUR", copies: 0 }),
    },
  },
  "GET /admin/invoicing/audit": { audience: "admin", query: null },
  "GET /admin/invoicing/number-series": { audience: "admin", query: null },
  "POST /admin/invoicing/number-series/:code": {
    audience: "admin",
    params: { code: (k) => k.seriesCodes },
    query: null,
    body: {
      fields: { prefix: { kind: "string", max: 20 }, padding: int(1, 12), next_value: int(1, 999_999_999) },
      valid: () => fc.constant({ padding: 6 }),
    },
  },
  "GET /admin/invoicing/orders": {
    audience: "admin",
    query: { status: oneOf("uninvoiced"), customer_id: { kind: "string" }, q: { kind: "string", max: 200 }, ...page(200) },
  },
  "GET /admin/invoicing/packing-slips/:id/pdf": { audience: "admin", params: { id: (k) => k.packingSlipIds }, query: null },
  "POST /admin/invoicing/post": {
    audience: "admin",
    query: null,
    body: { fields: { ...selection, idempotency_key: str(1, 200), proposal_token: str(1, 5_000_000) }, valid: validSelection },
  },
  "POST /admin/invoicing/pro-forma/pdf": {
    audience: "admin",
    query: null,
    body: { fields: { ...selection, group_key: str(1, 2000) }, valid: validSelection },
  },
  "POST /admin/invoicing/proposals": { audience: "admin", query: null, body: { fields: selection, valid: validSelection } },
  "GET /admin/invoicing/runs": { audience: "admin", query: { schedule_id: { kind: "string" }, ...page(200) } },
  "GET /admin/invoicing/runs/:id": { audience: "admin", params: { id: (k) => k.runIds }, query: null },
  "GET /admin/invoicing/schedules": { audience: "admin", query: null },
  "POST /admin/invoicing/schedules": {
    audience: "admin",
    query: null,
    body: {
      fields: { name: required(text(200)), selection: batchSelection, parameters: postingParameters, recurrence: required(recurrence), enabled: bool },
      valid: () =>
        fc.constant({
          name: "Fuzzed nightly run",
          selection: { status: "shipped_not_invoiced" },
          parameters: { quantity: "packing_slip", print: { mode: "current" } },
          recurrence: FAR_RECURRENCE,
          enabled: true,
        }),
    },
  },
  "GET /admin/invoicing/schedules/:id": { audience: "admin", params: scheduleId, query: null },
  "POST /admin/invoicing/schedules/:id": {
    audience: "admin",
    params: scheduleId,
    query: null,
    body: {
      fields: { name: text(200), selection: batchSelection, parameters: postingParameters, recurrence, enabled: bool },
      valid: () => fc.constant({ name: "Renamed run", selection: {}, recurrence: FAR_RECURRENCE }),
    },
  },
  "DELETE /admin/invoicing/schedules/:id": { audience: "admin", params: scheduleId, query: null },
  "POST /admin/invoicing/schedules/:id/run": { audience: "admin", params: scheduleId, query: null, body: null },
  "GET /admin/invoicing/settings": { audience: "admin", query: null },
  "POST /admin/invoicing/settings": {
    audience: "admin",
    query: null,
    body: {
      fields: {
        seller: nullable(
          object({
            name: required(text(200)),
            address_lines: list(text(200), { max: 8 }),
            vat_number: nullable(text(50)),
            email: nullable({ kind: "email" }),
            phone: nullable(text(50)),
            logo_data_uri: nullable({ kind: "data_uri" }),
            footer: nullable(text(500)),
          })
        ),
        copies: int(0, 20),
        store_documents: bool,
        email_invoices: bool,
      },
      valid: () => fc.constant({ seller: { name: "Maison Lumière", address_lines: ["1 Rue de la Paix"], vat_number: "FR12345678901" }, copies: 0 }),
    },
  },
  "GET /invoicing/documents/:token": { audience: "link", params: { token: (k) => k.documentTokens }, query: null },
  "GET /store/invoices": { audience: "customer", query: page(100) },
  "GET /store/invoices/:id": { audience: "customer", params: ownInvoiceId, query: null },
  "GET /store/invoices/:id/pdf": { audience: "customer", params: ownInvoiceId, query: null },
}
