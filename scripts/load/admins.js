// The admins of the load, each a user of their own, invited the way a store owner invites a
// colleague (invite, register, accept): the product counts some limits per user (a user's
// concurrent PDF downloads), so 32 people must not share one login.
const { adminApi } = require("../processes")

/** Invites, registers and logs in `count` admin users through the API; the headers of each. */
async function inviteAdmins(owner, baseUrl, count) {
  const run = Date.now().toString(36)
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const credentials = { email: `admin-${run}-${i + 1}@example.com`, password: "supersecret" }
      const { invite } = await owner.post("/admin/invites", { email: credentials.email })
      const registration = await call(baseUrl, "/auth/user/emailpass/register", credentials)
      await call(baseUrl, `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`, { first_name: "Admin", last_name: String(i + 1) }, registration.token)
      const admin = adminApi(baseUrl, credentials)
      await admin.login()
      return admin.headers()
    })
  )
}

/**
 * The headers the admin dashboard sends for the same user: Medusa's session cookie, which the
 * dashboard logs in for by default (`POST /auth/session` with the user's token), instead of the
 * bearer token an API client sends.
 */
async function sessionHeaders(baseUrl, bearerHeaders) {
  const response = await fetch(`${baseUrl}/auth/session`, { method: "POST", headers: bearerHeaders })
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("connect.sid="))
  if (!response.ok || !cookie) throw new Error(`POST /auth/session: ${response.status}, no session cookie`)
  return { cookie }
}

async function call(baseUrl, route, body, token) {
  const response = await fetch(`${baseUrl}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const data = await response.json().catch(() => null)
  if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${JSON.stringify(data)}`)
  return data
}

module.exports = { inviteAdmins, sessionHeaders }
