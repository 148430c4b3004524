// The HTTP surface of the plugin, read from the file system: a route added under src/api is fuzzed (or the fuzz suite fails).
import fs from "node:fs"
import path from "node:path"

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH"
export type RouteMethod = { method: HttpMethod; path: string; file: string }

export const API_DIR = path.resolve(__dirname, "../../../src/api")

const EXPORTED_METHOD = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|DELETE|PUT|PATCH)\b/g

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === "route.ts" ? [full] : []
  })
}

/** Every method every route file exports, with Medusa's path for it (`[id]` folders are `:id` parameters). */
export function discoverRoutes(apiDir = API_DIR): RouteMethod[] {
  return routeFiles(apiDir)
    .flatMap((file) => {
      const route = "/" + path.relative(apiDir, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
      const methods = [...fs.readFileSync(file, "utf8").matchAll(EXPORTED_METHOD)].map((m) => m[1] as HttpMethod)
      return methods.map((method) => ({ method, path: route, file: path.relative(apiDir, file) }))
    })
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`
