import {
  DocumentDataError,
  addressLines,
  currencyDigits,
  formatDate,
  formatDecimal,
  formatMoney,
  formatQuantity,
  formatRate,
  rateKey,
} from "../format"

describe("document formatting", () => {
  describe("money", () => {
    it("prints amounts with the currency's digits, grouped, and the upper-case code", () => {
      expect(formatMoney(1234.5, "eur")).toBe("1,234.50 EUR")
      expect(formatMoney("1234567.891", "usd")).toBe("1,234,567.89 USD")
      expect(formatMoney(0, "eur")).toBe("0.00 EUR")
    })

    it("uses the currency's own decimal digits: JPY 0, KWD 3", () => {
      expect(currencyDigits("jpy")).toBe(0)
      expect(currencyDigits("KWD")).toBe(3)
      expect(currencyDigits("eur")).toBe(2)
      expect(formatMoney(1500, "jpy")).toBe("1,500 JPY")
      expect(formatMoney("12.3456", "kwd")).toBe("12.346 KWD")
    })

    it("rounds half away from zero from the exact decimal, not the float (1.005 → 1.01, -1.005 → -1.01)", () => {
      expect(formatMoney(1.005, "eur")).toBe("1.01 EUR")
      expect(formatMoney(-1.005, "eur")).toBe("-1.01 EUR")
      expect(formatMoney("69.278", "eur")).toBe("69.28 EUR")
      expect(formatMoney(0.1 + 0.2, "eur")).toBe("0.30 EUR")
    })

    it("prints negative amounts (credit notes) with a leading minus and never -0.00", () => {
      expect(formatMoney(-2267.86, "eur")).toBe("-2,267.86 EUR")
      expect(formatMoney(-0.001, "eur")).toBe("0.00 EUR")
      expect(formatDecimal("-0", 2)).toBe("0.00")
    })

    it("refuses a missing or non-numeric amount, naming the field", () => {
      expect(() => formatMoney(null as unknown as number, "eur", "lines[0].total")).toThrow("lines[0].total is missing")
      expect(() => formatMoney("abc", "eur", "total")).toThrow("total is not a number: abc")
      expect(() => formatMoney(Number.NaN, "eur", "total")).toThrow(DocumentDataError)
    })

    it("refuses a currency code that is not three letters", () => {
      expect(() => formatMoney(1, "euro")).toThrow('currency_code must be a 3-letter ISO 4217 code, got "euro"')
    })
  })

  describe("rates", () => {
    it("prints a tax rate in percent without trailing zeros", () => {
      expect(formatRate(10)).toBe("10%")
      expect(formatRate("7.50")).toBe("7.5%")
      expect(formatRate(0)).toBe("0%")
    })

    it("keys equal rates written differently alike (10, '10', '10.0')", () => {
      expect(rateKey(10)).toBe(rateKey("10"))
      expect(rateKey("10.0")).toBe(rateKey(10))
      expect(rateKey(7.5)).not.toBe(rateKey(7))
    })
  })

  describe("dates", () => {
    it("prints calendar dates as they are and timestamps as their UTC date", () => {
      expect(formatDate("2026-11-24", "invoice_date")).toBe("2026-11-24")
      expect(formatDate("2026-11-24T23:30:00.000Z", "shipped_at")).toBe("2026-11-24")
      expect(formatDate("2026-11-24T23:30:00-05:00", "shipped_at")).toBe("2026-11-25")
      expect(formatDate(new Date(Date.UTC(2026, 0, 2)), "invoice_date")).toBe("2026-01-02")
    })

    it("refuses a missing or invalid date, naming the field", () => {
      expect(() => formatDate(null, "invoice_date")).toThrow("invoice_date is missing")
      expect(() => formatDate("yesterday", "due_date")).toThrow("due_date is not a date: yesterday")
    })
  })

  it("groups quantities and refuses non-numbers", () => {
    expect(formatQuantity(1200, "q")).toBe("1,200")
    expect(formatQuantity(3, "q")).toBe("3")
    expect(() => formatQuantity("3" as unknown as number, "lines[0].quantity")).toThrow("lines[0].quantity is not a number")
  })

  describe("addresses", () => {
    it("prints the address's text fields in postal order, country code upper-cased", () => {
      expect(
        addressLines(
          { company: "Acme", first_name: "Jane", last_name: "Doe", address_1: "1 Main St", address_2: "", postal_code: "10115", city: "Berlin", province: "BE", country_code: "de" },
          null
        )
      ).toEqual(["Acme", "Jane Doe", "1 Main St", "10115 Berlin", "BE", "DE"])
    })

    it("leaves out the company or person already printed as the name", () => {
      expect(addressLines({ company: "Acme", first_name: "Jane", last_name: "Doe", city: "Berlin" }, "Acme")).toEqual(["Jane Doe", "Berlin"])
      expect(addressLines({ first_name: "Jane", last_name: "Doe", city: "Berlin" }, "Jane Doe")).toEqual(["Berlin"])
    })

    it("never prints metadata or nested objects of an address", () => {
      expect(addressLines({ city: "Berlin", metadata: { secret: "x" }, address_1: { nested: true } as unknown as string }, null)).toEqual(["Berlin"])
    })

    it("prints nothing for a missing address", () => {
      expect(addressLines(null, "x")).toEqual([])
    })
  })
})
