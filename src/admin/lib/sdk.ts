import Medusa from "@medusajs/js-sdk"

/** The JS SDK as Medusa's dashboard uses it: same origin (or __BACKEND_URL__), session auth. */
export const sdk = new Medusa({
  baseUrl: (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/",
  auth: { type: "session" },
})
