import { randomFillSync } from "node:crypto"
import { factory } from "ulid"

/**
 * Cryptographic random bytes drawn from a pool refilled 4 KB at a time: ulid's default
 * source asks the kernel once per character, which costs more than the rest of writing a
 * row when posting thousands of lines.
 */
const pool = Buffer.alloc(4096)
let next = pool.length
function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++] / 0x100
}

const ulid = factory(pooledRandom)

/** A Medusa-style id (`prefix_ULID`), as generateEntityId makes them. */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`
}
