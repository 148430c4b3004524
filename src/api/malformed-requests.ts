import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse, errorHandler } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Every route of the plugin: the admin API, the customer's documents and the signed document links. */
export const PLUGIN_ROUTES = ["/admin/invoic*", "/store/invoices*", "/invoicing/documents*"] as const

const NUL = "\u0000"

/** The first field (dotted path) whose text holds a NUL character, if any; walked without recursion, however deep the JSON. */
function fieldWithNul(root: unknown): string | undefined {
  const pending: [unknown, string][] = [[root, ""]]
  while (pending.length) {
    const [value, path] = pending.pop()!
    if (typeof value === "string" && value.includes(NUL)) return path || "body"
    if (typeof value !== "object" || value === null) continue
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key
      if (key.includes(NUL)) return childPath
      pending.push([child, childPath])
    }
  }
  return undefined
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const UNDECODABLE_PATH = "The request path is not valid percent-encoded UTF-8"

/**
 * Refuses with 400, naming the part at fault, what would otherwise end in a 500: a query key
 * nested more than two levels deep (Medusa's query validation throws an internal error for
 * it), and text holding a NUL character anywhere in the path, query or body (PostgreSQL can
 * neither store nor compare it).
 */
export function refuseMalformedRequests(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  let path: string
  try {
    path = decodeURIComponent(req.path)
  } catch {
    return next(refuse(UNDECODABLE_PATH))
  }
  if (path.includes(NUL)) return next(refuse("The path must not contain the NUL character (%00)"))
  const deepKey = Object.keys(req.query ?? {}).find((key) => key.split(".").length > 2)
  if (deepKey) return next(refuse(`${deepKey.slice(0, 100)}: query parameters are read at most two levels deep (a.b)`))
  const inQuery = fieldWithNul(req.query)
  if (inQuery) return next(refuse(`${inQuery.slice(0, 100)}: text must not contain the NUL character (\\u0000)`))
  const inBody = fieldWithNul(req.body)
  if (inBody) return next(refuse(`${inBody.slice(0, 100)}: text must not contain the NUL character (\\u0000)`))
  next()
}

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, except for a path whose percent-escapes are not UTF-8 ("%ED%A0%80"):
 * Express fails to decode it while matching Medusa's own /admin and /store middlewares, before
 * any route middleware runs, and Medusa answers that 500. It is the client's error: 400.
 */
export function invoicingErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const undecodable = err instanceof URIError && (err as URIError & { status?: number }).status === 400
  return medusaErrorHandler(undecodable ? refuse(UNDECODABLE_PATH) : err, req, res, next)
}
