import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

/** The profile's customer must exist (404) and so must the invoice account it is billed to (400, naming the field). */
export const checkProfileCustomersStep = createStep(
  "check-invoicing-profile-customers",
  async (input: { customer_id: string; invoice_account_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = [input.customer_id, ...(input.invoice_account_id ? [input.invoice_account_id] : [])]
    const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: ids } })
    const found = new Set(data.map((c: { id: string }) => c.id))
    if (!found.has(input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    }
    if (input.invoice_account_id && !found.has(input.invoice_account_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `invoice_account_id: customer ${input.invoice_account_id} does not exist`)
    }
    return new StepResponse(undefined)
  }
)
