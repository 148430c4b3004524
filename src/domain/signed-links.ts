import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Signed download links: a token that lets whoever holds it download one document (an
 * invoice or credit note, one copy) until it expires, without logging in — the link an
 * e-mail carries. The token is `<payload>.<signature>`, both base64url: the payload binds
 * the invoice id, the copy and the expiry (`v1.<invoice id>.<copy>.<expires, unix s>`), the
 * signature is HMAC-SHA256 over the encoded payload. Pure: no Medusa, no clock of its own.
 */

/** The label the link secret is derived with: the app's JWT secret is never used as is. */
export const SIGNED_LINK_SECRET_LABEL = "medusa-invoicing/signed-document-links/v1"

export const DEFAULT_SIGNED_LINK_LIFETIME_SECONDS = 7 * 24 * 60 * 60

const VERSION = "v1"
/** Medusa ids (`inv_01H…`): no dots, so the payload splits unambiguously. */
const INVOICE_ID = /^[A-Za-z0-9_-]{1,100}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/
const SIGNATURE_LENGTH = 43 // 32 bytes, base64url without padding
const MAX_TOKEN_LENGTH = 512

export type SignedDocument = { invoice_id: string; copy: number }

export type VerifiedDocument = SignedDocument & { expires_at: Date }

export type SignedLinkRefusal = { reason: "malformed" | "tampered" | "expired"; message: string }

export type VerifyResult = ({ ok: true } & VerifiedDocument) | ({ ok: false } & SignedLinkRefusal)

/** The link secret: HMAC-SHA256 of a fixed label under the app's secret (Medusa's jwtSecret). */
export function deriveSignedLinkSecret(appSecret: string): Buffer {
  if (typeof appSecret !== "string" || !appSecret) {
    throw new Error("Signed document links need the app's secret (projectConfig.http.jwtSecret); none is set")
  }
  return createHmac("sha256", appSecret).update(SIGNED_LINK_SECRET_LABEL).digest()
}

const mac = (secret: Buffer, encodedPayload: string) => createHmac("sha256", secret).update(encodedPayload).digest()

/** A token for one document, valid until `expiresAt` (whole seconds, rounded down). */
export function signDocumentToken(secret: Buffer, document: SignedDocument, expiresAt: Date): string {
  if (!INVOICE_ID.test(document.invoice_id)) throw new Error(`Cannot sign a link for the invoice id ${JSON.stringify(document.invoice_id)}`)
  if (!Number.isSafeInteger(document.copy) || document.copy < 0) throw new Error(`Cannot sign a link for copy ${document.copy}`)
  const expires = Math.floor(expiresAt.getTime() / 1000)
  if (!Number.isSafeInteger(expires) || expires <= 0) throw new Error("Cannot sign a link without a valid expiry")
  const payload = Buffer.from(`${VERSION}.${document.invoice_id}.${document.copy}.${expires}`).toString("base64url")
  return `${payload}.${mac(secret, payload).toString("base64url")}`
}

/** A token signed now that expires `lifetimeSeconds` from `now`. */
export function signDocumentLink(secret: Buffer, document: SignedDocument, lifetimeSeconds: number, now: Date = new Date()): string {
  if (!Number.isSafeInteger(lifetimeSeconds) || lifetimeSeconds <= 0) throw new Error(`Invalid signed link lifetime ${lifetimeSeconds}`)
  return signDocumentToken(secret, document, new Date(now.getTime() + lifetimeSeconds * 1000))
}

const refuse = (reason: SignedLinkRefusal["reason"], message: string): VerifyResult => ({ ok: false, reason, message })

/**
 * Checks a token: its shape, then its signature (compared in constant time), then its
 * expiry. A token whose payload was changed in any way (another invoice, another copy, a
 * later expiry) fails the signature. Nothing of an unsigned payload is trusted or reported.
 */
export function verifyDocumentToken(secret: Buffer, token: unknown, now: Date = new Date()): VerifyResult {
  const malformed = () => refuse("malformed", "This download link is not valid: it is incomplete or damaged.")
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return malformed()
  const parts = token.split(".")
  if (parts.length !== 2) return malformed()
  const [payload, signature] = parts
  if (!payload || !BASE64URL.test(payload) || signature.length !== SIGNATURE_LENGTH || !BASE64URL.test(signature)) return malformed()

  const given = Buffer.from(signature, "base64url")
  // Only the canonical encoding: the last character carries 2 unused bits, which must be zero.
  if (given.toString("base64url") !== signature) return malformed()
  const expected = mac(secret, payload)
  // Lengths are equal by construction (43 base64url characters decode to 32 bytes); checked anyway, as timingSafeEqual requires it.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse("tampered", "This download link is not valid: its signature does not match.")
  }

  const fields = Buffer.from(payload, "base64url").toString("utf8").split(".")
  const [version, invoiceId, copyText, expiresText] = fields
  if (
    fields.length !== 4 ||
    version !== VERSION ||
    !INVOICE_ID.test(invoiceId) ||
    !/^(0|[1-9]\d{0,5})$/.test(copyText) ||
    !/^[1-9]\d{0,12}$/.test(expiresText)
  ) {
    return malformed()
  }
  const expiresAt = new Date(Number(expiresText) * 1000)
  if (now.getTime() >= expiresAt.getTime()) {
    return refuse("expired", `This download link expired on ${expiresAt.toISOString()}; ask for the document to be sent again.`)
  }
  return { ok: true, invoice_id: invoiceId, copy: Number(copyText), expires_at: expiresAt }
}
