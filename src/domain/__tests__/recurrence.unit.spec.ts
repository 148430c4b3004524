import { type Recurrence, instantOf, nextRunAt } from "../recurrence"

const every = (unit: Recurrence["unit"], interval: number, starts_at: string, overrides: Partial<Recurrence> = {}): Recurrence => ({
  unit,
  interval,
  starts_at,
  time_zone: "UTC",
  end: { type: "never" },
  ...overrides,
})

/** The next `n` runs from `from`, as ISO instants. */
function runs(recurrence: Recurrence, from: string, n: number): string[] {
  const found: string[] = []
  let after = new Date(from)
  for (let i = 0; i < n; i++) {
    const next = nextRunAt(recurrence, after, i)
    if (!next) break
    found.push(next.toISOString())
    after = next
  }
  return found
}

describe("recurrence of batch schedules", () => {
  it.each([
    ["minutes", 15, ["2026-12-01T06:00:00.000Z", "2026-12-01T06:15:00.000Z", "2026-12-01T06:30:00.000Z"]],
    ["hours", 6, ["2026-12-01T06:00:00.000Z", "2026-12-01T12:00:00.000Z", "2026-12-01T18:00:00.000Z"]],
    ["days", 2, ["2026-12-01T06:00:00.000Z", "2026-12-03T06:00:00.000Z", "2026-12-05T06:00:00.000Z"]],
    ["weeks", 1, ["2026-12-01T06:00:00.000Z", "2026-12-08T06:00:00.000Z", "2026-12-15T06:00:00.000Z"]],
    ["months", 3, ["2026-12-01T06:00:00.000Z", "2027-03-01T06:00:00.000Z", "2027-06-01T06:00:00.000Z"]],
    ["years", 1, ["2026-12-01T06:00:00.000Z", "2027-12-01T06:00:00.000Z", "2028-12-01T06:00:00.000Z"]],
  ] as const)("every %s with interval %i runs from the start on", (unit, interval, expected) => {
    expect(runs(every(unit, interval, "2026-12-01T06:00"), "2026-11-30T00:00:00Z", 3)).toEqual(expected)
  })

  it("the first run after a moment in the middle of the pattern is the next slot, not the start", () => {
    expect(runs(every("hours", 6, "2026-12-01T06:00"), "2026-12-01T13:00:00Z", 1)).toEqual(["2026-12-01T18:00:00.000Z"])
  })

  it("a monthly run on the 31st falls on the last day of shorter months", () => {
    expect(runs(every("months", 1, "2027-01-31T20:00"), "2027-01-01T00:00:00Z", 4)).toEqual([
      "2027-01-31T20:00:00.000Z",
      "2027-02-28T20:00:00.000Z",
      "2027-03-31T20:00:00.000Z",
      "2027-04-30T20:00:00.000Z",
    ])
  })

  it("a daily run keeps its wall-clock time across a daylight-saving change in its time zone", () => {
    const paris = every("days", 1, "2027-03-27T09:00", { time_zone: "Europe/Paris" })
    // CET is UTC+1 until 28 March 2027, 02:00; CEST is UTC+2 after.
    expect(runs(paris, "2027-03-27T00:00:00Z", 3)).toEqual(["2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z", "2027-03-29T07:00:00.000Z"])
  })

  it("an hourly run steps in real time through the hour a daylight-saving change skips", () => {
    const paris = every("hours", 1, "2027-03-28T00:00", { time_zone: "Europe/Paris" })
    expect(runs(paris, "2027-03-27T22:30:00Z", 3)).toEqual(["2027-03-27T23:00:00.000Z", "2027-03-28T00:00:00.000Z", "2027-03-28T01:00:00.000Z"])
  })

  it("a wall-clock time the change skips moves on by the skipped hour; a repeated one counts once", () => {
    expect(instantOf({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, "Europe/Paris").toISOString()).toBe("2027-03-28T01:30:00.000Z")
    expect(instantOf({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }, "Europe/Paris").toISOString()).toBe("2027-10-31T00:30:00.000Z")
    const daily = every("days", 1, "2027-10-30T02:30", { time_zone: "Europe/Paris" })
    expect(runs(daily, "2027-10-30T00:00:00Z", 3)).toEqual(["2027-10-30T00:30:00.000Z", "2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z"])
  })

  it("a schedule that ends after N runs has no run after its Nth", () => {
    const three = every("days", 1, "2026-12-01T06:00", { end: { type: "after_runs", runs: 3 } })
    expect(runs(three, "2026-11-30T00:00:00Z", 10)).toHaveLength(3)
    expect(nextRunAt(three, new Date("2026-12-01T00:00:00Z"), 3)).toBeNull()
  })

  it("a schedule that ends by a date has no run after it", () => {
    const untilThird = every("days", 1, "2026-12-01T06:00", { end: { type: "by_date", until: "2026-12-03T06:00" } })
    expect(runs(untilThird, "2026-11-30T00:00:00Z", 10)).toEqual(["2026-12-01T06:00:00.000Z", "2026-12-02T06:00:00.000Z", "2026-12-03T06:00:00.000Z"])
  })

  it("a schedule resumed after a pause runs at its next slot from now, without catching up the slots it missed", () => {
    const daily = every("days", 1, "2026-12-01T06:00")
    expect(nextRunAt(daily, new Date("2026-12-10T07:00:00Z"), 2)?.toISOString()).toBe("2026-12-11T06:00:00.000Z")
  })
})
