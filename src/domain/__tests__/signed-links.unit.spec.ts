import { createHmac } from "node:crypto"
import {
  DEFAULT_SIGNED_LINK_LIFETIME_SECONDS,
  SIGNED_LINK_SECRET_LABEL,
  deriveSignedLinkSecret,
  signDocumentLink,
  signDocumentToken,
  verifyDocumentToken,
} from "../signed-links"

const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const secret = deriveSignedLinkSecret("app-jwt-secret")
const now = new Date("2026-11-24T12:00:00.000Z")
const inAnHour = new Date("2026-11-24T13:00:00.000Z")
const document = { invoice_id: "inv_01JDOCUMENT000000000000001", copy: 0 }

/** The token with its payload rewritten (the signature kept), as someone editing a link would. */
function withPayload(token: string, edit: (fields: string[]) => string[]): string {
  const [payload, signature] = token.split(".")
  const fields = Buffer.from(payload, "base64url").toString("utf8").split(".")
  return `${Buffer.from(edit(fields).join(".")).toString("base64url")}.${signature}`
}

describe("signed document links", () => {
  it("a token verifies to the invoice id, the copy and the expiry it was signed for", () => {
    const token = signDocumentToken(secret, { invoice_id: document.invoice_id, copy: 2 }, inAnHour)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyDocumentToken(secret, token, now)).toEqual({ ok: true, invoice_id: document.invoice_id, copy: 2, expires_at: inAnHour })
  })

  it("signDocumentLink expires the given lifetime after now; the default lifetime is seven days", () => {
    expect(DEFAULT_SIGNED_LINK_LIFETIME_SECONDS).toBe(604_800)
    const token = signDocumentLink(secret, document, 3600, now)
    expect(verifyDocumentToken(secret, token, now)).toMatchObject({ ok: true, expires_at: inAnHour })
  })

  it("is valid up to the second before its expiry and refused from the expiry on", () => {
    const token = signDocumentToken(secret, document, inAnHour)
    expect(verifyDocumentToken(secret, token, new Date(inAnHour.getTime() - 1000)).ok).toBe(true)
    const expired = verifyDocumentToken(secret, token, inAnHour)
    expect(expired).toEqual({
      ok: false,
      reason: "expired",
      message: "This download link expired on 2026-11-24T13:00:00.000Z; ask for the document to be sent again.",
    })
  })

  it("another invoice id, another copy or a later expiry written into the payload fails the signature", () => {
    const token = signDocumentToken(secret, document, inAnHour)
    const edits: ((f: string[]) => string[])[] = [
      ([v, , c, e]) => [v, "inv_01JDOCUMENT000000000000002", c, e],
      ([v, i, , e]) => [v, i, "1", e],
      ([v, i, c, e]) => [v, i, c, String(Number(e) + 86_400)],
    ]
    for (const edit of edits) {
      const tampered = withPayload(token, edit)
      expect(tampered).not.toBe(token)
      expect(verifyDocumentToken(secret, tampered, now)).toEqual({
        ok: false,
        reason: "tampered",
        message: "This download link is not valid: its signature does not match.",
      })
    }
  })

  it("a changed signature character, or a token signed with another secret, is refused as tampered", () => {
    const token = signDocumentToken(secret, document, inAnHour)
    const [payload, signature] = token.split(".")
    const flipped = `${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`
    expect(verifyDocumentToken(secret, flipped, now)).toMatchObject({ ok: false, reason: "tampered" })
    const foreign = signDocumentToken(deriveSignedLinkSecret("another-app-secret"), document, inAnHour)
    expect(verifyDocumentToken(secret, foreign, now)).toMatchObject({ ok: false, reason: "tampered" })
  })

  it("malformed tokens are refused without being trusted: wrong shape, wrong alphabet, wrong length, not a string", () => {
    const token = signDocumentToken(secret, document, inAnHour)
    const [payload, signature] = token.split(".")
    const malformed: unknown[] = [
      "",
      "abc",
      payload,
      `${payload}.`,
      `.${signature}`,
      `${payload}.${signature}.x`,
      `${payload}.${signature.slice(1)}`,
      `${payload}.${signature}A`,
      `${payload}+.${signature}`,
      `${payload}.${signature.slice(0, 42)}=`,
      // The same 32 bytes in a non-canonical spelling (the last character's unused bits set).
      `${payload}.${signature.slice(0, 42)}${BASE64URL_ALPHABET[BASE64URL_ALPHABET.indexOf(signature[42]) ^ 1]}`,
      "x".repeat(600),
      undefined,
      null,
      42,
      { token },
    ]
    for (const candidate of malformed) {
      expect(verifyDocumentToken(secret, candidate, now)).toEqual({
        ok: false,
        reason: "malformed",
        message: "This download link is not valid: it is incomplete or damaged.",
      })
    }
  })

  it("a correctly signed payload of the wrong shape is still refused (as malformed)", () => {
    const sign = (text: string) => {
      const payload = Buffer.from(text).toString("base64url")
      return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`
    }
    for (const text of ["v2.inv_1.0.9999999999", "v1.inv_1.0", "v1.inv.1.0.9999999999", "v1.inv_1.-1.9999999999", "v1.inv_1.01.9999999999", "v1.inv_1.0.x"]) {
      expect(verifyDocumentToken(secret, sign(text), now)).toMatchObject({ ok: false, reason: "malformed" })
    }
    expect(verifyDocumentToken(secret, sign("v1.inv_1.0.9999999999"), now)).toMatchObject({ ok: true, invoice_id: "inv_1", copy: 0 })
  })

  it("the secret is derived from the app secret with a fixed label, never the app secret itself, and an empty app secret is refused", () => {
    expect(deriveSignedLinkSecret("app-jwt-secret")).toEqual(createHmac("sha256", "app-jwt-secret").update(SIGNED_LINK_SECRET_LABEL).digest())
    expect(deriveSignedLinkSecret("app-jwt-secret")).not.toEqual(Buffer.from("app-jwt-secret"))
    expect(() => deriveSignedLinkSecret("")).toThrow(/jwtSecret/)
  })

  it("refuses to sign ids that could break the token, negative copies and bad lifetimes", () => {
    expect(() => signDocumentToken(secret, { invoice_id: "inv.1", copy: 0 }, inAnHour)).toThrow(/invoice id/)
    expect(() => signDocumentToken(secret, { invoice_id: "", copy: 0 }, inAnHour)).toThrow(/invoice id/)
    expect(() => signDocumentToken(secret, { invoice_id: "inv_1", copy: -1 }, inAnHour)).toThrow(/copy/)
    expect(() => signDocumentToken(secret, { invoice_id: "inv_1", copy: 1.5 }, inAnHour)).toThrow(/copy/)
    expect(() => signDocumentLink(secret, document, 0, now)).toThrow(/lifetime/)
    expect(() => signDocumentLink(secret, document, Number.NaN, now)).toThrow(/lifetime/)
  })
})
