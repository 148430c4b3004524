import { setTimeout as sleep } from "node:timers/promises"
import { readAhead } from "../read-ahead"

/** A read that records when it started and resolves (or rejects) after `ms`. */
function recordingRead(started: string[], delays: Record<string, number> = {}, failing: string[] = []) {
  return async (page: string) => {
    started.push(page)
    await sleep(delays[page] ?? 1)
    if (failing.includes(page)) throw new Error(`cannot read ${page}`)
    return `read ${page}`
  }
}

describe("posting reads the next page while the current one posts", () => {
  it("the next page is already being read while a page posts, and never the one after it", async () => {
    const started: string[] = []
    const seenWhilePosting: string[][] = []
    for await (const [page] of readAhead(["p1", "p2", "p3"], recordingRead(started))) {
      seenWhilePosting.push([...started])
      await sleep(5) // posting the page
      expect(started).toEqual(seenWhilePosting.at(-1))
      expect(page).toBe(started[seenWhilePosting.length - 1])
    }
    expect(seenWhilePosting).toEqual([["p1", "p2"], ["p1", "p2", "p3"], ["p1", "p2", "p3"]])
  })

  it("pages come in their own order with their own reads, even when a later page is read faster", async () => {
    const pairs: [string, string][] = []
    for await (const pair of readAhead(["slow", "fast", "slower"], recordingRead([], { slow: 20, fast: 1, slower: 30 }))) pairs.push(pair)
    expect(pairs).toEqual([["slow", "read slow"], ["fast", "read fast"], ["slower", "read slower"]])
  })

  it("a page that cannot be read fails at its turn, after the page before it has posted, and not before as an unhandled rejection", async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on("unhandledRejection", onUnhandled)
    const posted: string[] = []
    try {
      await expect(
        (async () => {
          for await (const [page] of readAhead(["p1", "p2", "p3"], recordingRead([], { p1: 1, p2: 1 }, ["p2"]))) {
            await sleep(30) // p2's read fails meanwhile
            posted.push(page)
          }
        })()
      ).rejects.toThrow("cannot read p2")
      await sleep(10)
    } finally {
      process.off("unhandledRejection", onUnhandled)
    }
    expect(posted).toEqual(["p1"])
    expect(unhandled).toEqual([])
  })

  it("once posting stops (a proposal changed), no further page is read", async () => {
    const started: string[] = []
    for await (const [page] of readAhead(["p1", "p2", "p3", "p4"], recordingRead(started))) {
      if (page === "p2") break
    }
    await sleep(10)
    expect(started).toEqual(["p1", "p2", "p3"])
  })

  it("no pages, nothing read", async () => {
    const started: string[] = []
    for await (const _ of readAhead([], recordingRead(started))) throw new Error("no page expected")
    expect(started).toEqual([])
  })
})
