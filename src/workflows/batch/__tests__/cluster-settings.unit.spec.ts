import { tickerSchedule } from "../../../jobs/invoicing-ticker"
import { staleChunkSeconds } from "../run-due-schedules"

describe("settings for several workers", () => {
  it("a chunk is stale after 600 s unless INVOICING_STALE_CHUNK_SECONDS says otherwise", () => {
    expect(staleChunkSeconds({})).toBe(600)
    expect(staleChunkSeconds({ INVOICING_STALE_CHUNK_SECONDS: "30" })).toBe(30)
    for (const bad of ["", "0", "-5", "soon"]) expect(staleChunkSeconds({ INVOICING_STALE_CHUNK_SECONDS: bad })).toBe(600)
  })

  it("the ticker runs every minute unless INVOICING_TICKER_SECONDS sets an interval", () => {
    expect(tickerSchedule({})).toBe("* * * * *")
    expect(tickerSchedule({ INVOICING_TICKER_SECONDS: "5" })).toEqual({ interval: 5000 })
    expect(tickerSchedule({ INVOICING_TICKER_SECONDS: "never" })).toBe("* * * * *")
  })
})
