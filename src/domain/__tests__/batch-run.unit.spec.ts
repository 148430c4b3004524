import { MAX_CHUNK_ATTEMPTS, runStatus } from "../batch-run"

const chunk = (status: "queued" | "running" | "succeeded" | "failed", attempts = 1, failed_groups = 0) => ({ status, attempts, failed_groups })

describe("batch runs", () => {
  it("a run is queued until a chunk is claimed and running until every chunk is done", () => {
    expect(runStatus([chunk("queued", 0), chunk("queued", 0)])).toBe("queued")
    expect(runStatus([chunk("running"), chunk("queued", 0)])).toBe("running")
    expect(runStatus([chunk("succeeded"), chunk("failed", 1)])).toBe("running")
  })

  it("a run whose chunks all succeeded without a failed group succeeded", () => {
    expect(runStatus([chunk("succeeded"), chunk("succeeded", 2)])).toBe("succeeded")
    expect(runStatus([])).toBe("succeeded")
  })

  it("a chunk that failed for good, or a group that failed, makes the run partially failed", () => {
    expect(runStatus([chunk("succeeded"), chunk("failed", MAX_CHUNK_ATTEMPTS)])).toBe("partially_failed")
    expect(runStatus([chunk("succeeded", 1, 1), chunk("succeeded")])).toBe("partially_failed")
  })

  it("a run none of whose chunks succeeded failed", () => {
    expect(runStatus([chunk("failed", MAX_CHUNK_ATTEMPTS), chunk("failed", MAX_CHUNK_ATTEMPTS)])).toBe("failed")
  })
})
