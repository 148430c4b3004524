/**
 * The print CSS shared by the default templates. A4 with the page margins in @page, so the
 * PDF's page size comes from Chromium's `format: "A4"` and the margins from here. Only
 * system fonts (DejaVu/Liberation on Debian): the renderer loads no web fonts, and simple
 * CSS keeps a one-page document fast to lay out.
 */
export const DOCUMENT_STYLES = `
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9pt; color: #1f2328; line-height: 1.35; font-variant-ligatures: none; }
.document { position: relative; }
header { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 8mm; }
.seller { max-width: 95mm; }
.seller .logo { max-height: 18mm; max-width: 60mm; display: block; margin-bottom: 2mm; }
.seller .name { font-size: 12pt; font-weight: bold; }
.muted { color: #57606a; }
.meta { text-align: right; }
.meta h1 { font-size: 18pt; margin: 0 0 2mm 0; letter-spacing: 0.5px; }
.meta table { margin-left: auto; border-collapse: collapse; }
.meta td { padding: 0.4mm 0 0.4mm 4mm; text-align: right; }
.meta td.label { color: #57606a; }
.meta .number { font-size: 11pt; font-weight: bold; }
.copy { display: inline-block; border: 1.5pt solid #b42318; color: #b42318; font-weight: bold; padding: 1mm 3mm; margin-bottom: 2mm; letter-spacing: 1px; }
.banner { border: 1.5pt solid #9a6700; background: #fff8c5; color: #6b4a00; font-weight: bold; text-align: center; padding: 2mm; margin-bottom: 5mm; letter-spacing: 1px; }
.watermark { position: fixed; white-space: nowrap; top: 40%; left: 0; right: 0; text-align: center; font-size: 80pt; font-weight: bold; color: rgba(154, 103, 0, 0.12); transform: rotate(-30deg); z-index: 0; }
.parties { display: flex; gap: 10mm; margin-bottom: 6mm; }
.party { flex: 1; }
.party h2, .section h2 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.6px; color: #57606a; margin: 0 0 1mm 0; }
.party .name { font-weight: bold; }
table.lines { width: 100%; border-collapse: collapse; margin-bottom: 5mm; }
table.lines th { font-size: 7.5pt; text-transform: uppercase; color: #57606a; text-align: left; border-bottom: 1pt solid #1f2328; padding: 1.2mm 1.5mm; }
table.lines td { border-bottom: 0.5pt solid #d0d7de; padding: 1.2mm 1.5mm; vertical-align: top; }
table.lines tr { page-break-inside: avoid; }
table.lines .num, table.lines th.num { text-align: right; white-space: nowrap; }
table.lines .sub { color: #57606a; font-size: 7.5pt; }
table.lines tr.group td { font-weight: bold; border-bottom: 0.5pt solid #1f2328; padding-top: 3mm; }
.summary { display: flex; justify-content: space-between; gap: 10mm; page-break-inside: avoid; }
.taxes { flex: 1; }
.taxes table, .totals table { border-collapse: collapse; width: 100%; }
.taxes th { font-size: 7.5pt; text-transform: uppercase; color: #57606a; text-align: right; border-bottom: 0.5pt solid #1f2328; padding: 1mm 1.5mm; }
.taxes th:first-child, .taxes td:first-child { text-align: left; }
.taxes td { text-align: right; padding: 1mm 1.5mm; white-space: nowrap; }
.totals { width: 80mm; }
.totals td { padding: 1mm 1.5mm; }
.totals td.num { text-align: right; white-space: nowrap; }
.totals tr.total td { font-weight: bold; font-size: 11pt; border-top: 1pt solid #1f2328; padding-top: 2mm; }
.note { margin: 0 0 5mm 0; }
footer { margin-top: 10mm; border-top: 0.5pt solid #d0d7de; padding-top: 2mm; color: #57606a; font-size: 7.5pt; }
`
