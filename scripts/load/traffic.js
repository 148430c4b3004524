// The admins of `npm run test:load`, each with their own login, all at once for a fixed time: half post small selections
// (POST /admin/invoicing/post), half read invoices (list, detail, now and then a PDF). Every client
// sends its next request as soon as the last one answered. Each answer is judged against the
// documented behaviour (see scripts/test-load.js); whatever is not is kept as an error.
const { routeStats } = require("./route-stats")

const ROUTES = {
  post: "POST /admin/invoicing/post",
  list: "GET /admin/invoices",
  detail: "GET /admin/invoices/:id",
  pdf: "GET /admin/invoices/:id/pdf",
}
/** A reader's next request: the list, an invoice, or (least often: it renders) its PDF. */
const READS = [
  [0.45, "list"],
  [0.9, "detail"],
  [1, "pdf"],
]
const PAGE = 20
const SUMMARY_UPDATES = ["none", "invoice_account", "order", "packing_slip"]

const pick = (items) => items[Math.floor(Math.random() * items.length)]

/** The posting parameters an admin chooses: often the defaults, else any summary update and charge printing. */
function postingParameters() {
  if (Math.random() < 0.4) return {}
  return { summary_update: pick(SUMMARY_UPDATES), print_charges: pick(["summarize", "detail"]) }
}

/**
 * @param {{ baseUrl: string, admins: Record<string, string>[], pool: ReturnType<import("./order-pool").orderPool>,
 *   seconds: number }} options  admins: the authenticated headers of each client
 * @returns stats (per route), errors ({ route, status, detail }), answers (one per posting:
 *   { order_ids, status, invoices?: { id, number, order_ids }[], skipped?: { order_id, reason }[] })
 *   and the seconds the load took, the last requests' answers included.
 */
async function runTraffic({ baseUrl, admins, pool, seconds }) {
  const stats = routeStats()
  const errors = []
  const answers = []
  const invoiceIds = [] // every invoice a posting answered with: committed, so always readable
  let invoiceCount = 0 // as the last list answered
  const deadline = Date.now() + seconds * 1000

  const fail = (route, status, detail) => errors.push({ route, status, detail: String(detail).slice(0, 500) })

  /** One request, timed and counted; a body that is JSON comes back parsed, any other as a Buffer. */
  async function request(headers, route, method, path, body) {
    const started = process.hrtime.bigint()
    let status
    let data
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
      status = response.status
      data = Buffer.from(await response.arrayBuffer())
      if (/json/.test(response.headers.get("content-type") ?? "")) data = JSON.parse(data.toString("utf8"))
    } catch (error) {
      status = "network error"
      data = error.cause?.message ?? error.message
    }
    stats.record(route, status, Number(process.hrtime.bigint() - started) / 1e6)
    return { status, data }
  }

  const excerpt = (data) => (Buffer.isBuffer(data) ? data.toString("utf8", 0, 300) : typeof data === "string" ? data : JSON.stringify(data))

  async function post(headers) {
    const order_ids = pool.selection()
    if (!order_ids.length) return false
    const { status, data } = await request(headers, ROUTES.post, "POST", "/admin/invoicing/post", { order_ids, parameters: postingParameters() })
    const answer = { order_ids, status }
    answers.push(answer)
    if (status === 200 && Array.isArray(data?.invoices) && Array.isArray(data?.skipped)) {
      answer.invoices = data.invoices.map((i) => ({ id: i.id, number: i.number, order_ids: i.orders.map((o) => o.id) }))
      answer.skipped = data.skipped
      invoiceIds.push(...answer.invoices.map((i) => i.id))
      const accounted = new Set([...answer.invoices.flatMap((i) => i.order_ids), ...answer.skipped.map((s) => s.order_id)])
      const missing = order_ids.filter((id) => !accounted.has(id))
      if (missing.length) fail(ROUTES.post, status, `orders neither invoiced nor skipped: ${missing.join(", ")}`)
      const unexplained = answer.skipped.filter((s) => typeof s.reason !== "string" || !s.reason)
      if (unexplained.length) fail(ROUTES.post, status, `skipped without a reason: ${JSON.stringify(unexplained)}`)
    } else if (!(status === 409 && data?.type === "conflict" && data.message)) {
      fail(ROUTES.post, status, `${JSON.stringify(order_ids)}: ${excerpt(data)}`)
    }
    return true
  }

  async function list(headers) {
    const offset = Math.floor(Math.random() * (Math.max(invoiceCount - PAGE, 0) + 1))
    const { status, data } = await request(headers, ROUTES.list, "GET", `/admin/invoices?limit=${PAGE}&offset=${offset}`)
    if (status === 200 && Array.isArray(data?.invoices) && Number.isInteger(data.count)) invoiceCount = data.count
    else fail(ROUTES.list, status, excerpt(data))
  }

  async function detail(headers) {
    const id = pick(invoiceIds)
    const { status, data } = await request(headers, ROUTES.detail, "GET", `/admin/invoices/${id}`)
    if (!(status === 200 && data?.invoice?.id === id)) fail(ROUTES.detail, status, `${id}: ${excerpt(data)}`)
  }

  async function pdf(headers) {
    const id = pick(invoiceIds)
    const { status, data } = await request(headers, ROUTES.pdf, "GET", `/admin/invoices/${id}/pdf`)
    if (!(status === 200 && Buffer.isBuffer(data) && data.subarray(0, 5).toString() === "%PDF-")) fail(ROUTES.pdf, status, `${id}: ${excerpt(data)}`)
  }

  const reads = { list, detail, pdf }
  async function reader(headers) {
    while (Date.now() < deadline) {
      const roll = Math.random()
      const read = invoiceIds.length ? READS.find(([upTo]) => roll < upTo)[1] : "list"
      await reads[read](headers)
    }
  }

  async function poster(headers) {
    while (Date.now() < deadline && (await post(headers)));
  }

  const posters = Math.ceil(admins.length / 2)
  const started = Date.now()
  await Promise.all(admins.map((headers, i) => (i < posters ? poster(headers) : reader(headers))))
  return { stats, errors, answers, posters, readers: admins.length - posters, seconds: (Date.now() - started) / 1000 }
}

module.exports = { runTraffic, ROUTES }
