// #/leads?status=&mine=&page=: the leads the caller may see, newest first, with a `New lead` button.
import { get } from '../api.js';
import { h, replace, heading, table, link, words, money, date, guarded, field, select } from '../ui.js';
import { navigate } from '../app.js';

const STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'];
const SIZE = 50;

export async function render(main, params, me) {
  const page = Math.max(0, Number(params.page || 0));
  const mine = params.mine !== undefined ? params.mine === 'true' : (me.roles || []).includes('ACCOUNT_MANAGER');
  const status = params.status || '';
  replace(main, heading('Leads', h('button', { type: 'button', class: 'primary', onclick: () => navigate('#/leads/new') }, 'New lead')));

  const statusSelect = select('status', STATUSES, { value: status, empty: 'Any status' });
  const mineBox = h('input', { type: 'checkbox', name: 'mine', id: 'leads-mine', checked: mine });
  const filters = h('form', { class: 'panel filters', 'aria-label': 'Filter leads' },
    h('div', { class: 'fields' }, field('Status', statusSelect),
      h('div', { class: 'field' }, h('span', null, ' '), h('label', { for: 'leads-mine', class: 'check' }, mineBox, ' Only my leads'))));
  const go = () => navigate(`#/leads?status=${statusSelect.value}&mine=${mineBox.checked}`);
  statusSelect.addEventListener('change', go);
  mineBox.addEventListener('change', go);
  main.append(filters);

  await guarded(main, 'load the leads', async () => {
    const answer = await get('/api/leads', { status, owner: mine ? me.user : null, page, size: SIZE });
    const rows = (answer.items || []).map(lead => [
      link(`#/leads/${encodeURIComponent(lead.id)}`, lead.practiceName),
      [lead.city, lead.country].filter(Boolean).join(', '),
      words(lead.specialty),
      words(lead.status),
      lead.completeness ? `${lead.completeness.score} %` : '—',
      money(lead.estimatedValue),
      lead.owner || '—',
      date(lead.capturedAt),
    ]);
    main.append(table(['Practice', 'City', 'Specialty', 'Status', 'Completeness', 'Estimated value', 'Owner', 'Captured'], rows,
      status ? `No ${words(status).toLowerCase()} leads.` : 'No leads yet: capture one with New lead.'));
    const total = answer.total || 0;
    const base = `#/leads?status=${status}&mine=${mine}`;
    if (total > SIZE) {
      main.append(h('nav', { class: 'actions', 'aria-label': 'Pages' },
        page > 0 ? h('a', { class: 'button', href: `${base}&page=${page - 1}` }, 'Previous page') : null,
        h('span', null, `Page ${page + 1} of ${Math.ceil(total / SIZE)} (${total} leads)`),
        (page + 1) * SIZE < total ? h('a', { class: 'button', href: `${base}&page=${page + 1}` }, 'Next page') : null));
    }
  });
}
