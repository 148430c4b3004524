import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DocumentOptionsError, parseDocumentOptions } from "../../../documents/options"
import { deriveSignedLinkSecret, verifyDocumentToken } from "../../../domain/signed-links"
import { signedDocumentUrl, signedLinkSettings, verifySignedDocumentToken } from "../signed-link"

/** A container that holds only a config module: the app's JWT secret and the invoicing module's options. */
function containerWith(options: Record<string, unknown> | undefined, jwtSecret = "app-secret"): MedusaContainer {
  const config = { projectConfig: { http: { jwtSecret } }, modules: options === undefined ? {} : { invoicing: { resolve: "./src/modules/invoicing", options } } }
  return { resolve: (key: string) => (key === ContainerRegistrationKeys.CONFIG_MODULE ? config : undefined) } as unknown as MedusaContainer
}

const now = new Date("2026-11-24T12:00:00.000Z")

describe("signed link settings", () => {
  it("default: seven days, http://localhost:9000, the secret derived from the app's jwtSecret", () => {
    for (const container of [containerWith(undefined), containerWith({})]) {
      const settings = signedLinkSettings(container)
      expect(settings).toEqual({ secret: deriveSignedLinkSecret("app-secret"), lifetime_seconds: 604_800, public_url: "http://localhost:9000" })
    }
  })

  it("the module options set the lifetime and the public URL (a trailing slash is dropped)", () => {
    const container = containerWith({ signed_link_lifetime_seconds: 3600, public_url: "https://shop.example.com/api/" })
    expect(signedLinkSettings(container)).toMatchObject({ lifetime_seconds: 3600, public_url: "https://shop.example.com/api" })
    const { url, expires_at } = signedDocumentUrl(container, "inv_01ABC", 0, now)
    expect(expires_at).toEqual(new Date("2026-11-24T13:00:00.000Z"))
    expect(url).toMatch(/^https:\/\/shop\.example\.com\/api\/invoicing\/documents\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    const token = url.split("/").pop()
    expect(verifyDocumentToken(deriveSignedLinkSecret("app-secret"), token, now)).toEqual({
      ok: true,
      invoice_id: "inv_01ABC",
      copy: 0,
      expires_at,
    })
  })

  it("a link of one app does not open on an app with another jwtSecret", () => {
    const { url } = signedDocumentUrl(containerWith({}), "inv_01ABC", 0)
    const token = url.split("/").pop()
    expect(verifySignedDocumentToken(containerWith({}), token)).toMatchObject({ ok: true, invoice_id: "inv_01ABC" })
    expect(verifySignedDocumentToken(containerWith({}, "another-secret"), token)).toMatchObject({ ok: false, reason: "tampered" })
  })

  it("without a jwtSecret no link is signed", () => {
    expect(() => signedDocumentUrl(containerWith({}, ""), "inv_01ABC", 0)).toThrow(/jwtSecret/)
  })

  it("the options are validated with the other document options and a bad one is named", () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ signed_link_lifetime_seconds: 30 }, "signed_link_lifetime_seconds"],
      [{ signed_link_lifetime_seconds: 1.5 }, "signed_link_lifetime_seconds"],
      [{ signed_link_lifetime_seconds: "7d" }, "signed_link_lifetime_seconds"],
      [{ signed_link_lifetime_seconds: 40_000_000 }, "signed_link_lifetime_seconds"],
      [{ public_url: "localhost:9000" }, "public_url"],
      [{ public_url: "ftp://files.example.com" }, "public_url"],
      [{ public_url: "https://shop.example.com/?a=1" }, "public_url"],
    ]
    for (const [options, name] of bad) {
      expect(() => parseDocumentOptions(options)).toThrow(DocumentOptionsError)
      expect(() => parseDocumentOptions(options)).toThrow(`Invalid invoicing plugin option "${name}"`)
    }
    expect(parseDocumentOptions({ signed_link_lifetime_seconds: 60, public_url: "https://shop.example.com" })).toMatchObject({
      signed_link_lifetime_seconds: 60,
      public_url: "https://shop.example.com",
    })
  })
})
