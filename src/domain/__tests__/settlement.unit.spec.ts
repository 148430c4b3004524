import { type PayableDocument, PaymentRefused, checkPayment, paymentStatus, settlement } from "../settlement"

/** An EUR invoice of `total` with credit notes totalling `creditNotes` (negative) and payments of `paid`. */
function anInvoice(total: string, creditNotes = "0", paid = "0", overrides: Partial<PayableDocument> = {}): PayableDocument {
  return { number: "INV-000001", kind: "invoice", currency_code: "eur", total, settlement: settlement(total, creditNotes, paid), ...overrides }
}

function refusal(run: () => unknown): PaymentRefused {
  try {
    run()
  } catch (error) {
    if (error instanceof PaymentRefused) {
      return error
    }
    throw error
  }
  throw new Error("the payment was not refused")
}

describe("settlement", () => {
  it("open is the total less what credit notes took and what was paid, exactly, without float error", () => {
    expect(settlement("0.3", "-0.1", "0.1")).toEqual({ credited: "0.1", paid: "0.1", open: "0.1" })
    expect(settlement("69.28", "0", "0")).toEqual({ credited: "0", paid: "0", open: "69.28" })
    expect(settlement("100", "-20.05", "30.1")).toEqual({ credited: "20.05", paid: "30.1", open: "49.85" })
  })

  it("a credit note after a full payment leaves a negative open amount: what the customer is owed", () => {
    expect(settlement("100", "-20", "100")).toEqual({ credited: "20", paid: "100", open: "-20" })
  })
})

describe("paymentStatus", () => {
  it("is open when nothing was paid and something is open", () => {
    expect(paymentStatus("100", "0")).toBe("open")
  })

  it("is partially_paid when something was paid and something is open", () => {
    expect(paymentStatus("0.01", "99.99")).toBe("partially_paid")
  })

  it("is paid when nothing is open, whether paid, credited or owed back", () => {
    expect(paymentStatus("0", "100")).toBe("paid")
    expect(paymentStatus("0", "0")).toBe("paid")
    expect(paymentStatus("-20", "100")).toBe("paid")
  })
})

describe("checkPayment", () => {
  it("accepts a payment of at most what is open and returns it as a decimal string", () => {
    expect(checkPayment(anInvoice("100"), "40", 2)).toBe("40")
    expect(checkPayment(anInvoice("100", "0", "40"), "60", 2)).toBe("60")
    expect(checkPayment(anInvoice("0.3", "0", "0.1"), "0.2", 2)).toBe("0.2")
  })

  it("refuses a payment of more than what is open, naming amount and the numbers", () => {
    const error = refusal(() => checkPayment(anInvoice("100", "0", "40"), "60.01", 2))
    expect(error.field).toBe("amount")
    expect(error.message).toBe("amount: 60.01 is more than the 60.00 open on INV-000001 (total 100.00, credited 0.00, paid 40.00)")
  })

  it("counts credit notes against what is open: a payment of the total less the credit is accepted, a cent more refused", () => {
    const credited = anInvoice("100", "-25.5")
    expect(checkPayment(credited, "74.5", 2)).toBe("74.5")
    expect(refusal(() => checkPayment(credited, "74.51", 2)).message).toBe(
      "amount: 74.51 is more than the 74.50 open on INV-000001 (total 100.00, credited 25.50, paid 0.00)"
    )
  })

  it("refuses any payment when nothing is open", () => {
    for (const invoice of [anInvoice("100", "0", "100"), anInvoice("100", "-100"), anInvoice("100", "-20", "100")]) {
      const error = refusal(() => checkPayment(invoice, "0.01", 2))
      expect([error.field, error.message]).toEqual(["amount", expect.stringMatching(/^amount: nothing is open on INV-000001/)])
    }
  })

  it("refuses more decimals than the currency's digits, even when the amount would fit", () => {
    const error = refusal(() => checkPayment(anInvoice("100"), "10.005", 2))
    expect(error.field).toBe("amount")
    expect(error.message).toBe("amount: 10.005 has 3 decimals, more than the 2 of EUR")
    expect(refusal(() => checkPayment(anInvoice("100", "0", "0", { currency_code: "jpy" }), "1.5", 0)).message).toBe(
      "amount: 1.5 has 1 decimals, more than the 0 of JPY"
    )
    expect(checkPayment(anInvoice("100", "0", "0", { currency_code: "jpy" }), "100", 0)).toBe("100")
    expect(checkPayment(anInvoice("100", "0", "0", { currency_code: "kwd" }), "10.005", 3)).toBe("10.005")
  })

  it("reads exponent notation (String of a tiny number) exactly, so its decimals are counted", () => {
    expect(String(0.0000001)).toBe("1e-7")
    expect(refusal(() => checkPayment(anInvoice("100"), String(0.0000001), 2)).message).toMatch(/^amount: 0\.0000001 has 7 decimals/)
  })

  it("refuses an amount that is not positive", () => {
    for (const amount of ["0", "-5", "NaN", "abc"]) {
      expect([amount, refusal(() => checkPayment(anInvoice("100"), amount, 2)).field]).toEqual([amount, "amount"])
    }
  })

  it("refuses paying a credit note: only an invoice can be paid", () => {
    const note = anInvoice("-20", "0", "0", { number: "CN-000001", kind: "credit_note" })
    const error = refusal(() => checkPayment(note, "5", 2))
    expect(error.message).toBe("CN-000001 is a credit note: only an invoice can be paid")
  })
})
