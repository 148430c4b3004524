import { Frequency, RRule } from "rrule"

export const RECURRENCE_UNITS = ["minutes", "hours", "days", "weeks", "months", "years"] as const
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number]

/**
 * When a batch schedule runs: every `interval` units from `starts_at`, a wall-clock time in
 * `time_zone` ("2026-12-01T06:00"), until its end.
 */
export type Recurrence = {
  unit: RecurrenceUnit
  interval: number
  starts_at: string
  time_zone: string
  end: { type: "never" } | { type: "after_runs"; runs: number } | { type: "by_date"; until: string }
}

const FREQUENCY: Record<RecurrenceUnit, Frequency> = {
  minutes: Frequency.MINUTELY,
  hours: Frequency.HOURLY,
  days: Frequency.DAILY,
  weeks: Frequency.WEEKLY,
  months: Frequency.MONTHLY,
  years: Frequency.YEARLY,
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number }

function parseWallClock(value: string): WallClock {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)
  if (!match) throw new Error(`"${value}" is not a local date-time (YYYY-MM-DDTHH:mm)`)
  const [year, month, day, hour, minute] = match.slice(1).map(Number)
  return { year, month, day, hour, minute }
}

/** The wall clock in `timeZone` at an instant. */
function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") }
}

/** A wall clock read as if it were UTC: the "floating" time rrule computes in. */
const floating = (w: WallClock) => new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute))
const fromFloating = (d: Date): WallClock => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
})

/**
 * The instant a wall clock shows in `timeZone`. In the hour a daylight-saving change skips,
 * the time moves on by that hour; in the hour it repeats, the first one counts.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const asUtc = floating(wall).getTime()
  const offsetAt = (instant: number) => floating(wallClockAt(new Date(instant), timeZone)).getTime() - instant
  const before = offsetAt(asUtc - 86_400_000)
  const after = offsetAt(asUtc + 86_400_000)
  const candidates = [...new Set([before, after])].map((offset) => asUtc - offset).sort((a, b) => a - b)
  const exact = candidates.find((instant) => floating(wallClockAt(new Date(instant), timeZone)).getTime() === asUtc)
  // No instant shows it (the skipped hour): read it with the offset before the change, which lands an hour later.
  return new Date(exact ?? asUtc - before)
}

/** Monthly and yearly runs that start on the 29th to 31st fall on the month's last day when it is shorter. */
function monthDays(unit: RecurrenceUnit, start: WallClock): Partial<ConstructorParameters<typeof RRule>[0]> {
  if ((unit !== "months" && unit !== "years") || start.day < 29) return {}
  return {
    bymonthday: Array.from({ length: start.day - 27 }, (_, i) => 28 + i),
    bysetpos: -1,
    ...(unit === "years" ? { bymonth: start.month } : {}),
  }
}

/**
 * The first run after `after`, or null when the schedule has ended (`runsStarted` runs of an
 * "after N runs" schedule, or past its end date). Minutes and hours step in real time; days
 * and longer keep the wall-clock time in the schedule's time zone across daylight-saving changes.
 */
export function nextRunAt(recurrence: Recurrence, after: Date, runsStarted: number): Date | null {
  const { unit, interval, time_zone: timeZone, end } = recurrence
  if (end.type === "after_runs" && runsStarted >= end.runs) return null
  const start = parseWallClock(recurrence.starts_at)
  const until = end.type === "by_date" ? instantOf(parseWallClock(end.until), timeZone) : null
  const realTime = unit === "minutes" || unit === "hours"

  const rule = new RRule({
    freq: FREQUENCY[unit],
    interval,
    dtstart: realTime ? instantOf(start, timeZone) : floating(start),
    ...monthDays(unit, start),
  })
  let cursor = realTime ? after : floating(wallClockAt(after, timeZone))
  for (;;) {
    const next = rule.after(cursor, false)
    if (!next) return null
    const instant = realTime ? next : instantOf(fromFloating(next), timeZone)
    if (until && instant > until) return null
    if (instant > after) return instant
    cursor = next // a wall-clock time repeated by a daylight-saving change: take the next one
  }
}
