/**
 * The audit of the tamper-evident ledger: from what the database found wrong with each
 * series' chain, the verdict and the first broken link of each series, in the merchant's
 * words. Pure: the finding itself (recomputing hashes) happens in SQL.
 */

/** What can be wrong with one link, most telling first. */
export const LINK_FAULTS = ["document_missing", "content_changed", "chain_broken", "position_gap", "not_chained"] as const

export type LinkFault = (typeof LINK_FAULTS)[number] | "links_missing"

/** A link (or a posted document without one: position null) with at least one fault. */
export type LinkFinding = {
  series_code: string
  position: number | null
  invoice_id: string
  number: string | null
  faults: LinkFault[]
}

/** How many documents a series has numbered, how many links its chain holds, and its last link's hash. */
export type SeriesCount = { series_code: string; issued: number; links: number; head_hash: string | null }

export type BrokenLink = {
  series_code: string
  position: number | null
  invoice_id: string | null
  number: string | null
  reason: LinkFault
  message: string
}

/** `head_hash`: kept outside the database, it shows later whether the chain was rewritten since. */
export type SeriesAudit = { series_code: string; documents: number; head_hash: string | null; first_broken: BrokenLink | null }

export type AuditReport = { ok: boolean; series: SeriesAudit[]; first_broken: BrokenLink | null }

const EXPLANATION: Record<LinkFault, string> = {
  document_missing: "the document it chains is gone",
  content_changed: "its content no longer matches the hash stored when it was posted",
  chain_broken: "it does not chain to the link before it",
  position_gap: "the link before it is missing",
  not_chained: "it was never chained: it did not come through posting",
  links_missing: "the last links of the chain are missing",
}

const describe = (link: Omit<BrokenLink, "message">): string => {
  const where = link.position === null ? "" : ` (link ${link.position})`
  const what = link.number ?? link.invoice_id ?? `the ${link.series_code} series`
  return `${what}${where}: ${EXPLANATION[link.reason]}`
}

const toBrokenLink = (finding: LinkFinding): BrokenLink => {
  const reason = LINK_FAULTS.find((fault) => finding.faults.includes(fault)) ?? finding.faults[0]
  const link = { series_code: finding.series_code, position: finding.position, invoice_id: finding.invoice_id, number: finding.number, reason }
  return { ...link, message: describe(link) }
}

/** Chained links in chain order first; documents that were never chained after them. */
const chainOrder = (a: LinkFinding, b: LinkFinding) => (a.position ?? Infinity) - (b.position ?? Infinity)

function firstBrokenOfSeries(count: SeriesCount, findings: LinkFinding[]): BrokenLink | null {
  const [first] = findings.filter((f) => f.series_code === count.series_code && f.faults.length).sort(chainOrder)
  if (first) return toBrokenLink(first)
  if (count.links >= count.issued) return null
  const tail = { series_code: count.series_code, position: count.links + 1, invoice_id: null, number: null, reason: "links_missing" as const }
  return {
    ...tail,
    message: `${count.series_code} series: ${count.issued} documents were numbered but its chain holds ${count.links} links: ${EXPLANATION.links_missing}`,
  }
}

/** The verdict over every series: ok only when no series has a broken link. */
export function auditReport(counts: SeriesCount[], findings: LinkFinding[]): AuditReport {
  const series = counts.map((count) => ({
    series_code: count.series_code,
    documents: count.links,
    head_hash: count.head_hash,
    first_broken: firstBrokenOfSeries(count, findings),
  }))
  const broken = series.map((s) => s.first_broken).filter((b): b is BrokenLink => b !== null)
  return { ok: broken.length === 0, series, first_broken: broken[0] ?? null }
}
