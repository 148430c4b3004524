/**
 * The pages of a posting, each with what `read` gave for it, in page order, reading one page
 * ahead: page n + 1 is read while the caller works on page n, so that the database's work on
 * one page and Node's on the other overlap. At most two pages are in memory at once. A read
 * that fails is thrown when its page's turn comes; once the caller stops, nothing more is read.
 */
export async function* readAhead<Page, Read>(pages: Page[], read: (page: Page) => Promise<Read>): AsyncGenerator<[Page, Read]> {
  const start = (page: Page) => {
    const reading = read(page)
    // Awaited at its page's turn; until then a failure must not count as an unhandled rejection.
    reading.catch(() => undefined)
    return reading
  }
  let next = pages.length ? start(pages[0]) : null
  for (let n = 0; n < pages.length; n++) {
    const current = await next!
    next = n + 1 < pages.length ? start(pages[n + 1]) : null
    yield [pages[n], current]
  }
}
