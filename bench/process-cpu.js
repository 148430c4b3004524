// CPU time of the processes behind a load (Linux /proc): who pays for a request when the load
// generator, the Medusa server and PostgreSQL share one machine's cores.
const fs = require("node:fs")
const path = require("node:path")
const { execFileSync } = require("node:child_process")

let ticksPerSecond = null
const msPerTick = () => 1000 / (ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })))

/** A process's status fields from /proc/<pid>/stat (after the command name), or null once it is gone. */
function statFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  } catch {
    return null
  }
}

/**
 * CPU ms of `pid`: its own user and system time, and that of the children it has reaped (a
 * PostgreSQL backend that ends mid-run still counts, through its postmaster).
 */
function cpuMsOf(pid) {
  const f = statFields(pid)
  if (!f) return 0
  // Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 after the command name.
  return [11, 12, 13, 14].reduce((ms, i) => ms + Number(f[i]) * msPerTick(), 0)
}

/** The live processes under `roots`, the roots included (a server's Chromium and its renderers too). */
function descendantsOf(roots) {
  const childrenByParent = new Map()
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const ppid = statFields(pid)?.[1]
    if (ppid) childrenByParent.set(ppid, [...(childrenByParent.get(ppid) ?? []), pid])
  }
  const found = roots.map(String)
  for (let i = 0; i < found.length; i++) found.push(...(childrenByParent.get(found[i]) ?? []))
  return found
}

/**
 * The pid of the PostgreSQL server at `connectionString`, when it runs on this machine: the
 * parent of the backend serving a connection. Null when it is elsewhere.
 */
async function postmasterOf(connectionString) {
  const { Client } = require(require.resolve("pg", { paths: [path.resolve(__dirname, "..")] }))
  const client = new Client({ connectionString })
  await client.connect()
  try {
    const { rows } = await client.query("select pg_backend_pid() as pid")
    return Number(statFields(rows[0].pid)?.[1]) || null
  } finally {
    await client.end()
  }
}

/** CPU ms of the processes `roots()` names and of everything they started, as one figure. */
function treeCpuMs(roots) {
  return descendantsOf(roots()).reduce((ms, pid) => ms + cpuMsOf(pid), 0)
}

/** CPU ms of this process (the load generator). */
function ownCpuMs() {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Whether CPU can be read here (Linux). */
const canReadCpu = () => fs.existsSync("/proc/self/stat")

module.exports = { treeCpuMs, ownCpuMs, postmasterOf, canReadCpu }
