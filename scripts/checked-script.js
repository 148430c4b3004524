// The frame of a script of checks (test:cluster, test:faults, test:load): its temporary folder,
// kept with the process logs when something failed; cleanup on every way out; one summary line;
// the exit code.
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { cleanUp, isStopping, onCleanup, stopOnSignals } = require("./processes")

function checkedScript(tag) {
  const log = (message) => console.log(`[${tag}] ${message}`)
  let keepLogs = false
  let tmp = null
  const failWith = (error) => {
    console.error(`[${tag}] ${error.stack || error.message}`)
    keepLogs = true
    if (tmp) log(`process logs kept in ${tmp}`)
  }
  return {
    log,

    /** Starts the script: its temporary folder (an embedded PostgreSQL, running as "postgres", must reach it) and its handlers. */
    start() {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `medusa-invoicing-${tag}-`))
      fs.chmodSync(tmp, 0o755)
      onCleanup("remove the temporary folder", () => !keepLogs && fs.rmSync(tmp, { recursive: true, force: true }))
      process.on("uncaughtException", (error) => {
        failWith(error)
        cleanUp().then(() => process.exit(1))
      })
      stopOnSignals(log)
      return tmp
    },

    /** Prints how many of `results` ({ ok, label }) passed and which failed; a failure keeps the logs. Returns the exit code. */
    finish(results, startedAt, keptLogs = `process logs kept in ${tmp}`) {
      const failed = results.filter((r) => !r.ok)
      keepLogs = failed.length > 0
      log(`${results.length - failed.length} of ${results.length} checks passed in ${((Date.now() - startedAt) / 1000).toFixed(2)} s`)
      if (failed.length) {
        log(`FAILED: ${failed.map((f) => f.label).join("; ")}`)
        log(keptLogs)
      }
      return failed.length ? 1 : 0
    },

    /** Runs `main` (which returns the exit code) and exits with its outcome, after cleaning up whatever happened. */
    async run(main) {
      let code = 1
      try {
        code = await main()
      } catch (error) {
        if (isStopping()) return // the signal handler cleans up and exits
        failWith(error)
      }
      if (isStopping()) return
      await cleanUp()
      process.exit(code)
    },
  }
}

module.exports = { checkedScript }
