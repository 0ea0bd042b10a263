// #/pack?region=&period=: the sales-meeting pack to download as PDF or CSV. The endpoint chooses the format by the
// Accept header (a plain link would ask for HTML and get JSON), so each link fetches the pack with the Accept of its
// format and saves the answer under the file name the API gives.
import { api } from '../api.js';
import { h, replace, heading, notice, errorState } from '../ui.js';
import { planForm, defaultRegion, thisMonth, periodName, regionName } from '../plan.js';

const FORMATS = [['PDF', 'application/pdf', 'pdf'], ['CSV', 'text/csv', 'csv']];

export async function render(main, params, me) {
  const region = defaultRegion(me, params.region);
  const period = params.period || thisMonth();
  const choose = planForm(me, '#/pack', { region, period, button: 'Choose' });
  const said = h('div', { 'aria-live': 'polite' });
  const query = `region=${encodeURIComponent(region)}&period=${encodeURIComponent(period)}`;
  const links = FORMATS.map(([name, type, extension]) => {
    const a = h('a', { class: 'button primary', href: `/api/reports/sales-meeting?${query}`, download: `sales-meeting-${region}-${period}.${extension}` },
      `Download the pack as ${name}`);
    a.addEventListener('click', event => {
      event.preventDefault();
      download(a, type, extension, said);
    });
    return a;
  });
  replace(main, heading('Sales-meeting pack'), choose,
    h('section', { class: 'panel' },
      h('h2', null, `${regionName(region)}, ${periodName(period)}`),
      h('p', null, 'Targets against actuals, the lead funnel, the forecast by month, the order book, delivery, activity and the market: as a PDF with charts, or as a CSV table (section, item, metric, value) for a spreadsheet.'),
      h('div', { class: 'actions' }, links),
      said));
}

async function download(a, type, extension, said) {
  a.setAttribute('aria-disabled', 'true');
  replace(said, h('p', { class: 'state', role: 'status' }, `Preparing the ${extension.toUpperCase()}…`));
  try {
    // api() reads every answer as text; a PDF must stay bytes, so the file is fetched here with the format's Accept.
    const response = await fetch(a.getAttribute('href'), { headers: { Accept: type }, credentials: 'same-origin', redirect: 'manual' });
    if (!response.ok || response.type === 'opaqueredirect') {
      // The same request through the API wrapper turns the refusal into a problem in words (and a 401 into sign-in).
      await api(a.getAttribute('href'));
      throw { status: response.status, title: `The pack could not be made (${response.status}).` };
    }
    const blob = await response.blob();
    const name = fileName(response.headers.get('Content-Disposition')) || a.getAttribute('download');
    const url = URL.createObjectURL(blob);
    const save = h('a', { href: url, download: name, hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    replace(said, notice(`Downloaded ${name}.`, 'ok'));
  } catch (problem) {
    if (problem && problem.status === 401) return;
    replace(said, errorState(problem, `download the pack as ${extension.toUpperCase()}`));
  } finally {
    a.removeAttribute('aria-disabled');
  }
}

function fileName(disposition) {
  const match = /filename="?([^";]+)"?/.exec(disposition || '');
  return match ? match[1] : null;
}
