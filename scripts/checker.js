// The checks of the scripts that run the app (`npm run test:load`, `npm run test:faults`): each prints
// one line, ok or FAIL with its figures, and is kept for the summary and the exit code.
function checker(prefix = "  ") {
  const results = []
  return {
    results,
    check(ok, label, detail = "") {
      results.push({ ok: Boolean(ok), label })
      console.log(`${prefix}${ok ? "ok  " : "FAIL"} ${label}${detail ? ` (${detail})` : ""}`)
    },
    failed: () => results.filter((r) => !r.ok),
  }
}

module.exports = { checker }
