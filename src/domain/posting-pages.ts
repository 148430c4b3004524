/**
 * A large selection cut into pages of about `size` orders for posting, so that memory stays
 * flat whatever its size. An invoice account is never split across pages: every summary
 * update groups within one invoice account (orders without one share the account ""), so the
 * pages propose exactly the invoices the whole selection would. An account with more orders
 * than a page fills a page of its own. Accounts keep the order of their first order.
 */
export function pagesByInvoiceAccount(orders: { id: string; invoice_account_id: string | null }[], size: number): string[][] {
  if (orders.length <= size) return orders.length ? [orders.map((o) => o.id)] : []
  const byAccount = new Map<string, string[]>()
  for (const order of orders) {
    const account = order.invoice_account_id ?? ""
    const ids = byAccount.get(account)
    if (ids) ids.push(order.id)
    else byAccount.set(account, [order.id])
  }
  const pages: string[][] = []
  let page: string[] = []
  for (const ids of byAccount.values()) {
    if (page.length && page.length + ids.length > size) {
      pages.push(page)
      page = []
    }
    page.push(...ids)
  }
  if (page.length) pages.push(page)
  return pages
}
