import { DOCUMENT_STYLES } from "./styles"

/**
 * Handlebars fragments shared by the default templates, joined into whole template strings
 * at module load (not handlebars partials): each default template, like a merchant's
 * override file, is one self-contained source. Every value is a double-stash `{{…}}`, so
 * handlebars HTML-escapes it; nothing here uses triple-stash.
 */

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${DOCUMENT_STYLES}</style>
</head>
<body>
<div class="document">
${body}
</div>
</body>
</html>
`
}

export const SELLER = `<div class="seller">
  {{#if seller.logo_data_uri}}<img class="logo" src="{{seller.logo_data_uri}}" alt="">{{/if}}
  <div class="name">{{seller.name}}</div>
  {{#each seller.address_lines}}<div>{{this}}</div>{{/each}}
  {{#if seller.email}}<div class="muted">{{seller.email}}</div>{{/if}}
  {{#if seller.phone}}<div class="muted">{{seller.phone}}</div>{{/if}}
  {{#if seller.vat_number}}<div class="muted">VAT {{seller.vat_number}}</div>{{/if}}
</div>`

export const COPY = `{{#if document.copy_label}}<div class="copy">{{document.copy_label}}</div>{{/if}}`

export const PARTY = (heading: string, path: string) => `<div class="party">
  <h2>${heading}</h2>
  {{#if ${path}.name}}<div class="name">{{${path}.name}}</div>{{/if}}
  {{#each ${path}.address_lines}}<div>{{this}}</div>{{/each}}
  {{#if ${path}.email}}<div class="muted">{{${path}.email}}</div>{{/if}}
</div>`

/** Invoice, credit note and pro forma: header with the number (or PRO FORMA) and dates. */
export const INVOICE_HEADER = `<header>
  ${SELLER}
  <div class="meta">
    ${COPY}
    <h1>{{document.title}}</h1>
    <table>
      <tr><td class="label">Number</td><td class="number">{{document.number}}</td></tr>
      <tr><td class="label">Invoice date</td><td>{{document.invoice_date}}</td></tr>
      {{#if document.due_date}}<tr><td class="label">Due date</td><td>{{document.due_date}}</td></tr>{{/if}}
      {{#if document.orders}}<tr><td class="label">Orders</td><td>{{document.orders}}</td></tr>{{/if}}
      {{#if document.packing_slip_number}}<tr><td class="label">Packing slip</td><td>{{document.packing_slip_number}}</td></tr>{{/if}}
      <tr><td class="label">Currency</td><td>{{document.currency}}</td></tr>
    </table>
  </div>
</header>`

export const INVOICE_LINES = `<table class="lines">
  <thead>
    <tr>
      <th>Description</th>
      <th>Packing slip</th>
      <th class="num">Qty</th>
      <th class="num">Unit price</th>
      {{#if has_discounts}}<th class="num">Discount</th>{{/if}}
      <th class="num">Tax</th>
      <th class="num">Amount</th>
    </tr>
  </thead>
  <tbody>
    {{#each lines}}
    <tr>
      <td>{{title}}<div class="sub">{{#if sku}}SKU {{sku}}{{/if}}{{#if order}} · Order {{order}}{{/if}}</div></td>
      <td>{{packing_slip}}</td>
      <td class="num">{{quantity}}</td>
      <td class="num">{{unit_price}}</td>
      {{#if ../has_discounts}}<td class="num">{{#if has_discount}}{{discount}}{{/if}}</td>{{/if}}
      <td class="num">{{tax_rate}}</td>
      <td class="num">{{net}}</td>
    </tr>
    {{/each}}
    {{#if has_charges}}
    <tr class="group"><td colspan="{{#if has_discounts}}7{{else}}6{{/if}}">Charges</td></tr>
    {{#each charges}}
    <tr>
      <td>{{name}}</td>
      <td></td>
      <td class="num"></td>
      <td class="num"></td>
      {{#if ../has_discounts}}<td class="num">{{#if has_discount}}{{discount}}{{/if}}</td>{{/if}}
      <td class="num">{{tax_rate}}</td>
      <td class="num">{{net}}</td>
    </tr>
    {{/each}}
    {{/if}}
  </tbody>
</table>`

export const INVOICE_SUMMARY = `<div class="summary">
  <div class="taxes">
    <table>
      <thead><tr><th>Tax rate</th><th>Base</th><th>Tax</th></tr></thead>
      <tbody>
        {{#each tax_rates}}<tr><td>{{rate}}</td><td>{{base}}</td><td>{{tax}}</td></tr>{{/each}}
      </tbody>
    </table>
  </div>
  <div class="totals">
    <table>
      <tr><td>Items</td><td class="num">{{totals.item_subtotal}}</td></tr>
      {{#if totals.has_discount}}<tr><td>Less discount</td><td class="num">{{totals.discount}}</td></tr>{{/if}}
      {{#if has_charges}}<tr><td>Charges</td><td class="num">{{totals.charges}}</td></tr>{{/if}}
      <tr><td>Tax</td><td class="num">{{totals.tax}}</td></tr>
      <tr class="total"><td>Total</td><td class="num">{{totals.total}}</td></tr>
    </table>
  </div>
</div>`

export const FOOTER = `<footer>
  {{#if seller.footer}}<div>{{seller.footer}}</div>{{/if}}
  <div>{{seller.name}}{{#if seller.vat_number}} · VAT {{seller.vat_number}}{{/if}}</div>
</footer>`
