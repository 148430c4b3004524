import type { MedusaContainer } from "@medusajs/framework/types"
import { setupStore, type StoreFixture } from "../../seed/store"
import { adminHeaders } from "./admin"

export type AdminHeaders = { headers: Record<string, string> }

/** The seeded store and an admin's request headers: what nearly every suite sets up first. */
export async function storeWithAdmin(container: MedusaContainer): Promise<{ store: StoreFixture; headers: AdminHeaders }> {
  const store = await setupStore(container)
  return { store, headers: await adminHeaders(container) }
}
