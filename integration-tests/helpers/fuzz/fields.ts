// A request's fields as the API promises to accept them, and the cases that break exactly one of them.
import fc from "fast-check"
import { hostileText, hostileValue } from "./hostile-values"

type Common = { required?: boolean; nullable?: boolean }
export type Field = Common &
  (
    | { kind: "string"; min?: number; max?: number; trim?: boolean }
    | { kind: "int"; min: number; max?: number }
    | { kind: "number"; min: number; max: number }
    | { kind: "positive" }
    | { kind: "enum"; example: string }
    | { kind: "bool" }
    | { kind: "date" | "datetime" | "date_or_datetime" | "wall_clock" | "email" | "time_zone" | "currency" | "data_uri" }
    | { kind: "object"; fields: Fields }
    | { kind: "array"; of: Field; min?: number; max?: number; unique?: boolean }
  )
export type Fields = Record<string, Field>

export const required = <F extends Field>(f: F): F => ({ ...f, required: true })
export const nullable = <F extends Field>(f: F): F => ({ ...f, nullable: true })

/** What a generated case expects: 400 naming `field`, when it broke one field in a way no valid request looks like. */
export type Case<T> = { value: T; field?: string; label: string }

type Path = (string | number)[]
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)
const short = (v: unknown) => {
  const s = v === undefined ? "undefined" : JSON.stringify(v)
  return s.length > 60 ? `${s.slice(0, 57)}…(${s.length} chars)` : s
}
const pathText = (path: Path) => path.join(".")

/** A valid value of the field, for filling arrays up to and past their size limits. */
function example(f: Field): unknown {
  switch (f.kind) {
    case "string":
      return "o".repeat(Math.max(f.min ?? 1, 1))
    case "enum":
      return f.example
    case "int":
      return Math.max(f.min, 1)
    case "object":
      return Object.fromEntries(Object.entries(f.fields).filter(([, c]) => c.required).map(([k, c]) => [k, example(c)]))
    default:
      throw new Error(`no example for a ${f.kind} field`)
  }
}

/** JSON values that no valid request has in this field. */
export function invalidJsonValues(f: Field): unknown[] {
  const notNull = f.nullable ? [] : [null]
  const common = [...notNull, [], { $ne: null }]
  switch (f.kind) {
    case "string":
      return [
        ...common,
        42,
        true,
        ...((f.min ?? 0) >= 1 ? [""] : []),
        ...(f.trim ? ["   \t "] : []),
        // Past the body size limit a longer text is refused before validation, without naming a field.
        ...(f.max && f.max < 20_000 ? ["y".repeat(f.max + 1), "🧾".repeat(f.max + 1)] : []),
      ]
    case "int":
      return [
        ...common,
        String(f.min + 1),
        "NaN",
        true,
        f.min - 1,
        -(2 ** 63),
        f.min + 0.5,
        2 ** 63,
        1e308,
        ...(f.max === undefined ? [] : [f.max + 1]),
      ]
    case "number":
      return [...common, String(f.min + 1), "NaN", true, f.min - 1, f.max * 10, -1e308]
    case "positive":
      return [...common, 0, -0.01, -1, -1e308, "5", "NaN", "Infinity", true]
    case "enum":
      return [...common, "bogus", f.example.toUpperCase(), ` ${f.example}`, 1, [f.example]]
    case "bool":
      return [...common, "true", 1, 0, "yes"]
    case "date":
      return [...common, "2026-13-01", "31/01/2026", "tomorrow", 20260101, "2026-01-01T00:00:00Z"]
    case "datetime":
      return [...common, "2026-01-01", "2026-01-01T10:00:00", "yesterday", 1735689600000]
    case "date_or_datetime":
      return [...common, "2026-13-01", "2026-01-01T10:00:00", "yesterday", 1735689600000]
    case "wall_clock":
      return [...common, "2026-01-01", "2026-01-01T10:00:00Z", "tomorrow 9am", 5]
    case "email":
      return [...common, "not-an-email", "a@", "@example.com", 42]
    case "time_zone":
      return [...common, "Mars/Olympus_Mons", "UTC+25", "", 3]
    case "currency":
      return [...common, "euro", "€", "12", 978]
    case "data_uri":
      return [...common, "https://evil.example/logo.png", "data:text/html;base64,PHNjcmlwdD4=", "javascript:alert(1)"]
    case "object":
      return [...notNull, "x", [], 42]
    case "array":
      return [
        ...notNull,
        "x",
        {},
        42,
        [null],
        ...((f.min ?? 0) >= 1 ? [[]] : []),
        ...(f.max === undefined ? [] : [Array.from({ length: f.max + 1 }, () => example(f.of))]),
        ...(f.unique ? [[example(f.of), example(f.of)]] : []),
      ]
  }
}

/** Query values (always text in a URL) that no valid request has in this field, as key/value pairs. */
export function invalidQueryPairs(key: string, f: Field): [string, string][][] {
  const shapes: [string, string][][] = [
    [[`${key}[]`, "1"], [`${key}[]`, "2"]],
    [[`${key}[a]`, "1"]],
    [[`${key}.a`, "1"]],
  ]
  const values = (list: string[]) => list.map((v): [string, string][] => [[key, v]])
  switch (f.kind) {
    case "int":
      return [
        ...shapes,
        ...values(["-1", "abc", "1.5", "NaN", "Infinity", "99999999999999999999", "1e400"]),
        ...(f.min >= 1 ? values(["0", ""]) : []),
        ...(f.max === undefined ? [] : values([String(f.max + 1), "1e9"])),
      ]
    case "enum":
      return [...shapes, ...values(["bogus", "", f.example.toUpperCase()])]
    case "string":
      return [...shapes, ...(f.max === undefined ? [] : values(["y".repeat(f.max + 1)]))]
    default:
      throw new Error(`no query form for a ${f.kind} field`)
  }
}

type Target = { path: Path; field: Field; name: string }

/** Every field of the body that a case can break: nested objects and the first element of arrays the valid body has. */
function targets(fields: Fields, base: unknown, prefix: Path = []): Target[] {
  const here = isObject(base) ? base : {}
  return Object.entries(fields).flatMap(([key, f]) => {
    const path = [...prefix, key]
    const value = here[key]
    const own: Target = { path, field: f, name: key }
    if (f.kind === "object" && isObject(value)) return [own, ...targets(f.fields, value, path)]
    if (f.kind === "array" && Array.isArray(value) && value.length) {
      const first = [...path, 0]
      const element: Target = { path: first, field: f.of, name: key }
      return [own, element, ...(f.of.kind === "object" ? targets(f.of.fields, value[0], first) : [])]
    }
    return [own]
  })
}

/** The objects of the body (the body itself, nested objects, array elements), with the fields each accepts. */
function objects(fields: Fields, base: unknown, prefix: Path = []): { path: Path; fields: Fields }[] {
  if (!isObject(base)) return []
  return [
    { path: prefix, fields },
    ...Object.entries(fields).flatMap(([key, f]) => {
      const value = base[key]
      if (f.kind === "object") return objects(f.fields, value, [...prefix, key])
      if (f.kind === "array" && f.of.kind === "object" && Array.isArray(value)) return objects(f.of.fields, value[0], [...prefix, key, 0])
      return []
    }),
  ]
}

function setAt(body: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(body) as Record<string | number, any>
  let node = copy
  for (const step of path.slice(0, -1)) {
    if (!isObject(node[step]) && !Array.isArray(node[step])) node[step] = {}
    node = node[step]
  }
  const last = path[path.length - 1]
  if (remove) delete node[last]
  else node[last] = value
  return copy
}

const EXTRA_KEYS = ["unexpected_field", "is_admin", "invoice_number", "created_by", "$where", "ПОЛЕ", "🧾"]

/** Cases that break one field of a valid body: a wrong value, a missing required field, a field the API does not have. */
export function brokenBodies(fields: Fields, base: Record<string, unknown>): fc.Arbitrary<Case<unknown>> {
  const all = targets(fields, base)
  const present = all.filter((t) => t.field.required && typeof t.path[t.path.length - 1] === "string")
  const wrong = fc.constantFrom(...all).chain((t) =>
    fc.constantFrom(...invalidJsonValues(t.field)).map((v) => ({ value: setAt(base, t.path, v), field: t.name, label: `${pathText(t.path)} = ${short(v)}` }))
  )
  const missing = present.length
    ? fc.constantFrom(...present).map((t) => ({ value: setAt(base, t.path, undefined, true), field: t.name, label: `without ${pathText(t.path)}` }))
    : wrong
  const extra = fc.constantFrom(...objects(fields, base)).chain((o) =>
    fc.constantFrom(...EXTRA_KEYS.filter((k) => !(k in o.fields))).map((key) => ({
      value: setAt(base, [...o.path, key], "surprise"),
      field: key,
      label: `extra ${pathText([...o.path, key])}`,
    }))
  )
  return fc.oneof({ weight: 6, arbitrary: wrong }, { weight: 2, arbitrary: missing }, { weight: 2, arbitrary: extra })
}

/** Cases that put any hostile value in any field (or make the whole body one): no outcome is predicted but "no 5xx, no write when refused". */
export function hostileBodies(fields: Fields, base: Record<string, unknown>): fc.Arbitrary<Case<unknown>> {
  const all = targets(fields, base)
  const whole = hostileValue.map((v) => ({ value: v, label: `body = ${short(v)}` }))
  if (!all.length) return whole
  const inField = fc.tuple(fc.constantFrom(...all), hostileValue).map(([t, v]) => ({ value: setAt(base, t.path, v), label: `${pathText(t.path)} = ${short(v)}` }))
  return fc.oneof({ weight: 4, arbitrary: inField }, { weight: 1, arbitrary: whole })
}

const UNKNOWN_PARAMS = ["bogus_param", "fields", "expand", "order", "with_deleted"]

/** Query strings that break one parameter (or add one the route does not have): 400 naming it. */
export function brokenQueries(fields: Fields): fc.Arbitrary<Case<[string, string][]>> {
  const broken = Object.entries(fields).flatMap(([key, f]) => invalidQueryPairs(key, f).map((pairs) => ({ key, pairs })))
  const unknown = UNKNOWN_PARAMS.filter((k) => !(k in fields))
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...broken).map(({ key, pairs }) => ({ value: pairs, field: key, label: `query ${short(pairs)}` })) },
    { weight: 1, arbitrary: fc.constantFrom(...unknown).map((key) => ({ value: [[key, "1"]] as [string, string][], field: key, label: `query ${key}=1` })) }
  )
}

/** Odd query strings of any shape: arrays, nested keys, keys three levels deep, repeated keys, hostile text. */
export function hostileQueries(fields: Fields): fc.Arbitrary<Case<[string, string][]>> {
  const keys = [...Object.keys(fields), "limit", "offset", "q", "a.b.c", "limit.a.b", "x[y][z]", "order[]", "__proto__[x]"]
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileText), hostileText)
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => ({ value: pairs as [string, string][], label: `query ${short(pairs)}` }))
}
