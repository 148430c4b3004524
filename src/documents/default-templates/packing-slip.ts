import { COPY, FOOTER, PARTY, SELLER, page } from "./parts"

/** The default packing slip template. Receives a PackingSlipView (see ../view.ts): goods only, no prices. */
export const PACKING_SLIP_TEMPLATE = page(
  "{{document.title}} {{document.number}}",
  `<header>
  ${SELLER}
  <div class="meta">
    ${COPY}
    <h1>{{document.title}}</h1>
    <table>
      <tr><td class="label">Number</td><td class="number">{{document.number}}</td></tr>
      <tr><td class="label">Shipped</td><td>{{document.shipped_at}}</td></tr>
      {{#if document.order}}<tr><td class="label">Order</td><td>{{document.order}}</td></tr>{{/if}}
    </table>
  </div>
</header>
<div class="parties">
  ${PARTY("Ship to", "ship_to")}
  {{#if bill_to}}${PARTY("Bill to", "bill_to")}{{/if}}
</div>
<table class="lines">
  <thead><tr><th>Description</th><th>SKU</th><th class="num">Qty</th></tr></thead>
  <tbody>
    {{#each lines}}<tr><td>{{title}}</td><td>{{sku}}</td><td class="num">{{quantity}}</td></tr>{{/each}}
    <tr class="group"><td colspan="2">Total quantity</td><td class="num">{{total_quantity}}</td></tr>
  </tbody>
</table>
${FOOTER}`
)
