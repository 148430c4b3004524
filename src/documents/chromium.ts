import fs from "node:fs"
import path from "node:path"

/**
 * Which Chromium renders the PDFs, in this order:
 *   1. the plugin option `chromium_path`,
 *   2. the environment variable CHROMIUM_PATH,
 *   3. a system Chromium or Chrome (Debian's `apt-get install chromium`, Ubuntu's, Google's),
 *   4. the Chromium shipped inside the npm package `@sparticuz/chromium` (an optional
 *      dependency: present unless installed with --omit=optional).
 * An explicit choice (1 or 2) that points nowhere is an error, not a silent fall-through:
 * the merchant asked for that browser.
 */

export type ChromiumSource = "option" | "env" | "system" | "sparticuz"

export type ResolvedChromium = {
  executablePath: string
  source: ChromiumSource
  /** The sparticuz build is chrome-headless-shell: launched with headless "shell". */
  headless: true | "shell"
}

export class ChromiumNotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ChromiumNotFoundError"
  }
}

/**
 * Debian's /usr/bin/chromium is a shell wrapper that adds desktop flags (GPU rasterization,
 * component extensions, Google API keys from /etc/chromium.d) before exec'ing the real
 * binary: we launch the binary itself, with only our flags.
 */
export const PREFERRED_CHROMIUM_PATHS = ["/usr/lib/chromium/chromium"]

/** Names looked up on PATH, then fixed locations (macOS included for developers). */
export const SYSTEM_CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]
export const SYSTEM_CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
]

export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function findSystemChromium(
  envPath: string | undefined = process.env.PATH,
  isExecutable: (file: string) => boolean = isExecutableFile
): string | null {
  const onPath = (envPath ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => SYSTEM_CHROMIUM_NAMES.map((name) => path.join(dir, name)))
  return [...PREFERRED_CHROMIUM_PATHS, ...onPath, ...SYSTEM_CHROMIUM_PATHS].find((file) => isExecutable(file)) ?? null
}

/** `@sparticuz/chromium`'s executablePath() (it unpacks its browser to /tmp), or null when the package is not installed. */
export async function sparticuzChromium(): Promise<string | null> {
  let mod: any
  try {
    // A runtime require keeps the optional package out of the type-check and out of the
    // load path of apps that do not need it.
    mod = require("@sparticuz/chromium")
  } catch {
    return null
  }
  const chromium = mod?.default ?? mod
  const executablePath: string | undefined = await chromium.executablePath()
  return executablePath || null
}

export type ChromiumLookup = {
  optionPath?: string | null
  envPath?: string | null
  findSystem?: () => string | null
  loadSparticuz?: () => Promise<string | null>
  isExecutable?: (file: string) => boolean
}

export const NO_CHROMIUM_MESSAGE =
  "No Chromium was found to render invoice PDFs. Provide one of: " +
  'the invoicing plugin option "chromium_path" (path to a Chromium or Chrome executable); ' +
  "the environment variable CHROMIUM_PATH; " +
  "a system Chromium (e.g. `apt-get install -y chromium` on Debian, or Google Chrome); " +
  "or the npm package @sparticuz/chromium (an optional dependency of this plugin: `npm install @sparticuz/chromium`)."

export async function resolveChromium(lookup: ChromiumLookup = {}): Promise<ResolvedChromium> {
  const isExecutable = lookup.isExecutable ?? isExecutableFile
  if (lookup.optionPath) {
    if (!isExecutable(lookup.optionPath)) {
      throw new ChromiumNotFoundError(`The invoicing plugin option "chromium_path" (${lookup.optionPath}) is not an executable file.`)
    }
    return { executablePath: lookup.optionPath, source: "option", headless: true }
  }
  const envPath = lookup.envPath === undefined ? process.env.CHROMIUM_PATH : lookup.envPath
  if (envPath) {
    if (!isExecutable(envPath)) {
      throw new ChromiumNotFoundError(`The environment variable CHROMIUM_PATH (${envPath}) is not an executable file.`)
    }
    return { executablePath: envPath, source: "env", headless: true }
  }
  const system = (lookup.findSystem ?? (() => findSystemChromium(process.env.PATH, isExecutable)))()
  if (system) {
    return { executablePath: system, source: "system", headless: true }
  }
  const shipped = await (lookup.loadSparticuz ?? sparticuzChromium)()
  if (shipped) {
    return { executablePath: shipped, source: "sparticuz", headless: "shell" }
  }
  throw new ChromiumNotFoundError(NO_CHROMIUM_MESSAGE)
}
