// #/targets?region=&period=: a region's targets for a month or a year (GET, then PUT
// /api/regions/{region}/targets/{period}); a sales manager with a region sets their own region's, an admin any.
import { get, put } from '../api.js';
import { h, replace, heading, section, field, form, select, notice, number, money, dateTime, guarded, loading } from '../ui.js';
import { planForm, defaultRegion, homeRegion, thisMonth, periodName, regionName } from '../plan.js';

const CURRENCIES = ['USD', 'EUR'];

export async function render(main, params, me, screen) {
  // A sales manager sets their own region's targets only (another's answers 403); an admin any region's.
  const admin = (me.roles || []).includes('ADMIN');
  const region = (!admin && homeRegion(me)) || defaultRegion(me, params.region, false);
  const period = params.period || thisMonth();
  const choose = planForm(me, '#/targets', { region, period, button: 'Show targets', allowAll: false, fixed: !admin, periodHint: 'A month (2026-11) or a year (2026)' });
  const body = h('div', null, loading('Loading the targets…'));
  replace(main, heading('Targets'), choose, body);

  await guarded(body, 'load the targets', async () => {
    const path = `/api/regions/${encodeURIComponent(region)}/targets/${encodeURIComponent(period)}`;
    let current = null;
    try {
      current = await get(path);
    } catch (problem) {
      if (problem.status !== 404) throw problem;
    }
    if (screen && !screen.isCurrent()) return;
    show(body, path, region, period, current, params.saved === 'true');
  });
}

function show(body, path, region, period, current, saved) {
  const title = `${regionName(region)}, ${periodName(period)}`;
  const amount = current?.bookings?.amount ?? '';
  const edit = form({ class: 'panel', 'aria-label': 'Set targets' }, [
    h('h2', null, `Targets for ${title}`),
    h('div', { class: 'fields' },
      field('Leads captured', h('input', { type: 'number', name: 'leadsCaptured', min: '0', step: '1', value: current?.leadsCaptured ?? '' })),
      field('Leads qualified', h('input', { type: 'number', name: 'leadsQualified', min: '0', step: '1', value: current?.leadsQualified ?? '' })),
      field('Leads converted', h('input', { type: 'number', name: 'leadsConverted', min: '0', step: '1', value: current?.leadsConverted ?? '' })),
      field('Bookings', h('input', { type: 'number', name: 'bookings.amount', min: '0', step: '0.01', value: amount })),
      field('Currency', select('bookings.currency', CURRENCIES.map(c => [c, c]), { value: current?.bookings?.currency || 'USD' }))),
  ], [h('button', { type: 'submit', class: 'primary' }, 'Save targets')], async values => {
    // Numbers go as the person typed them; the API says what it does not accept, beside the field.
    const count = v => (v === undefined ? null : (/^\d+$/.test(v) ? Number(v) : v));
    const request = {
      leadsCaptured: count(values.leadsCaptured),
      leadsQualified: count(values.leadsQualified),
      leadsConverted: count(values.leadsConverted),
      bookings: { amount: values.bookings?.amount ?? null, currency: values.bookings?.currency || 'USD' },
    };
    const answer = await put(path, request);
    show(body, path, region, period, answer, true);
  });
  replace(body,
    saved ? notice(`Targets for ${title} are saved.`, 'ok') : null,
    current
      ? h('p', { class: 'hint' }, `Set by ${current.setBy || '—'} on ${dateTime(current.setAt)}: ${number(current.leadsCaptured)} leads captured, `
        + `${number(current.leadsQualified)} qualified, ${number(current.leadsConverted)} converted, bookings ${money(current.bookings)}.`)
      : notice(`No targets are set for ${title} yet.`),
    edit);
}
