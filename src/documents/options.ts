import os from "node:os"
import { z } from "@medusajs/framework/zod"

/**
 * The documents' part of the plugin options (the plugin's options reach its modules, so
 * these are the invoicing module's options). Other parts of the plugin read other keys of
 * the same object: unknown top-level keys are left alone, but inside `templates` and
 * `renderer` a misspelled key is an error rather than an ignored setting.
 */

const path = z
  .string()
  .trim()
  .min(1, "must be a non-empty path")
  // A NUL byte ends a path in the system calls below it: what is checked would not be what is opened.
  .refine((value) => !value.includes("\0"), "must not contain a NUL byte")

export const templateOptionsSchema = z
  .strictObject({
    invoice: path.optional(),
    credit_note: path.optional(),
    pro_forma: path.optional(),
    packing_slip: path.optional(),
  })
  .optional()

export const rendererOptionsSchema = z
  .strictObject({
    /** Pages (tabs) kept open and rendering in parallel; default: the number of cores. */
    pages: z.number().int().min(1).max(64).optional(),
    /** Documents one browser renders before it is closed and a fresh one launched. */
    recycle_after: z.number().int().min(1).optional(),
    /** Limit for one render (setContent + pdf), and for launching the browser. */
    timeout_ms: z.number().int().min(1000).optional(),
  })
  .optional()

/** How many PDF downloads the HTTP routes serve or hold at once (see src/api/render-limit.ts). */
export const pdfRequestOptionsSchema = z
  .strictObject({
    /** Downloads being served or waiting, all clients together; beyond that: 429. */
    max_pending: z.number().int().min(1).max(10_000).optional(),
    /** Downloads one client (admin user, customer, or IP address without a login) has pending; beyond that: 429. */
    max_pending_per_client: z.number().int().min(1).max(10_000).optional(),
  })
  .optional()

export const documentOptionsSchema = z.looseObject({
  /** The folder override templates are read from (relative to the app's working directory, or absolute); default: the working directory. */
  templates_dir: path.optional(),
  /** Override templates: paths to .hbs files inside `templates_dir`. */
  templates: templateOptionsSchema,
  /** The Chromium (or Chrome) executable; else CHROMIUM_PATH, a system Chromium, @sparticuz/chromium. */
  chromium_path: path.optional(),
  renderer: rendererOptionsSchema,
  pdf_requests: pdfRequestOptionsSchema,
  /** How long a signed download link (the one an e-mail carries) stays valid; default 7 days. */
  signed_link_lifetime_seconds: z.number().int().min(60, "must be at least 60 seconds").max(31_536_000, "must be at most a year (31536000 seconds)").optional(),
  /** The absolute base URL signed links are built on (this Medusa server as customers reach it); default http://localhost:9000. */
  public_url: z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
    .refine((url) => !/[?#]/.test(url), "must not have a query or a fragment")
    .optional(),
})

export type DocumentOptions = z.infer<typeof documentOptionsSchema>

export type RendererSettings = { pages: number; recycle_after: number; timeout_ms: number }

export const DEFAULT_RECYCLE_AFTER = 1000
export const DEFAULT_TIMEOUT_MS = 30_000

export function defaultPages(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length)
}

export function rendererSettings(options: DocumentOptions["renderer"]): RendererSettings {
  return {
    pages: options?.pages ?? defaultPages(),
    recycle_after: options?.recycle_after ?? DEFAULT_RECYCLE_AFTER,
    timeout_ms: options?.timeout_ms ?? DEFAULT_TIMEOUT_MS,
  }
}

export type PdfRequestLimits = { max_pending: number; max_pending_per_client: number }

/** Room for every page of the pool to have a few documents waiting, and for a person to open a few at once. */
export const DEFAULT_MAX_PENDING_PDF_REQUESTS = 32
export const DEFAULT_MAX_PENDING_PDF_REQUESTS_PER_CLIENT = 4

export function pdfRequestLimits(options: DocumentOptions["pdf_requests"]): PdfRequestLimits {
  return {
    max_pending: options?.max_pending ?? DEFAULT_MAX_PENDING_PDF_REQUESTS,
    max_pending_per_client: options?.max_pending_per_client ?? DEFAULT_MAX_PENDING_PDF_REQUESTS_PER_CLIENT,
  }
}

/** A plugin option that cannot be used; the message names the option (and the path, for files). */
export class DocumentOptionsError extends Error {
  constructor(
    readonly option: string,
    message: string,
    readonly path?: string
  ) {
    super(`Invalid invoicing plugin option "${option}"${path ? ` (${path})` : ""}: ${message}`)
    this.name = "DocumentOptionsError"
  }
}

/** Validates the options' shape; the first problem is thrown with its option's name. */
export function parseDocumentOptions(raw: unknown): DocumentOptions {
  const parsed = documentOptionsSchema.safeParse(raw ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const keys = issue.code === "unrecognized_keys" ? (issue as { keys?: string[] }).keys ?? [] : []
    const option = [...issue.path, ...keys.slice(0, 1)].map(String).join(".") || "(options)"
    throw new DocumentOptionsError(option, issue.message)
  }
  return parsed.data
}
