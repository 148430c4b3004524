import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerName } from "./read-invoice-accounts"

/**
 * The names of invoice accounts (customers) as lists show them, in one query for a page:
 * the company, else first and last name, else the e-mail. An unknown id has no entry.
 */
export async function readAccountNames(container: MedusaContainer, accountIds: (string | null)[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(accountIds.filter((id): id is string => !!id))]
  if (!ids.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "company_name", "first_name", "last_name", "email"],
    filters: { id: ids },
  })
  return new Map(data.map((c: any) => [c.id, customerName(c) ?? c.email ?? null]))
}
