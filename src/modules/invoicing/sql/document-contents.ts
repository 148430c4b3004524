/**
 * The SQL function giving the canonical content of posted documents, which the ledger chains
 * (see Migration20261125120000), as that migration created it. Migrations run it, so it
 * never changes: a migration run today must create what it created then.
 * Migration20261207120000 derives the function's current form from it.
 */
export const DOCUMENT_CONTENTS = `create or replace function invoicing_document_contents(document_ids text[]) returns table (document_id text, content text) as $$
      select i.id, jsonb_build_object(
        'id', i.id, 'kind', i.kind, 'number', i.number, 'series_code', i.series_code,
        'invoice_date', invoicing_utc(i.invoice_date), 'due_date', invoicing_utc(i.due_date),
        'posted_at', invoicing_utc(i.posted_at), 'deleted_at', invoicing_utc(i.deleted_at),
        'currency_code', i.currency_code, 'invoice_account_id', i.invoice_account_id, 'bill_to', i.bill_to,
        'summary_update', i.summary_update, 'quantity_mode', i.quantity_mode, 'print_charges', i.print_charges,
        'packing_slip_number', i.packing_slip_number, 'group_key', i.group_key, 'idempotency_key', i.idempotency_key,
        'credited_invoice_id', i.credited_invoice_id, 'reason', i.reason,
        'item_subtotal', jsonb_build_array(i.item_subtotal, i.raw_item_subtotal),
        'discount_total', jsonb_build_array(i.discount_total, i.raw_discount_total),
        'charges_total', jsonb_build_array(i.charges_total, i.raw_charges_total),
        'tax_total', jsonb_build_array(i.tax_total, i.raw_tax_total),
        'total', jsonb_build_array(i.total, i.raw_total),
        'lines', coalesce(l.lines, '[]'::jsonb),
        'charges', coalesce(c.charges, '[]'::jsonb)
      )::text
      from invoicing_invoice i
      left join (
        select l.invoice_id, jsonb_agg(jsonb_build_object(
            'id', l.id, 'order_id', l.order_id, 'order_display_id', l.order_display_id, 'line_item_id', l.line_item_id,
            'packing_slip_id', l.packing_slip_id, 'packing_slip_number', l.packing_slip_number, 'title', l.title,
            'variant_sku', l.variant_sku, 'quantity', l.quantity, 'is_tax_inclusive', l.is_tax_inclusive,
            'credited_line_id', l.credited_line_id, 'deleted_at', invoicing_utc(l.deleted_at),
            'unit_price', jsonb_build_array(l.unit_price, l.raw_unit_price),
            'tax_rate', jsonb_build_array(l.tax_rate, l.raw_tax_rate),
            'subtotal', jsonb_build_array(l.subtotal, l.raw_subtotal),
            'discount_total', jsonb_build_array(l.discount_total, l.raw_discount_total),
            'tax_total', jsonb_build_array(l.tax_total, l.raw_tax_total),
            'total', jsonb_build_array(l.total, l.raw_total)) order by l.id) as lines
          from invoicing_invoice_line l where l.invoice_id = any(document_ids) group by l.invoice_id
      ) l on l.invoice_id = i.id
      left join (
        select c.invoice_id, jsonb_agg(jsonb_build_object(
            'id', c.id, 'order_id', c.order_id, 'order_display_id', c.order_display_id,
            'shipping_method_id', c.shipping_method_id, 'name', c.name, 'credited_charge_id', c.credited_charge_id,
            'deleted_at', invoicing_utc(c.deleted_at),
            'tax_rate', jsonb_build_array(c.tax_rate, c.raw_tax_rate),
            'subtotal', jsonb_build_array(c.subtotal, c.raw_subtotal),
            'discount_total', jsonb_build_array(c.discount_total, c.raw_discount_total),
            'tax_total', jsonb_build_array(c.tax_total, c.raw_tax_total),
            'total', jsonb_build_array(c.total, c.raw_total)) order by c.id) as charges
          from invoicing_invoice_charge c where c.invoice_id = any(document_ids) group by c.invoice_id
      ) c on c.invoice_id = i.id
      where i.id = any(document_ids)
    $$ language sql stable;`
