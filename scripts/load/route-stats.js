// Requests, statuses and latencies per route; every latency is kept, so percentiles are exact.
const { percentile } = require("../../bench/api-load")

function routeStats() {
  const routes = new Map() // route -> { latencies: number[], statuses: Map<status, count> }

  function record(route, status, ms) {
    if (!routes.has(route)) routes.set(route, { latencies: [], statuses: new Map() })
    const r = routes.get(route)
    r.latencies.push(ms)
    r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1)
  }

  /** One row per route: requests, requests/s over `seconds`, statuses, p50, p95 and max in ms. */
  function rows(seconds) {
    return [...routes].map(([route, r]) => {
      const sorted = [...r.latencies].sort((a, b) => a - b)
      const ms = (p) => Math.round(percentile(sorted, p))
      return {
        route,
        requests: sorted.length,
        "req/s": Number((sorted.length / seconds).toFixed(1)),
        statuses: [...r.statuses].map(([s, n]) => `${s}: ${n}`).join(", "),
        "p50 ms": ms(50),
        "p95 ms": ms(95),
        "max ms": Math.round(sorted.at(-1)),
      }
    })
  }

  return { record, rows }
}

module.exports = { routeStats }
