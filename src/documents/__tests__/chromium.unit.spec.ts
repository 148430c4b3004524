import path from "node:path"
import { ChromiumNotFoundError, NO_CHROMIUM_MESSAGE, findSystemChromium, resolveChromium } from "../chromium"

const executables = (...files: string[]) => (file: string) => files.includes(file)
const none = async () => null

describe("Chromium resolution", () => {
  it("uses the plugin option first", async () => {
    const resolved = await resolveChromium({
      optionPath: "/opt/option/chrome",
      envPath: "/opt/env/chrome",
      isExecutable: executables("/opt/option/chrome", "/opt/env/chrome"),
      findSystem: () => "/usr/bin/chromium",
      loadSparticuz: async () => "/tmp/chromium",
    })
    expect(resolved).toEqual({ executablePath: "/opt/option/chrome", source: "option", headless: true })
  })

  it("uses CHROMIUM_PATH when there is no option", async () => {
    const resolved = await resolveChromium({
      envPath: "/opt/env/chrome",
      isExecutable: executables("/opt/env/chrome"),
      findSystem: () => "/usr/bin/chromium",
      loadSparticuz: async () => "/tmp/chromium",
    })
    expect(resolved).toEqual({ executablePath: "/opt/env/chrome", source: "env", headless: true })
  })

  it("uses a system Chromium when neither is set", async () => {
    const resolved = await resolveChromium({ envPath: null, findSystem: () => "/usr/bin/chromium", loadSparticuz: async () => "/tmp/chromium" })
    expect(resolved).toEqual({ executablePath: "/usr/bin/chromium", source: "system", headless: true })
  })

  it("falls back to @sparticuz/chromium (a headless shell) when there is no system Chromium", async () => {
    const resolved = await resolveChromium({ envPath: null, findSystem: () => null, loadSparticuz: async () => "/tmp/chromium" })
    expect(resolved).toEqual({ executablePath: "/tmp/chromium", source: "sparticuz", headless: "shell" })
  })

  it("fails, naming the option, CHROMIUM_PATH, a system Chromium and @sparticuz/chromium, when none is found", async () => {
    const attempt = resolveChromium({ envPath: null, findSystem: () => null, loadSparticuz: none })
    await expect(attempt).rejects.toThrow(ChromiumNotFoundError)
    await expect(resolveChromium({ envPath: null, findSystem: () => null, loadSparticuz: none })).rejects.toThrow(NO_CHROMIUM_MESSAGE)
    expect(NO_CHROMIUM_MESSAGE).toContain('option "chromium_path"')
    expect(NO_CHROMIUM_MESSAGE).toContain("CHROMIUM_PATH")
    expect(NO_CHROMIUM_MESSAGE).toContain("system Chromium")
    expect(NO_CHROMIUM_MESSAGE).toContain("@sparticuz/chromium")
  })

  it("does not fall through when the option or CHROMIUM_PATH points nowhere: the merchant asked for that browser", async () => {
    const fallbacks = { findSystem: () => "/usr/bin/chromium", loadSparticuz: async () => "/tmp/chromium", isExecutable: executables() }
    await expect(resolveChromium({ optionPath: "/nope/chrome", ...fallbacks })).rejects.toThrow('option "chromium_path" (/nope/chrome) is not an executable file')
    await expect(resolveChromium({ envPath: "/nope/chrome", ...fallbacks })).rejects.toThrow("CHROMIUM_PATH (/nope/chrome) is not an executable file")
  })

  it("prefers Debian's real binary to its /usr/bin/chromium shell wrapper", () => {
    expect(findSystemChromium("/usr/bin", executables("/usr/bin/chromium", "/usr/lib/chromium/chromium"))).toBe("/usr/lib/chromium/chromium")
  })

  it("finds a system Chromium on PATH before the fixed locations", () => {
    const onPath = path.join("/custom/bin", "google-chrome")
    expect(findSystemChromium(["/custom/bin", "/other"].join(path.delimiter), executables(onPath, "/usr/bin/chromium"))).toBe(onPath)
    expect(findSystemChromium("", executables("/usr/bin/chromium-browser"))).toBe("/usr/bin/chromium-browser")
    expect(findSystemChromium("", executables())).toBeNull()
  })
})
