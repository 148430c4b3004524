// The shipped, not yet invoiced orders the posting admins pick from. Mostly orders no one has picked
// yet; sometimes (OVERLAP) also one or two that another admin picked moments ago, whose posting may
// still be running: real admins collide, and the product must answer each collision cleanly.
const OVERLAP = 0.25
const MAX_SELECTION = 5
/** How far back the "moments ago" reaches: the last RECENT orders picked by anyone. */
const RECENT = 64

const randomInt = (n) => Math.floor(Math.random() * n)

function shuffled(items) {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

function orderPool(orderIds) {
  const fresh = shuffled(orderIds)
  const recent = []
  const timesPicked = new Map() // order id -> selections it was in
  let ranOut = false

  /** 1–5 order ids; empty once every order has been picked. */
  function selection() {
    const size = 1 + randomInt(MAX_SELECTION)
    const ids = new Set()
    if (recent.length && Math.random() < OVERLAP) {
      const overlapping = 1 + randomInt(Math.min(size, 2))
      for (let i = 0; i < overlapping; i++) ids.add(recent[randomInt(recent.length)])
    }
    while (ids.size < size) {
      if (!fresh.length) {
        ranOut = true
        break
      }
      ids.add(fresh.pop())
    }
    for (const id of ids) {
      timesPicked.set(id, (timesPicked.get(id) ?? 0) + 1)
      recent.push(id)
      if (recent.length > RECENT) recent.shift()
    }
    return [...ids]
  }

  return {
    selection,
    /** Whether a posting admin found no fresh order left: the seed was too small for the load. */
    ranOut: () => ranOut,
    /** How many selections an order was in (0: never picked). */
    timesPicked: (id) => timesPicked.get(id) ?? 0,
    picked: () => [...timesPicked.keys()],
    left: () => fresh.length,
  }
}

module.exports = { orderPool, OVERLAP }
