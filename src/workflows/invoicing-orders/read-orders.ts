import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICING_MODULE } from "../../modules/invoicing"
import type InvoicingModuleService from "../../modules/invoicing/service"

export async function readDecimalDigits(container: MedusaContainer, codes: string[]): Promise<Map<string, number>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "currency", fields: ["code", "decimal_digits"], filters: { code: [...new Set(codes)] } })
  return new Map(data.map((c: any) => [c.code, c.decimal_digits]))
}

export function invoicingService(container: MedusaContainer): InvoicingModuleService {
  return container.resolve<InvoicingModuleService>(INVOICING_MODULE)
}
