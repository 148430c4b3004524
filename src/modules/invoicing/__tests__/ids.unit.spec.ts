import { newId } from "../sql/ids"

describe("ids of rows the plugin writes", () => {
  it("carry their prefix and a 26-character ULID, as Medusa's generateEntityId makes them", () => {
    expect(newId("invline")).toMatch(/^invline_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("are unique across many thousands drawn at once, beyond one refill of the random pool", () => {
    const ids = Array.from({ length: 50_000 }, () => newId("inv"))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("sort by the time they were made", async () => {
    const earlier = newId("inv")
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(newId("inv") > earlier).toBe(true)
  })
})
