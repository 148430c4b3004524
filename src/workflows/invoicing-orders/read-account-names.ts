import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerName } from "./read-invoice-accounts"
import { anyOfJsonIds } from "../../modules/invoicing/sql/rows"

/**
 * The names of invoice accounts (customers) as lists show them, in one query for a page:
 * the company, else first and last name, else the e-mail. An unknown id has no entry.
 * Read from the customer table, as orders are (read-order-tables.ts): through Query it cost a
 * list page more CPU than the page itself.
 */
export async function readAccountNames(container: MedusaContainer, accountIds: (string | null)[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(accountIds.filter((id): id is string => !!id))]
  if (!ids.length) return new Map()
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(
    `select c.id, c.company_name, c.first_name, c.last_name, c.email from "customer" c
      where c.id = ${anyOfJsonIds} and c.deleted_at is null`,
    [JSON.stringify(ids)]
  )
  return new Map(rows.map((c: any) => [c.id, customerName(c) ?? c.email ?? null]))
}
