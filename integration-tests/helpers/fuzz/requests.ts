// Turns a route's promises into generated hostile requests, each with what it must get back.
import fc from "fast-check"
import { brokenBodies, brokenQueries, type Fields, hostileBodies, hostileQueries } from "./fields"
import { RAW_BODIES, hostileText } from "./hostile-values"
import { type Customer, type Known, type RouteFuzz, ownInvoiceIds } from "./route-fuzz"
import type { RouteMethod } from "./routes"

/** Who sends the request: an admin, customer A or B, a storefront without a login, or nobody at all. */
export type Caller = "admin" | Customer | "storefront" | "nobody" | "customer_on_admin"

export type FuzzRequest = {
  method: string
  url: string
  caller: Caller
  body?: { raw: string; contentType: string }
  /** status: exactly this; field: 400 invalid_data naming it. */
  expect: { status?: number; field?: string }
  label: string
}

const UNKNOWN_IDS = ["inv_01JUNKNOWN000000000000000000", "cus_01JUNKNOWN000000000000000000", "does-not-exist", "0", "-1", "null"]

/** A path segment; text that is not valid Unicode is sent as the invalid UTF-8 a client could send. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ""))}`
  }
}

const queryString = (pairs: [string, string][]) => (pairs.length ? `?${pairs.map(([k, v]) => `${segment(k)}=${segment(v)}`).join("&")}` : "")

const json = (value: unknown) => ({ raw: JSON.stringify(value), contentType: "application/json" })

/** Every request the fuzzer may send to one route, as one arbitrary. */
export function fuzzRequests(route: RouteMethod, fuzz: RouteFuzz, known: Known): fc.Arbitrary<FuzzRequest> {
  const paramNames = route.path.split("/").filter((s) => s.startsWith(":")).map((s) => s.slice(1))
  const url = (params: Record<string, string>, query: [string, string][] = []) =>
    route.path.replace(/:([a-z_]+)/g, (_, name) => segment(params[name])) + queryString(query)

  const realParams = (customer: Customer) =>
    fc.record(
      Object.fromEntries(
        paramNames.map((name) => {
          const values = fuzz.params?.[name]?.(known, customer) ?? []
          if (!values.length) throw new Error(`${route.method} ${route.path}: no real value of :${name} to fuzz with`)
          return [name, fc.constantFrom(...values)]
        })
      )
    )
  const hostileParams = fc.record(
    Object.fromEntries(
      paramNames.map((name) => [
        name,
        fc.oneof(
          fc.constantFrom(...(fuzz.params?.[name]?.(known, "anna") ?? [])),
          fc.constantFrom(...UNKNOWN_IDS),
          hostileText,
          fc.constant("a".repeat(3000))
        ),
      ])
    )
  )

  const customer = fc.constantFrom<Customer>("anna", "ben")
  const caller: fc.Arbitrary<Caller> = fuzz.audience === "admin" ? fc.constant("admin") : fuzz.audience === "customer" ? customer : fc.constant("nobody")
  /** The caller with path parameters that are theirs to use. */
  const target = caller.chain((c) => realParams(c === "ben" ? "ben" : "anna").map((params) => ({ caller: c, params })))

  const sendsBody = route.method === "POST"
  const validBody = fuzz.body ? fuzz.body.valid(known) : fc.constant(undefined)
  const request = (
    t: { caller: Caller; params: Record<string, string> },
    c: { field?: string; status?: number; query?: [string, string][]; body?: FuzzRequest["body"] },
    label: string
  ): FuzzRequest => ({
    method: route.method,
    url: url(t.params, c.query),
    caller: t.caller,
    body: c.body,
    expect: { status: c.status, field: c.field },
    label,
  })

  const cases: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = []
  const add = (weight: number, arbitrary: fc.Arbitrary<FuzzRequest>) => cases.push({ weight, arbitrary })

  // The real thing, unbroken: it may succeed and write.
  add(1, fc.tuple(target, validBody).map(([t, b]) => request(t, { body: b === undefined ? undefined : json(b) }, "valid request")))

  if (fuzz.body) {
    const { fields } = fuzz.body
    add(6, fc.tuple(target, validBody.chain((b) => brokenBodies(fields, b!))).map(([t, c]) => request(t, { field: c.field, body: json(c.value) }, c.label)))
    add(4, fc.tuple(target, validBody.chain((b) => hostileBodies(fields, b!))).map(([t, c]) => request(t, { body: json(c.value) }, c.label)))
  } else if (sendsBody) {
    add(2, fc.tuple(target, hostileBodies({}, {})).map(([t, c]) => request(t, { body: json(c.value) }, c.label)))
  }
  if (sendsBody) {
    add(2, fc.tuple(target, fc.constantFrom(...RAW_BODIES)).map(([t, body]) => request(t, { body }, `raw ${body.contentType}: ${body.raw.slice(0, 40)}`)))
  }

  const queryFields: Fields = fuzz.query ?? {}
  if (fuzz.query) add(6, fc.tuple(target, brokenQueries(fuzz.query)).map(([t, c]) => request(t, { field: c.field, query: c.value }, c.label)))
  add(2, fc.tuple(target, hostileQueries(queryFields)).map(([t, c]) => request(t, { query: c.value }, c.label)))

  if (paramNames.length) {
    add(4, fc.tuple(caller, hostileParams, validBody).map(([c, params, b]) =>
      request({ caller: c, params }, { body: b === undefined ? undefined : json(b) }, `params ${JSON.stringify(params).slice(0, 80)}`)
    ))
  }

  // Nobody but an admin uses the admin API; nobody but a logged-in customer the store's documents.
  if (fuzz.audience === "admin") {
    add(1, fc.tuple(target, fc.constantFrom<Caller>("nobody", "customer_on_admin")).map(([t, c]) => request({ ...t, caller: c }, { status: 401 }, `as ${c}`)))
  }
  if (fuzz.audience === "customer") {
    add(1, target.map((t) => request({ ...t, caller: "storefront" }, { status: 401 }, "as the storefront, not logged in")))
    // Customer B asking for customer A's documents (and A for B's) is told they do not exist.
    if (paramNames.includes("id")) {
      const foreign = customer.chain((c) =>
        fc.constantFrom(...ownInvoiceIds(known, c === "anna" ? "ben" : "anna")).map((id) => request({ caller: c, params: { id } }, { status: 404 }, `${c} asks for another customer's ${id}`))
      )
      add(3, foreign)
    }
  }
  return fc.oneof(...cases)
}
