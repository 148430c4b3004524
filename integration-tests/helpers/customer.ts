// Customer authentication for store route tests: an auth identity for the customer, and a bearer token signed with the app's secret.
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, generateJwtToken } from "@medusajs/framework/utils"

/**
 * `{ headers }` for axios (the runner's `api`) as the logged-in customer would send them to
 * /store: the publishable API key and `Authorization: Bearer <token>`. The token is what
 * Medusa's /auth/customer/emailpass login returns for a registered customer (actor_type
 * "customer", actor_id the customer id, app_metadata.customer_id), signed with the app's
 * jwtSecret; the auth identity is created on first use.
 */
export async function customerHeaders(
  container: MedusaContainer,
  customer: { id: string; email: string },
  publishableKey: string
): Promise<{ headers: Record<string, string> }> {
  const authModule = container.resolve(Modules.AUTH)
  const [providerIdentity] = await authModule.listProviderIdentities({ provider: "emailpass", entity_id: customer.email })
  const authIdentityId =
    providerIdentity?.auth_identity_id ??
    (
      await authModule.createAuthIdentities({
        provider_identities: [{ provider: "emailpass", entity_id: customer.email }],
        app_metadata: { customer_id: customer.id },
      })
    ).id

  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: authIdentityId, app_metadata: { customer_id: customer.id } },
    { secret: http.jwtSecret!, expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}

/** The headers of an anonymous storefront request: the publishable API key only. */
export const storeHeaders = (publishableKey: string) => ({ headers: { "x-publishable-api-key": publishableKey } })
