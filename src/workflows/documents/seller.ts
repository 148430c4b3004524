import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SellerDetails } from "../../documents/types"
import { invoicingService } from "../invoicing-orders/read-orders"

/** The seller printed on documents: the settings' seller details, else the Medusa store's name. */
export async function sellerDetails(container: MedusaContainer): Promise<SellerDetails> {
  const settings = await invoicingService(container).readSettings()
  if (settings.seller) return settings.seller as SellerDetails
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["name"] })
  return { name: data[0]?.name ?? "", address_lines: [] }
}
