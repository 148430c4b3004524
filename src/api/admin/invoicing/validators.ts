import { z } from "@medusajs/framework/zod"
import { RECURRENCE_UNITS } from "../../../domain/recurrence"
import { CREDIT_CHECKS, MATCH_KEYS, PRINT_CHARGES, PRINT_MODES, QUANTITY_MODES, SUMMARY_UPDATES } from "../../../domain/posting-parameters"
import { PAYMENT_STATUSES } from "../../../domain/settlement"
import { INVOICE_LIST_FIELDS } from "../invoices/list-fields"

const id = z.string().min(1).max(100)

export const PostingParametersSchema = z
  .object({
    quantity: z.enum(QUANTITY_MODES).default("packing_slip"),
    summary_update: z.enum(SUMMARY_UPDATES).default("none"),
    match_keys: z
      .array(z.enum(MATCH_KEYS))
      .refine((keys) => new Set(keys).size === keys.length, { error: "match_keys must not repeat a key" })
      .default([]),
    lead_order_id: id.optional(),
    posting: z.boolean().default(true),
    print: z
      .object({
        mode: z.enum(PRINT_MODES).default("current"),
        invoice: z.boolean().default(false),
        use_print_management: z.boolean().default(false),
      })
      .strict()
      .default({ mode: "current", invoice: false, use_print_management: false }),
    print_charges: z.enum(PRINT_CHARGES).default("summarize"),
    credit_check: z.enum(CREDIT_CHECKS).default("none"),
    invoice_date: z.iso.date({ error: "invoice_date must be an ISO date (YYYY-MM-DD)" }).optional(),
  })
  .strict()

const orderIds = z.array(id).min(1).max(10000)

const selection = {
  order_ids: orderIds,
  parameters: PostingParametersSchema.prefault({}),
}

/** A lead order leads only in order mode (or auto), and only from within the selection. */
function checkLeadOrder(body: { order_ids: string[]; parameters: { summary_update: string; lead_order_id?: string } }, ctx: z.RefinementCtx) {
  const lead = body.parameters.lead_order_id
  if (lead === undefined) return
  if (!["order", "auto"].includes(body.parameters.summary_update)) {
    ctx.addIssue({ code: "custom", path: ["parameters", "lead_order_id"], message: "lead_order_id is used only with summary_update order or auto" })
  } else if (!body.order_ids.includes(lead)) {
    ctx.addIssue({ code: "custom", path: ["parameters", "lead_order_id"], message: "lead_order_id must be one of order_ids" })
  }
}

export const ProposeInvoicesSchema = z.object(selection).strict().superRefine(checkLeadOrder)

/** A pro forma PDF of one proposed group: the one with group_key, else the first. */
export const ProFormaPdfSchema = z
  .object({ ...selection, group_key: z.string().min(1).max(2000).optional() })
  .strict()
  .superRefine(checkLeadOrder)

/** GET /admin/invoices/:id/pdf: copy 0 is the original, N the Nth copy. */
export const InvoicePdfSchema = z
  .object({
    copy: z.coerce
      .number({ error: "copy must be a whole number from 0 to 50" })
      .int({ error: "copy must be a whole number from 0 to 50" })
      .min(0, { error: "copy must be a whole number from 0 to 50" })
      .max(50, { error: "copy must be a whole number from 0 to 50" })
      .default(0),
  })
  .strict()

/** POST /admin/invoices/:id/send: the same key retried sends one e-mail. */
export const SendInvoiceSchema = z.object({ idempotency_key: z.string().min(1).max(200).optional() }).strict()

/** GET /store/invoices: the customer's own documents, newest first. */
export const ListStoreInvoicesSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type ProFormaPdfBody = z.infer<typeof ProFormaPdfSchema>
export type InvoicePdfQuery = z.infer<typeof InvoicePdfSchema>
export type SendInvoiceBody = z.infer<typeof SendInvoiceSchema>
export type ListStoreInvoicesQuery = z.infer<typeof ListStoreInvoicesSchema>

export const PostInvoicesSchema = z
  .object({
    ...selection,
    idempotency_key: z.string().min(1).max(200).optional(),
    /** From POST /admin/invoicing/proposals: post exactly that proposal, or get 409 with what changed. */
    proposal_token: z.string().min(1).max(5_000_000).optional(),
  })
  .strict()
  .superRefine(checkLeadOrder)

export const ListInvoicingOrdersSchema = z
  .object({
    status: z.enum(["uninvoiced", "shipped_not_invoiced"]).default("shipped_not_invoiced"),
    customer_id: z.string().optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

/** A field name of `?fields=` as Medusa reads it: a leading + (a space, once URL-decoded) or - is a modifier. */
const fieldName = (field: string) => field.replace(/^[+ \t-]+/, "").trim()

/** `?fields=`: comma-separated names among `known`, each with an optional + or -; an unknown one is named. */
const fieldsOf = (known: readonly string[]) =>
  z
    .string()
    .max(2000)
    .superRefine((value, ctx) => {
      const unknown = value.split(",").filter(Boolean).map(fieldName).filter((name) => !known.includes(name))
      if (unknown.length) ctx.addIssue({ code: "custom", message: `fields: unknown field ${unknown.map((f) => `'${f}'`).join(", ")}; known: ${known.join(", ")}` })
    })
    .optional()

export const ListInvoicesSchema = z
  .object({
    fields: fieldsOf(INVOICE_LIST_FIELDS),
    invoice_account_id: z.string().optional(),
    order_id: z.string().optional(),
    kind: z.enum(["invoice", "credit_note"]).optional(),
    payment_status: z.enum(PAYMENT_STATUSES).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const CreateCreditNoteSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            invoice_line_id: z.string().min(1).max(100),
            quantity: z.number().int().positive(),
          })
          .strict()
      )
      .min(1)
      .max(1000)
      .superRefine((lines, ctx) => {
        const seen = new Set<string>()
        lines.forEach((line, i) => {
          if (seen.has(line.invoice_line_id)) {
            ctx.addIssue({
              code: "custom",
              path: [i, "invoice_line_id"],
              message: `lines.${i}.invoice_line_id: invoice line ${line.invoice_line_id} is listed more than once`,
            })
          }
          seen.add(line.invoice_line_id)
        })
      })
      .optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()

export const RecordPaymentSchema = z
  .object({
    amount: z.number({ error: "amount must be a number" }).positive({ error: "amount must be positive" }).finite(),
    paid_at: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error: "paid_at must be an ISO date-time with a time zone (2026-01-31T14:30:00Z) or an ISO date (2026-01-31)",
      })
      .optional(),
  })
  .strict()

export type ProposeInvoicesBody = z.infer<typeof ProposeInvoicesSchema>
export type PostInvoicesBody = z.infer<typeof PostInvoicesSchema>
export type ListInvoicingOrdersQuery = z.infer<typeof ListInvoicingOrdersSchema>
export type ListInvoicesQuery = z.infer<typeof ListInvoicesSchema>
export type CreateCreditNoteBody = z.infer<typeof CreateCreditNoteSchema>
export type RecordPaymentBody = z.infer<typeof RecordPaymentSchema>

export const SaveInvoicingProfileSchema = z
  .object({
    /** The customer who is billed; null (or the customer itself) bills the customer. */
    invoice_account_id: id.nullable().optional(),
    default_summary_update: z.enum(["none", "invoice_account", "order", "packing_slip"]).optional(),
    payment_terms_days: z.number().int().min(0).max(3650).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    /** Print management overrides (null: the store's settings): copies beside the original, and e-mailing invoices. */
    copies: z.number().int().min(0).max(20).nullable().optional(),
    email_invoices: z.boolean().nullable().optional(),
    /** The most the account may owe; null removes the limit. Sent as a number, kept as a decimal string. */
    credit_limit: z
      .number()
      .min(0)
      .max(1e15)
      .nullable()
      .optional()
      .transform((v) => (v === null || v === undefined ? v : String(v))),
    credit_limit_currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, { error: "credit_limit_currency_code must be a three-letter currency code" })
      .transform((v) => v.toLowerCase())
      .nullable()
      .optional(),
    credit_check_mandatory: z.boolean().optional(),
  })
  .strict()

export type SaveInvoicingProfileBody = z.infer<typeof SaveInvoicingProfileSchema>

const text = (max: number) => z.string().trim().min(1).max(max)

/** A logo travels inside the document as a data URI: the renderer fetches nothing else. */
const LOGO_DATA_URI = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/

export const SellerDetailsSchema = z
  .object({
    name: text(200),
    address_lines: z.array(text(200)).max(8).default([]),
    vat_number: text(50).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    phone: text(50).nullable().optional(),
    logo_data_uri: z
      .string()
      .max(1_500_000)
      .regex(LOGO_DATA_URI, { error: "logo_data_uri must be a base64 data URI of a PNG, JPEG or SVG image" })
      .nullable()
      .optional(),
    footer: text(500).nullable().optional(),
  })
  .strict()

export const SaveInvoicingSettingsSchema = z
  .object({
    seller: SellerDetailsSchema.nullable().optional(),
    copies: z.number().int().min(0).max(20).optional(),
    store_documents: z.boolean().optional(),
    email_invoices: z.boolean().optional(),
  })
  .strict()

export type SaveInvoicingSettingsBody = z.infer<typeof SaveInvoicingSettingsSchema>

/** The largest next number: the counter is a 32-bit integer and must keep room to count on. */
const MAX_SERIES_VALUE = 999_999_999

const SERIES_VALUE_ERROR = `next_value must be a whole number from 1 to ${MAX_SERIES_VALUE}`
const PADDING_ERROR = "padding must be a whole number from 1 to 12"

/** POST /admin/invoicing/number-series/:code: a series' format, only before its first number. */
export const SaveNumberSeriesSchema = z
  .object({
    prefix: z
      .string({ error: "prefix must be a string" })
      .max(20, { error: "prefix must be at most 20 characters" })
      .regex(/^[A-Za-z0-9_\-/.#]*$/, { error: "prefix may contain only letters A-Z, digits and - _ / . #" })
      // Numbers name the stored PDF files: no ".." that would climb out of their folder.
      .refine((p) => !p.includes(".."), { error: "prefix must not contain .." })
      .optional(),
    padding: z
      .number({ error: PADDING_ERROR })
      .int({ error: PADDING_ERROR })
      .min(1, { error: PADDING_ERROR })
      .max(12, { error: PADDING_ERROR })
      .optional(),
    next_value: z
      .number({ error: SERIES_VALUE_ERROR })
      .int({ error: SERIES_VALUE_ERROR })
      .min(1, { error: SERIES_VALUE_ERROR })
      .max(MAX_SERIES_VALUE, { error: SERIES_VALUE_ERROR })
      .optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "give at least one of prefix, padding, next_value" })

export type SaveNumberSeriesBody = z.infer<typeof SaveNumberSeriesSchema>

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

export const RecurrenceSchema = z
  .object({
    unit: z.enum(RECURRENCE_UNITS),
    interval: z.number().int().min(1).max(1000),
    starts_at: z.string().regex(LOCAL_DATE_TIME, { error: "starts_at must be a local date-time YYYY-MM-DDTHH:mm" }),
    time_zone: z.string().max(64).refine(isTimeZone, { error: "time_zone must be an IANA time zone such as Europe/Paris" }),
    end: z
      .discriminatedUnion("type", [
        z.object({ type: z.literal("never") }).strict(),
        z.object({ type: z.literal("after_runs"), runs: z.number().int().min(1).max(100000) }).strict(),
        z.object({ type: z.literal("by_date"), until: z.string().regex(LOCAL_DATE_TIME, { error: "end.until must be a local date-time YYYY-MM-DDTHH:mm" }) }).strict(),
      ], { error: "end.type must be never, after_runs or by_date" })
      .default({ type: "never" }),
  })
  .strict()

export const BatchSelectionSchema = z
  .object({
    status: z.enum(["shipped_not_invoiced", "uninvoiced"]).default("shipped_not_invoiced"),
    invoice_account_id: id.optional(),
    customer_id: id.optional(),
    sales_channel_id: id.optional(),
    region_id: id.optional(),
    ordered_from: z.iso.datetime({ offset: true }).optional(),
    ordered_to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()

const scheduleFields = {
  name: z.string().trim().min(1).max(200),
  selection: BatchSelectionSchema.prefault({}),
  parameters: PostingParametersSchema.prefault({}),
  recurrence: RecurrenceSchema,
  enabled: z.boolean().default(true),
}

export const CreateScheduleSchema = z.object(scheduleFields).strict()

export const UpdateScheduleSchema = z
  .object({
    name: scheduleFields.name.optional(),
    selection: BatchSelectionSchema.optional(),
    parameters: PostingParametersSchema.optional(),
    recurrence: RecurrenceSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()

export const ListRunsSchema = z
  .object({
    schedule_id: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type CreateScheduleBody = z.infer<typeof CreateScheduleSchema>
export type UpdateScheduleBody = z.infer<typeof UpdateScheduleSchema>
export type ListRunsQuery = z.infer<typeof ListRunsSchema>
