/**
 * Renders the sample invoice (src/documents/samples.ts) with the default template to
 * docs/invoice.pdf's page 1 as docs/invoice.png, the picture in the README.
 *   node -r ts-node/register scripts/document-preview.ts
 * The PNG is the real PDF page, rasterized by poppler's pdftoppm (apt-get install poppler-utils).
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { closePdfRenderer, renderDocumentPdf } from "../src/documents/render"
import { SAMPLE_INVOICE, SAMPLE_SELLER } from "../src/documents/samples"

async function main() {
  const pdf = await renderDocumentPdf("invoice", SAMPLE_INVOICE, SAMPLE_SELLER, { copy: null })
  await closePdfRenderer()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "invoice-preview-"))
  try {
    fs.writeFileSync(path.join(tmp, "invoice.pdf"), pdf)
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", path.join(tmp, "invoice.pdf"), path.join(tmp, "invoice")])
    const out = path.join(__dirname, "..", "docs", "invoice.png")
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.copyFileSync(path.join(tmp, "invoice.png"), out)
    console.log(`wrote ${out} (${fs.statSync(out).size} bytes)`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
