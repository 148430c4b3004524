import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { type LoadedOrders, loadInvoicingOrders } from "../invoicing-orders/load-invoicing-orders"

export type { LoadedOrders }

export const loadInvoicingOrdersStep = createStep(
  "load-invoicing-orders",
  async (input: { order_ids: string[] }, { container }) => {
    return new StepResponse<LoadedOrders>(await loadInvoicingOrders(container, input.order_ids))
  }
)
