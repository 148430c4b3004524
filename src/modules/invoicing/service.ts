import { MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"

class InvoicingModuleService extends MedusaService({ ...models }) {}

export default InvoicingModuleService
