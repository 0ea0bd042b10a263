// #/dashboard?region=&period=: a region's figures for the sales meeting, drawn from the sales-meeting pack (JSON) and
// the pipeline and order reports: targets against actuals, the lead funnel, the forecast by month, the order book and
// delivery. Orders the pack names by id are shown by their order number and practice.
import { get } from '../api.js';
import { h, replace, heading, section, table, facts, link, words, money, number, percent, date, guarded, errorState, loading } from '../ui.js';
import { order as readOrder, accountName, eachLimited } from '../records.js';
import { pairedBars, funnel, stackedColumns } from '../charts.js';
import { planForm, defaultRegion, thisMonth, periodName, regionName } from '../plan.js';

const METRICS = [['leadsCaptured', 'Leads captured'], ['leadsQualified', 'Leads qualified'], ['leadsConverted', 'Leads converted'], ['bookings', 'Bookings']];
const STAGES = [['captured', 'Captured'], ['contacted', 'Contacted'], ['qualified', 'Qualified'], ['converted', 'Converted']];
const RATES = { contacted: 'capturedToContacted', qualified: 'contactedToQualified', converted: 'qualifiedToConverted' };
const SHOWN = 8;

export async function render(main, params, me, screen) {
  const region = defaultRegion(me, params.region);
  const period = params.period || thisMonth();
  const filters = planForm(me, '#/dashboard', { region, period, button: 'Show' });
  const body = h('div', null, loading('Loading the figures…'));
  replace(main, heading('Dashboard'), h('p', { class: 'subtitle' }, `${regionName(region)} · ${periodName(period)}`), filters, body);

  await guarded(body, 'load the figures', async () => {
    const scope = region === 'ALL' ? null : region;
    const [pack, pipeline, orders] = await Promise.all([
      get('/api/reports/sales-meeting', { region, period }),
      get('/api/reports/pipeline', { region: scope }),
      get('/api/reports/orders', { region: scope }),
    ]);
    if (screen && !screen.isCurrent()) return;
    const cash = amount => money({ amount, currency: pack.currency || 'USD' });
    replace(body,
      h('p', { class: 'hint' }, `Figures from ${date(pack.from)} to ${date(pack.until)}, as of ${new Date(pack.generatedAt).toLocaleString(navigator.language)}.`),
      h('div', { class: 'grid wide' },
        section('Targets against actuals', targets(pack, cash)),
        section('Lead funnel', leadFunnel(pack.funnel || {}))),
      h('div', { class: 'grid wide' },
        section('Forecast', forecast(pack.forecast || {}, cash)),
        section('Pipeline', leadsByStatus(pipeline))),
      section('Order book', orderBook(pack.orderBook || {}, orders, cash)),
      section('Delivery', delivery(pack.delivery || {}, cash)));
  });
}

function targets(pack, cash) {
  const t = pack.targets || {};
  const pace = pack.pace || {};
  const show = (metric, value) => (metric === 'bookings' ? cash(value) : number(value));
  const rows = METRICS.filter(([key]) => t[key]).map(([key, label]) => {
    const e = t[key];
    const p = pace[key] || {};
    return {
      label,
      values: [e.target, e.actual],
      shown: [show(key, e.target), show(key, e.actual)],
      cells: [label, show(key, e.target), show(key, e.actual), e.attainment === null || e.attainment === undefined ? 'No target set' : percent(e.attainment),
        show(key, p.remaining), p.neededPerWeek === null || p.neededPerWeek === undefined ? '—' : show(key, p.neededPerWeek)],
    };
  });
  return pairedBars('Targets against actuals', ['Target', 'Actual'], rows,
    ['Metric', 'Target', 'Actual', 'Attainment', 'Still to do', 'Needed per week']);
}

function leadFunnel(f) {
  const stages = STAGES.map(([key, label]) => {
    const rate = RATES[key] && f.conversionRates ? f.conversionRates[RATES[key]] : null;
    return {
      label,
      value: f[key] || 0,
      shown: number(f[key] || 0),
      cells: [label, number(f[key] || 0), rate === null || rate === undefined ? '—' : percent(rate),
        f.averageDaysInStage && f.averageDaysInStage[key] !== undefined && f.averageDaysInStage[key] !== null ? `${number(f.averageDaysInStage[key])} days` : '—'],
    };
  });
  return [funnel('Leads captured in the period, by how far they got', stages, ['Stage', 'Leads', 'From the stage before', 'Average time in stage']),
    h('p', null, `Disqualified: ${number(f.disqualified || 0)}. Captured to converted: ${percent(f.conversionRates?.capturedToConverted)}.`)];
}

function forecast(fc, cash) {
  const c = fc.categories || {};
  const columns = (fc.byMonth || []).map(m => ({
    label: monthName(m.month),
    values: [m.pipeline, m.bestCase, m.commit],
    cells: [monthName(m.month), cash(m.pipeline), cash(m.bestCase), cash(m.commit), cash(m.weighted)],
  }));
  const categories = [['pipeline', 'Pipeline'], ['bestCase', 'Best case'], ['commit', 'Commit']].map(([key, label]) => {
    const k = c[key] || {};
    return [label, number(k.count || 0), cash(k.value || 0), percent(k.probability), cash(k.weighted || 0)];
  });
  return [
    stackedColumns('Forecast by decision month', ['Pipeline', 'Best case', 'Commit'], columns,
      ['Month', 'Pipeline', 'Best case', 'Commit', 'Weighted'], v => cash(v), 'Nothing open to forecast.'),
    table(['Category', 'Open', 'Value', 'Likelihood', 'Weighted'], categories, 'Nothing open.', 'Forecast by category'),
    h('p', null, h('strong', null, `Weighted forecast: ${cash(fc.weightedTotal || 0)}`)),
  ];
}

function leadsByStatus(pipeline) {
  const rows = Object.entries(pipeline.leadsByStatus || {}).map(([status, count]) => [words(status), number(count)]);
  return [table(['Status', 'Leads'], rows, 'No leads yet.', 'Leads by status, all time'),
    facts([['Leads', number(pipeline.totalLeads)], ['Accounts opened', number(pipeline.accountsOpened)]])];
}

function orderBook(book, orders, cash) {
  const lines = Object.entries(book.byProductLine || {}).map(([line, v]) => ({
    label: words(line), values: [v.submitted, v.confirmed], shown: [cash(v.submitted), cash(v.confirmed)],
    cells: [words(line), cash(v.submitted), cash(v.confirmed)],
  }));
  const changes = h('div', null, loading());
  const cancellations = h('div', null, loading());
  orderRows(changes, book.changes?.items || [], c => [date(c.at), c.reason || '—', cash(c.valueEffect)],
    ['Order number', 'Practice', 'When', 'Reason', 'Value effect'], 'No changes in the period.');
  orderRows(cancellations, book.cancellations?.items || [], c => [date(c.at), c.reason || '—', words(c.statusBefore), cash(c.valueEffect)],
    ['Order number', 'Practice', 'When', 'Reason', 'Status before', 'Value effect'], 'No cancellations in the period.');
  return [
    facts([
      ['Submitted in the period', `${orderCount(book.submitted?.count)}, ${cash(book.submitted?.value || 0)}`],
      ['Confirmed in the period', `${orderCount(book.confirmed?.count)}, ${cash(book.confirmed?.value || 0)}`],
      ['Changes', `${number(book.changes?.count || 0)}, value effect ${cash(book.changes?.valueEffect || 0)}`],
      ['Cancellations', `${number(book.cancellations?.count || 0)}, value effect ${cash(book.cancellations?.valueEffect || 0)}`],
      ['All time', `${number(orders.ordersPlaced)} placed, ${number(orders.ordersChanged)} changed, ${number(orders.ordersCancelled)} cancelled; booked ${money(orders.bookedValue)}`],
    ]),
    lines.length ? pairedBars('Value by product line', ['Submitted', 'Confirmed'], lines, ['Product line', 'Submitted', 'Confirmed'])
      : h('p', { class: 'state empty' }, 'No orders submitted or confirmed in the period.'),
    h('h3', null, 'Changes'), changes,
    h('h3', null, 'Cancellations'), cancellations,
  ];
}

function delivery(d, cash) {
  const atRisk = h('div', null, loading());
  const misses = h('div', null, loading());
  orderRows(atRisk, d.atRiskNow || [], o => [words(o.reason), words(o.status), date(o.committedDeliveryDate), cash(o.value)],
    ['Order number', 'Practice', 'Risk', 'Status', 'Committed delivery', 'Value'], 'No orders at risk now.');
  orderRows(misses, d.misses || [], o => [date(o.committedDeliveryDate), `${number(o.daysLate)} days`, words(o.reason), o.rescheduledBecause || '—'],
    ['Order number', 'Practice', 'Committed delivery', 'Late by', 'Reason', 'Rescheduled because'], 'No commitments missed in the period.');
  return [
    pairedBars('Deliveries in the period', ['Delivered', 'On time'], [{
      label: 'Deliveries', values: [d.delivered || 0, d.onTime || 0], shown: [number(d.delivered || 0), number(d.onTime || 0)],
      cells: [number(d.delivered || 0), number(d.onTime || 0), number(d.late || 0), percent(d.onTimeRate)],
    }], ['Delivered', 'On time', 'Late', 'On-time rate']),
    h('h3', null, `At risk now (${number(d.atRiskNowCount || 0)})`), atRisk,
    h('h3', null, `Commitments missed (${number(d.missedCount || 0)})`), misses,
  ];
}

/** A table of the pack's order items, each named by its order number and practice (read from order-service). */
function orderRows(holder, items, cells, headers, emptyText) {
  const shown = items.slice(0, SHOWN);
  eachLimited(shown, 4, async item => {
    const o = await readOrder(item.orderId).catch(() => null);
    const name = o ? link(`#/orders/${encodeURIComponent(o.id)}`, o.number || 'Order') : 'An order you cannot open';
    const practice = o ? await accountName(o.accountId) : '—';
    return [name, practice, ...cells(item)];
  }).then(rows => replace(holder, table(headers, rows, emptyText),
    items.length > shown.length ? h('p', { class: 'hint' }, `and ${number(items.length - shown.length)} more (see the sales-meeting pack)`) : null),
  problem => replace(holder, errorState(problem, 'load the orders')));
}

const orderCount = n => `${number(n || 0)} ${n === 1 ? 'order' : 'orders'}`;

function monthName(month) {
  return periodName(month);
}
