import { type LinkFinding, type SeriesCount, auditReport } from "../ledger-audit"

const whole = (series_code: string, n: number): SeriesCount => ({ series_code, issued: n, links: n, head_hash: n ? `${series_code}-head` : null })
const finding = (position: number | null, faults: LinkFinding["faults"], series_code = "invoice"): LinkFinding => ({
  series_code,
  position,
  invoice_id: `inv_${position ?? "x"}`,
  number: `INV-${position ?? "x"}`,
  faults,
})

describe("auditReport", () => {
  it("series whose every link checks out pass the audit", () => {
    const report = auditReport([whole("invoice", 5), whole("credit_note", 2)], [])
    expect(report).toEqual({
      ok: true,
      first_broken: null,
      series: [
        { series_code: "invoice", documents: 5, head_hash: "invoice-head", first_broken: null },
        { series_code: "credit_note", documents: 2, head_hash: "credit_note-head", first_broken: null },
      ],
    })
  })

  it("an empty series passes the audit", () => {
    expect(auditReport([whole("invoice", 0)], []).ok).toBe(true)
  })

  it("the first broken link of a series is the one earliest in the chain, whatever order the findings come in", () => {
    const report = auditReport([whole("invoice", 9)], [finding(7, ["chain_broken"]), finding(3, ["content_changed"])])
    expect(report.ok).toBe(false)
    expect(report.first_broken).toMatchObject({ position: 3, number: "INV-3", reason: "content_changed" })
    expect(report.first_broken!.message).toBe("INV-3 (link 3): its content no longer matches the hash stored when it was posted")
  })

  it("a link with several faults is named by the most telling one", () => {
    const report = auditReport([whole("invoice", 4)], [finding(2, ["position_gap", "chain_broken", "content_changed"])])
    expect(report.first_broken!.reason).toBe("content_changed")
    const gone = auditReport([whole("invoice", 4)], [finding(2, ["chain_broken", "document_missing"])])
    expect(gone.first_broken!.reason).toBe("document_missing")
  })

  it("a posted document that was never chained is broken, but comes after the chained links' faults", () => {
    const unchained = finding(null, ["not_chained"])
    expect(auditReport([whole("invoice", 3)], [unchained]).first_broken).toMatchObject({ reason: "not_chained", position: null })
    expect(auditReport([whole("invoice", 3)], [unchained, finding(2, ["chain_broken"])]).first_broken!.position).toBe(2)
  })

  it("a series that numbered more documents than its chain holds lost its last links", () => {
    const report = auditReport([{ series_code: "invoice", issued: 6, links: 5, head_hash: "h5" }], [])
    expect(report.ok).toBe(false)
    expect(report.first_broken).toMatchObject({ series_code: "invoice", position: 6, invoice_id: null, reason: "links_missing" })
    expect(report.first_broken!.message).toContain("6 documents were numbered but its chain holds 5 links")
  })

  it("each series is judged on its own findings, and the report names the first series' break first", () => {
    const report = auditReport([whole("invoice", 3), whole("credit_note", 3)], [finding(1, ["content_changed"], "credit_note")])
    expect(report.series[0].first_broken).toBeNull()
    expect(report.series[1].first_broken).toMatchObject({ series_code: "credit_note", position: 1 })
    expect(report.first_broken!.series_code).toBe("credit_note")
  })
})
