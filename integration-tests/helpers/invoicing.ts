import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type InvoicingModuleService from "../../src/modules/invoicing/service"

export const invoicing = (container: MedusaContainer) => container.resolve<InvoicingModuleService>("invoicing")

/** The line item ids of an order by SKU, read through Query. */
export async function lineIds(container: MedusaContainer, orderId: string): Promise<Record<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["items.id", "items.variant_sku"], filters: { id: orderId } })
  return Object.fromEntries(data[0].items.map((i: any) => [i.variant_sku, i.id]))
}

/** Cents as integers, so sums of amounts compare exactly. */
export const cents = (amount: number) => Math.round(amount * 100)

/** Waits for something an event subscriber does after a workflow returned. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time")
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Every number of a series from 1 to its count, once: gapless and unique. */
export function expectGapless(numbers: string[], prefix: string) {
  const values = numbers.map((n) => Number(n.slice(prefix.length))).sort((a, b) => a - b)
  expect(values).toEqual(Array.from({ length: values.length }, (_, i) => i + 1))
}
