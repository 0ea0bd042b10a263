// #/search?q=...: one search over leads, accounts and orders (the gateway asks each service); each result is a link
// named by the record's title that opens it.
import { get } from '../api.js';
import { h, replace, heading, empty, words, guarded } from '../ui.js';

const OPENS = { lead: id => `#/leads/${id}`, account: id => `#/accounts/${id}`, order: id => `#/orders/${id}` };

export async function render(main, params) {
  const q = (params.q || '').trim();
  replace(main, heading(q ? `Search results for “${q}”` : 'Search'));
  if (!q) {
    main.append(empty('Type a practice, a person or an order number in the search box above.'));
    return;
  }
  await guarded(main, 'search', async () => {
    const answer = await get('/api/search', { q });
    const items = answer.items || [];
    if (answer['x-unavailable'] || answer.unavailable) {
      main.append(h('p', { class: 'notice warn', role: 'status' }, 'Some records could not be searched just now; the results may be incomplete.'));
    }
    if (!items.length) {
      main.append(empty(`Nothing matches “${q}”.`));
      return;
    }
    main.append(h('ul', { class: 'results', 'aria-label': 'Search results' }, items.map(item => {
      const type = String(item.type || '').toLowerCase();
      const href = OPENS[type] ? OPENS[type](encodeURIComponent(item.id)) : null;
      return h('li', null,
        href ? h('a', { href }, item.title) : h('span', null, item.title),
        h('div', { class: 'meta' }, [words(type.toUpperCase()), item.subtitle, item.region ? words(item.region) : null].filter(Boolean).join(' · ')));
    })));
  });
}
