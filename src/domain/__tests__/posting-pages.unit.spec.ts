import { pagesByInvoiceAccount } from "../posting-pages"

const order = (id: string, invoice_account_id: string | null) => ({ id, invoice_account_id })

describe("posting a large selection page by page", () => {
  it("keeps every order of an invoice account on one page, so the pages propose what the whole selection would", () => {
    const orders = [order("o1", "A"), order("o2", "B"), order("o3", "A"), order("o4", "C"), order("o5", "B"), order("o6", "C")]
    const pages = pagesByInvoiceAccount(orders, 3)
    expect(pages).toEqual([["o1", "o3"], ["o2", "o5"], ["o4", "o6"]])
    for (const account of ["A", "B", "C"]) {
      const ids = orders.filter((o) => o.invoice_account_id === account).map((o) => o.id)
      expect(pages.filter((p) => p.some((id) => ids.includes(id)))).toHaveLength(1)
    }
  })

  it("fills pages up to their size with whole accounts, in the order of each account's first order", () => {
    const orders = ["A", "B", "A", "C", "D", "D"].map((a, i) => order(`o${i + 1}`, a))
    expect(pagesByInvoiceAccount(orders, 4)).toEqual([["o1", "o3", "o2", "o4"], ["o5", "o6"]])
  })

  it("gives an account with more orders than a page a page of its own", () => {
    const orders = [order("o1", "small"), ...Array.from({ length: 5 }, (_, i) => order(`big${i}`, "big")), order("o2", "other")]
    expect(pagesByInvoiceAccount(orders, 2)).toEqual([["o1"], ["big0", "big1", "big2", "big3", "big4"], ["o2"]])
  })

  it("keeps orders without an invoice account together, as the summary update groups them", () => {
    const orders = [order("o1", null), order("o2", "A"), order("o3", null)]
    expect(pagesByInvoiceAccount(orders, 1)).toEqual([["o1", "o3"], ["o2"]])
  })

  it("a selection within one page stays one page in its own order, and nothing is lost or repeated", () => {
    const orders = Array.from({ length: 50 }, (_, i) => order(`o${i}`, `acc${i % 7}`))
    expect(pagesByInvoiceAccount(orders, 1000)).toEqual([orders.map((o) => o.id)])
    const paged = pagesByInvoiceAccount(orders, 10)
    expect(paged.flat().sort()).toEqual(orders.map((o) => o.id).sort())
  })

  it("no orders, no pages", () => {
    expect(pagesByInvoiceAccount([], 10)).toEqual([])
  })
})
