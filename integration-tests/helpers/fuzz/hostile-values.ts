// Values a careless or hostile client sends: nothing here is a sensible value for any field.
import fc from "fast-check"

/** 100,000 characters: past every text limit, and (as JSON) past the body size limit. */
export const HUGE_TEXT = "x".repeat(100_000)

export const HOSTILE_STRINGS = [
  "",
  "   ",
  "🧾💸👩‍👩‍👧‍👦🏳️‍🌈",
  "\u202Eeciovni\u202C",
  "مرحبا بالعالم",
  "a\u0000b",
  "\u0000",
  "\uD800",
  "' OR 1=1; DROP TABLE invoicing_invoice; --",
  "%' OR '1'='1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{constructor.constructor('return process')()}}",
  "${7*7}",
  "../../../etc/passwd",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "9223372036854775808",
  "-1",
  "0x10",
  "true",
  "null",
  "undefined",
  "__proto__",
  "x".repeat(5_000),
  "🧾".repeat(20_000),
  HUGE_TEXT,
]

export const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  2 ** 63,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  -1,
  -0.5,
  0.5,
  1.000001,
  0,
  123456789012,
]

export const WRONG_TYPES: unknown[] = [null, true, false, [], [1, "a"], {}, { $ne: null }, { $gt: "" }, [[[[]]]], { a: { b: { c: { d: {} } } } }]

/** Any JSON value a field should not get (it may happen to be valid for a lax field: no outcome is predicted from it). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
)

/** A path segment or query value: text of any kind, URL-encoded by the caller. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 10_000)) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.map(String)) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) }
)

/** Bodies no JSON serializer would produce, each with the content type it is sent as. */
export const RAW_BODIES: { contentType: string; raw: string }[] = [
  { contentType: "application/json", raw: "{" },
  { contentType: "application/json", raw: '{"order_ids": ["a"' },
  { contentType: "application/json", raw: "NaN" },
  { contentType: "application/json", raw: '{"amount": NaN}' },
  { contentType: "application/json", raw: '{"amount": 1e400}' },
  { contentType: "application/json", raw: '{"amount": -Infinity}' },
  { contentType: "application/json", raw: '{"copies": 99999999999999999999999999999999}' },
  { contentType: "application/json", raw: "" },
  { contentType: "application/json", raw: "null" },
  { contentType: "application/json", raw: "[]" },
  { contentType: "application/json", raw: '"just a string"' },
  { contentType: "application/json", raw: "12345" },
  { contentType: "application/json", raw: '{"__proto__": {"isAdmin": true}}' },
  { contentType: "application/json", raw: '{"constructor": {"prototype": {"polluted": 1}}}' },
  { contentType: "application/json", raw: '{"a": 1, "a": 2}' },
  { contentType: "application/json", raw: "\uFEFF{}" },
  { contentType: "application/json; charset=utf-16", raw: "{}" },
  { contentType: "text/plain", raw: '{"reason": "hello"}' },
  { contentType: "text/plain", raw: "\u0000\u0001\u0002" },
  { contentType: "application/x-www-form-urlencoded", raw: "order_ids[]=x&parameters[posting]=true&amount=5&copies=1" },
  { contentType: "application/x-www-form-urlencoded", raw: "a[b][c][d][e][f][g]=1&%00=%00" },
  { contentType: "multipart/form-data; boundary=xyz", raw: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--' },
  { contentType: "application/xml", raw: "<invoice><amount>5</amount></invoice>" },
  { contentType: "application/octet-stream", raw: "%PDF-1.7 garbage" },
]
