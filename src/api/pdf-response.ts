import type { MedusaResponse } from "@medusajs/framework/http"

/** A file name safe in a Content-Disposition header: document numbers are, anything else is reduced to them. */
export const pdfFilename = (name: string) => `${name.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120) || "document"}.pdf`

/** Sends a PDF as a download; documents carry customer data, so no shared cache keeps them. */
export function sendPdf(res: MedusaResponse, pdf: Buffer, name: string) {
  res.set({
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${pdfFilename(name)}"`,
    "Content-Length": String(pdf.length),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  })
  res.status(200).end(pdf)
}
