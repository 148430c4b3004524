import { invoiceAccountCycle, invoiceAccountOf } from "../invoice-account"

describe("invoice accounts", () => {
  it("a customer without an invoice account is billed itself", () => {
    expect(invoiceAccountOf("cus_emma", new Map())).toBe("cus_emma")
    expect(invoiceAccountOf("cus_emma", new Map([["cus_emma", null]]))).toBe("cus_emma")
  })

  it("a customer billed to another customer is invoiced to that customer", () => {
    expect(invoiceAccountOf("cus_emma", new Map([["cus_emma", "cus_david"]]))).toBe("cus_david")
  })

  it("an invoice account that is itself billed to a third customer passes the bill on", () => {
    const billedTo = new Map([
      ["cus_emma", "cus_david"],
      ["cus_david", "cus_hq"],
    ])
    expect(invoiceAccountOf("cus_emma", billedTo)).toBe("cus_hq")
  })

  it("a loop already stored stops where it closes instead of running forever", () => {
    const billedTo = new Map([
      ["cus_a", "cus_b"],
      ["cus_b", "cus_a"],
    ])
    expect(invoiceAccountOf("cus_a", billedTo)).toBe("cus_b")
  })

  it("billing a customer to one who is billed to it closes a cycle, named customer by customer", () => {
    const billedTo = new Map([
      ["cus_b", "cus_c"],
      ["cus_c", "cus_a"],
    ])
    expect(invoiceAccountCycle("cus_a", "cus_b", billedTo)).toEqual(["cus_a", "cus_b", "cus_c", "cus_a"])
    expect(invoiceAccountCycle("cus_a", "cus_a", billedTo)).toBeNull()
  })

  it("billing a customer to itself, to nobody or into a chain that ends elsewhere is no cycle", () => {
    const billedTo = new Map([
      ["cus_b", "cus_c"],
      ["cus_x", "cus_y"],
      ["cus_y", "cus_x"],
    ])
    expect(invoiceAccountCycle("cus_a", "cus_a", billedTo)).toBeNull()
    expect(invoiceAccountCycle("cus_a", null, billedTo)).toBeNull()
    expect(invoiceAccountCycle("cus_a", "cus_b", billedTo)).toBeNull()
    expect(invoiceAccountCycle("cus_a", "cus_x", billedTo)).toBeNull()
  })
})
