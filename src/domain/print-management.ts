import type { PostingParameters } from "./posting-parameters"

export type PrintManagement = { copies: number; store_documents: boolean; email_invoices: boolean }
export type PrintOverrides = { copies: number | null; email_invoices: boolean | null }

/** What printing a posted invoice does: which documents to render and store (0 = the original, n = copy n), and whether to e-mail it. */
export type PrintPlan = { documents: number[]; email: boolean }

/**
 * Print management: `print.invoice` off prints nothing at posting (the original is still
 * rendered and stored on its first download); without print management the original is
 * stored; with it, the store's settings, overridden by the invoice account's profile, decide
 * the copies and the e-mail. The original is always stored when it is rendered, so what was
 * e-mailed is what is downloaded later.
 */
export function printPlan(
  print: Pick<PostingParameters["print"], "invoice" | "use_print_management">,
  settings: PrintManagement,
  overrides: PrintOverrides | null
): PrintPlan {
  if (!print.invoice) return { documents: [], email: false }
  if (!print.use_print_management) return { documents: [0], email: false }
  const copies = overrides?.copies ?? settings.copies
  const copyNumbers = settings.store_documents ? Array.from({ length: copies }, (_, i) => i + 1) : []
  return { documents: [0, ...copyNumbers], email: overrides?.email_invoices ?? settings.email_invoices }
}
