import { spawn } from "node:child_process"
import path from "node:path"

/**
 * Text of each page of PDFs, extracted with pdfjs-dist's legacy (Node) build. pdfjs-dist is
 * ESM-only and jest's VM cannot import ESM without --experimental-vm-modules, so the
 * extraction runs in a plain child `node` — one process for a whole batch of PDFs.
 * Each page's text items are joined with single spaces (line ends included), so tests can
 * look for phrases such as "COPY 2" or "Total 2,267.86 EUR".
 */
const PDFJS = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "legacy", "build", "pdf.mjs")

const SCRIPT = `
import { getDocument } from ${JSON.stringify(PDFJS)}
let input = ""
for await (const chunk of process.stdin) input += chunk
const out = []
for (const base64 of JSON.parse(input)) {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, "base64")), isEvalSupported: false, verbosity: 0 }).promise
  const pages = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.map((i) => i.str ?? "").join(" ").replace(/\\s+/g, " ").trim())
  }
  out.push(pages)
  await doc.destroy()
}
process.stdout.write(JSON.stringify(out))
`

export async function pdfPages(pdfs: Buffer[]): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", SCRIPT], { stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`pdf text extraction failed (${code}): ${stderr}`))
      resolve(JSON.parse(stdout))
    })
    child.stdin.end(JSON.stringify(pdfs.map((b) => b.toString("base64"))))
  })
}

/** All pages of one PDF as one string. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const [pages] = await pdfPages([pdf])
  return pages.join(" ")
}
