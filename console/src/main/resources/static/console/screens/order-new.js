// #/orders/new?account=<id>: a quote for the account from the catalogue. The price is the API's: the quote is kept as a
// draft order (POST /api/orders with draft, then PATCH with each edit) and shown as the API priced it; `Place order`
// submits that draft. A discount above the approval threshold waits for a sales manager, as the order says.
import { get, post, patch } from '../api.js';
import { h, replace, heading, section, field, select, form, showProblem, clearProblem, notice, link, guarded, loading, errorState, empty } from '../ui.js';
import { lineEditor, pricedLines } from '../order-lines.js';
import { navigate } from '../app.js';

export async function render(main, params, me, screen) {
  await guarded(main, 'start the quote', async () => {
    if (!params.account) {
      replace(main, heading('New order'), empty('Open an account and choose New order there.'));
      return;
    }
    const [account, products, priceLists] = await Promise.all([
      get(`/api/accounts/${encodeURIComponent(params.account)}`),
      get('/api/products'),
      get('/api/products/price-lists').catch(() => []),
    ]);
    if (screen && !screen.isCurrent()) return;
    show(main, account, products.items || products, priceLists.items || priceLists);
  });
}

function show(main, account, products, priceLists) {
  const currencies = [...new Set(priceLists.map(l => l.currency))];
  let draft = null;        // the quote as the API last answered it
  let pricing = null;      // the pricing under way, so that edits queue behind it
  let pending = false;
  let timer = null;

  const quote = h('div', { 'aria-live': 'polite' }, empty('Choose a product to see the price.'));
  const currency = select('currency', (currencies.length ? currencies : ['USD']).map(c => [c, c]), { value: currencies.includes('USD') ? 'USD' : currencies[0] });
  const deliveryDate = h('input', { type: 'date', name: 'requestedDeliveryDate', required: true });
  const site = h('input', { type: 'text', name: 'deliverySite' });
  const editor = lineEditor(products, [], () => schedule());

  const orderForm = form({ class: 'panel', 'aria-label': 'Quote' }, [
    h('div', { class: 'fields' },
      field('Currency', currency, 'Fixed once the quote is priced'),
      field('Requested delivery date', deliveryDate),
      field('Delivery site', site, 'Where the equipment goes, if not the practice')),
    h('h2', null, 'Lines'),
    editor.element,
  ], [
    h('button', { type: 'button', onclick: () => price(true) }, 'Update price'),
    h('button', { type: 'submit', class: 'primary' }, 'Place order'),
  ], async () => {
    await price(true);
    if (!draft || orderForm.querySelector('.form-problem:not([hidden])')) return;
    try {
      const placed = await post(`/api/orders/${encodeURIComponent(draft.id)}/submit`);
      navigate(`#/orders/${encodeURIComponent(placed.id)}?placed=true`);
    } catch (problem) {
      if (problem.code === 'DISCOUNT_NEEDS_APPROVAL') {
        throw Object.assign(problem, { detail: `The discount needs a sales manager’s approval before the order can be placed. The quote is kept as ${draft.number || 'a draft'}; place it from the order once the discount is approved.` });
      }
      throw problem;
    }
  });
  [deliveryDate, site].forEach(c => c.addEventListener('change', () => schedule()));

  replace(main,
    heading(`New order for ${account.name}`),
    h('p', { class: 'subtitle' }, link(`#/accounts/${encodeURIComponent(account.id)}`, account.name)),
    orderForm,
    section('Price', quote));

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => price(false), 600);
  }

  /** Asks the API to price the quote as it stands; `strict` shows what is missing even before anything was priced. */
  async function price(strict) {
    clearTimeout(timer);
    if (pricing) { pending = true; await pricing; if (!pending) return; }
    pending = false;
    const lines = editor.lines();
    if (!strict && (!lines.length || !deliveryDate.value)) {
      replace(quote, empty(lines.length ? 'Give the requested delivery date to see the price.' : 'Choose a product to see the price.'));
      return;
    }
    const body = { lines, requestedDeliveryDate: deliveryDate.value || null, deliverySite: site.value.trim() || undefined };
    pricing = (async () => {
      try {
        clearProblem(orderForm);
        replace(quote, loading('Pricing…'));
        draft = draft
          ? await patch(`/api/orders/${encodeURIComponent(draft.id)}`, { reason: 'Quote revised', ...body })
          : await post('/api/orders', { accountId: account.id, currency: currency.value, draft: true, ...body });
        currency.disabled = true;
        replace(quote, draft.number ? h('p', null, `Quote ${draft.number}`) : null, pricedLines(draft));
      } catch (problem) {
        if (problem.status === 401) return;
        showProblem(orderForm, problem);
        replace(quote, errorState(problem, 'price the quote'));
      } finally {
        pricing = null;
      }
    })();
    await pricing;
  }
}
