import type { LoaderOptions } from "@medusajs/framework/types"
import { configureDocuments } from "../../../documents/config"

/**
 * Validates the documents' plugin options when the invoicing module loads (the plugin's
 * options reach its modules): template override files must exist and compile, the
 * renderer settings must be valid. A bad option throws, naming the option and the path,
 * and Medusa refuses to start — better than a broken invoice PDF at the first posting.
 */
export default async function documentOptionsLoader({ options, logger }: LoaderOptions<Record<string, unknown>>) {
  const config = configureDocuments(options ?? {})
  const overrides = Object.entries(config.template_sources).filter(([, source]) => source !== "default")
  for (const [kind, source] of overrides) {
    logger?.info?.(`invoicing: ${kind} template from ${source}`)
  }
}
