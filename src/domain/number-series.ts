/** A series' number for a value, as numbering prints it: the prefix, then the value padded with zeros (INV-000001). */
export function formatDocumentNumber(prefix: string, padding: number, value: number): string {
  return `${prefix}${String(value).padStart(padding, "0")}`
}

/**
 * Whether two prefixes could ever print the same number: a number is its prefix followed by
 * digits, so they can when they are equal or one is the other followed by digits only
 * ("INV-" and "INV-2027" both print INV-2027000001).
 */
export function prefixesOverlap(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.startsWith(short) && /^\d*$/.test(long.slice(short.length))
}
