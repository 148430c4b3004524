// Admin authentication for tests: a real user and auth identity, and a bearer token signed with the app's secret.
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, generateJwtToken } from "@medusajs/framework/utils"

export const TEST_ADMIN_EMAIL = "admin@medusa-test.com"

/** `{ headers: { authorization } }` for axios (the runner's `api`); creates the admin user on first use. */
export async function adminHeaders(container: MedusaContainer): Promise<{ headers: Record<string, string> }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  let [user] = await userModule.listUsers({ email: TEST_ADMIN_EMAIL })
  user ??= await userModule.createUsers({ email: TEST_ADMIN_EMAIL, first_name: "Test", last_name: "Admin" })

  const [providerIdentity] = await authModule.listProviderIdentities({ provider: "emailpass", entity_id: TEST_ADMIN_EMAIL })
  const authIdentityId =
    providerIdentity?.auth_identity_id ??
    (
      await authModule.createAuthIdentities({
        provider_identities: [{ provider: "emailpass", entity_id: TEST_ADMIN_EMAIL }],
        app_metadata: { user_id: user.id },
      })
    ).id

  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentityId,
      app_metadata: { user_id: user.id },
    },
    { secret: http.jwtSecret!, expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}` } }
}
