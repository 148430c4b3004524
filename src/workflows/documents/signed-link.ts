import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseDocumentOptions } from "../../documents/options"
import {
  DEFAULT_SIGNED_LINK_LIFETIME_SECONDS,
  type VerifyResult,
  deriveSignedLinkSecret,
  signDocumentLink,
  verifyDocumentToken,
} from "../../domain/signed-links"
import { INVOICING_MODULE } from "../../modules/invoicing"

export const DEFAULT_PUBLIC_URL = "http://localhost:9000"

/** The public route that serves a signed link (src/api/invoicing/documents/[token]). */
export const SIGNED_LINK_PATH = "/invoicing/documents"

export type SignedLinkSettings = { secret: Buffer; lifetime_seconds: number; public_url: string }

/**
 * The signed links' settings: the secret derived from Medusa's `projectConfig.http.jwtSecret`
 * (so every server of one app agrees, and no secret of our own ships with the plugin), and
 * the invoicing module's options `signed_link_lifetime_seconds` and `public_url` (validated
 * with the other options when the module loads).
 */
export function signedLinkSettings(container: MedusaContainer): SignedLinkSettings {
  const config = container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const declaration = config.modules?.[INVOICING_MODULE]
  const options = parseDocumentOptions(typeof declaration === "object" && declaration ? (declaration as { options?: unknown }).options : {})
  return {
    secret: deriveSignedLinkSecret(config.projectConfig.http.jwtSecret as string),
    lifetime_seconds: options.signed_link_lifetime_seconds ?? DEFAULT_SIGNED_LINK_LIFETIME_SECONDS,
    public_url: (options.public_url ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ""),
  }
}

/** An absolute link that downloads one copy of a posted document, until it expires. */
export function signedDocumentUrl(container: MedusaContainer, invoiceId: string, copy = 0, now: Date = new Date()): { url: string; expires_at: Date } {
  const { secret, lifetime_seconds, public_url } = signedLinkSettings(container)
  const token = signDocumentLink(secret, { invoice_id: invoiceId, copy }, lifetime_seconds, now)
  return { url: `${public_url}${SIGNED_LINK_PATH}/${token}`, expires_at: new Date(Math.floor(now.getTime() / 1000) * 1000 + lifetime_seconds * 1000) }
}

export function verifySignedDocumentToken(container: MedusaContainer, token: unknown): VerifyResult {
  return verifyDocumentToken(signedLinkSettings(container).secret, token)
}
