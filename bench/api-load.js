// Load on HTTP routes: `clients` concurrent clients, each on its own keep-alive connection,
// sending its next request as soon as the last one answered, for `seconds`. Every latency is
// kept, so the percentiles are exact. (An equivalent of autocannon that reports p95, which
// autocannon's summary lacks.) The client is node:http, not fetch: the load runs on the cores it
// measures, and fetch cost about half as much CPU again per list request (1.5 ms against 0.8–1.0).
const http = require("node:http")
const { ownCpuMs, treeCpuMs, canReadCpu } = require("./process-cpu")

/** The p-th percentile (0–100) of sorted latencies, nearest rank. */
function percentile(sorted, p) {
  if (!sorted.length) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** GET `url` on `agent`'s connection: whether the answer was 2xx, once its body has arrived. */
function get(agent, url, headers) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.on("error", () => resolve(false))
      response.on("end", () => resolve(response.statusCode >= 200 && response.statusCode < 300))
      response.resume()
    })
    request.on("error", () => resolve(false))
  })
}

/**
 * @param {{ url: () => string, headers: Record<string,string>[], clients: number, seconds: number,
 *   processes?: { server: () => number[], postgres: () => number[] } }} load
 *   url: called for every request (e.g. a random invoice each time); headers: client i sends
 *   headers[i % headers.length] (one admin per client: some limits count per user);
 *   processes: the pids of the Medusa server and of the PostgreSQL postmaster, for the CPU figures.
 * @returns requests/s, p50 and p95 in ms, errors (non-2xx or failed), the request count and,
 *   with `processes` on Linux, the CPU ms one request cost PostgreSQL, the server and this client.
 */
async function applyLoad({ url, headers, clients, seconds, processes }) {
  const latencies = []
  let errors = 0
  const deadline = Date.now() + seconds * 1000
  const client = async (_, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      while (Date.now() < deadline) {
        const start = process.hrtime.bigint()
        if (!(await get(agent, url(), headers[i % headers.length]))) errors++
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
    } finally {
      agent.destroy()
    }
  }
  const cpu = processes && canReadCpu() ? () => ({ postgres: treeCpuMs(processes.postgres), server: treeCpuMs(processes.server), client: ownCpuMs() }) : null
  const cpuBefore = cpu?.()
  const began = Date.now()
  await Promise.all(Array.from({ length: clients }, client))
  const elapsed = (Date.now() - began) / 1000
  const cpuAfter = cpu?.()
  latencies.sort((a, b) => a - b)
  const perRequest = (key) => Number(((cpuAfter[key] - cpuBefore[key]) / latencies.length).toFixed(2))
  return {
    requests: latencies.length,
    requests_per_second: Number((latencies.length / elapsed).toFixed(1)),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p95_ms: Number(percentile(latencies, 95).toFixed(1)),
    errors,
    ...(cpu && { cpu_ms_per_request: { postgres: perRequest("postgres"), server: perRequest("server"), client: perRequest("client") } }),
  }
}

/** Median and p95 of sequential calls of `call` (an async function), in ms. */
async function timeCalls(call, times) {
  const latencies = []
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint()
    await call(i)
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  latencies.sort((a, b) => a - b)
  return { calls: times, median_ms: Number(percentile(latencies, 50).toFixed(1)), p95_ms: Number(percentile(latencies, 95).toFixed(1)) }
}

module.exports = { applyLoad, timeCalls, percentile }
