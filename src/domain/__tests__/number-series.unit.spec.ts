import { formatDocumentNumber, prefixesOverlap } from "../number-series"

describe("formatDocumentNumber", () => {
  it("pads the value with zeros to the series' padding, after the prefix", () => {
    expect(formatDocumentNumber("INV-", 6, 1)).toBe("INV-000001")
    expect(formatDocumentNumber("INV-2027-", 6, 100)).toBe("INV-2027-000100")
    expect(formatDocumentNumber("", 3, 7)).toBe("007")
  })

  it("never cuts a value longer than the padding", () => {
    expect(formatDocumentNumber("CN-", 2, 12345)).toBe("CN-12345")
  })
})

describe("prefixesOverlap", () => {
  it("equal prefixes overlap", () => {
    expect(prefixesOverlap("INV-", "INV-")).toBe(true)
    expect(prefixesOverlap("", "")).toBe(true)
  })

  it("a prefix that is another followed by digits only overlaps it, either way round", () => {
    expect(prefixesOverlap("INV-", "INV-2027")).toBe(true)
    expect(prefixesOverlap("INV-2027", "INV-")).toBe(true)
    expect(prefixesOverlap("", "2027")).toBe(true)
  })

  it("prefixes that differ by anything but digits never print the same number", () => {
    expect(prefixesOverlap("INV-", "INV-2027-")).toBe(false)
    expect(prefixesOverlap("INV-", "CN-")).toBe(false)
    expect(prefixesOverlap("INV", "INV-")).toBe(false)
    expect(prefixesOverlap("", "PS-")).toBe(false)
  })
})
