import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { formatDocumentNumber, prefixesOverlap } from "../../../domain/number-series"
import type { SeriesCode } from "./numbering"

export type NumberSeriesChanges = { prefix?: string; padding?: number; next_value?: number }

export type NumberSeriesView = {
  code: SeriesCode
  prefix: string
  padding: number
  next_value: number
  /** Whether a number was taken: from then on the series cannot change. */
  used: boolean
  /** The number the next document of the series gets. */
  example: string
}

type SeriesRow = { code: SeriesCode; prefix: string; padding: number; next_value: number; first_value: number }

const COLUMNS = `"code", "prefix", "padding", "next_value", "first_value"`

function view(row: SeriesRow): NumberSeriesView {
  return {
    code: row.code,
    prefix: row.prefix,
    padding: row.padding,
    next_value: row.next_value,
    used: row.next_value > row.first_value,
    example: formatDocumentNumber(row.prefix, row.padding, row.next_value),
  }
}

async function readRows(manager: SqlEntityManager): Promise<SeriesRow[]> {
  return manager.execute<SeriesRow[]>(
    `select ${COLUMNS} from "invoicing_number_series" where "deleted_at" is null
       order by array_position(array['invoice', 'credit_note', 'packing_slip'], "code"), "code"`
  )
}

/** Every series, invoices first. */
export async function readNumberSeries(manager: SqlEntityManager): Promise<NumberSeriesView[]> {
  return (await readRows(manager)).map(view)
}

/**
 * Changes a series' format or starting number, only while it has given out no number: the
 * update itself checks next_value = first_value, so a posting that takes the first number
 * at the same time either commits first (Postgres re-checks the condition on the row it
 * committed, and nothing is saved) or takes the number as saved here.
 */
export async function saveNumberSeries(manager: SqlEntityManager, code: string, changes: NumberSeriesChanges): Promise<NumberSeriesView> {
  const rows = await readRows(manager)
  const current = rows.find((r) => r.code === code)
  if (!current) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Number series "${code}" does not exist`)
  }
  const clash = changes.prefix === undefined ? undefined : rows.find((r) => r.code !== code && prefixesOverlap(r.prefix, changes.prefix!))
  if (clash) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `prefix: "${changes.prefix}" could print the same numbers as the ${clash.code} series (prefix "${clash.prefix}"); give each series its own prefix`
    )
  }

  const [saved] = await manager.execute<SeriesRow[]>(
    `update "invoicing_number_series"
        set "prefix" = coalesce(?, "prefix"), "padding" = coalesce(?::int, "padding"),
            "next_value" = coalesce(?::int, "next_value"), "first_value" = coalesce(?::int, "next_value"), "updated_at" = now()
      where "code" = ? and "deleted_at" is null and "next_value" = "first_value"
      returning ${COLUMNS}`,
    [changes.prefix ?? null, changes.padding ?? null, changes.next_value ?? null, changes.next_value ?? null, code]
  )
  if (saved) return view(saved)

  // In use: read it again, as a posting may have taken its first number since the read above.
  const [used] = await manager.execute<SeriesRow[]>(`select ${COLUMNS} from "invoicing_number_series" where "code" = ? and "deleted_at" is null`, [code])
  const changed = (Object.keys(changes) as (keyof NumberSeriesChanges)[]).filter((field) => changes[field] !== used[field])
  if (!changed.length) return view(used)
  const taken = formatDocumentNumber(used.prefix, used.padding, used.first_value)
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `${changed.join(", ")}: the ${code} series is in use (its first number ${taken} is taken), ` +
      `and a legal number series cannot be renumbered or reformatted after its first number`
  )
}
