// Load on HTTP routes: `clients` concurrent clients, each sending its next request as soon as
// the last one answered, for `seconds`. Every latency is kept, so the percentiles are exact.
// (An equivalent of autocannon that reports p95, which autocannon's summary lacks.)

/** The p-th percentile (0–100) of sorted latencies, nearest rank. */
function percentile(sorted, p) {
  if (!sorted.length) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * @param {{ url: () => string, headers: Record<string,string>[], clients: number, seconds: number }} load
 *   url: called for every request (e.g. a random invoice each time); headers: client i sends
 *   headers[i % headers.length] (one admin per client: some limits count per user).
 * @returns requests/s, p50 and p95 in ms, errors (non-2xx or failed) and the request count.
 */
async function applyLoad({ url, headers, clients, seconds }) {
  const latencies = []
  let errors = 0
  const deadline = Date.now() + seconds * 1000
  const client = async (_, i) => {
    while (Date.now() < deadline) {
      const start = process.hrtime.bigint()
      try {
        const response = await fetch(url(), { headers: headers[i % headers.length] })
        await response.arrayBuffer()
        if (!response.ok) errors++
      } catch {
        errors++
      }
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
  }
  const began = Date.now()
  await Promise.all(Array.from({ length: clients }, client))
  const elapsed = (Date.now() - began) / 1000
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    requests_per_second: Number((latencies.length / elapsed).toFixed(1)),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p95_ms: Number(percentile(latencies, 95).toFixed(1)),
    errors,
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
