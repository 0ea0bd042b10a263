// The region and period a sales manager's screens look at (dashboard, targets, sales-meeting pack): the signed-in
// manager's own region when their token names one, else a choice; a month (2026-11), quarter (2026-Q4) or year (2026),
// checked by the API, never here.
import { h, field, form, select, words } from './ui.js';
import { navigate } from './app.js';

/** The regions of the sales organisation (the identity provider's users are of these). */
export const REGIONS = ['NORTHEAST', 'SOUTHEAST', 'MIDWEST', 'SOUTHWEST', 'WEST', 'NORTHWEST'];

export function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** "2026-11" as "November 2026", "2026-Q4" as "Q4 2026", in the reader's language. */
export function periodName(period) {
  const month = /^(\d{4})-(\d{2})$/.exec(period || '');
  if (month) return new Intl.DateTimeFormat(navigator.language || 'en-US', { month: 'long', year: 'numeric' }).format(new Date(Number(month[1]), Number(month[2]) - 1, 15));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period || '');
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  return period || '';
}

export function regionName(region) {
  return !region || region === 'ALL' ? 'All regions' : words(region);
}

/** The region the caller leads or works in: a sales manager sees every region but has one (GET /api/me's homeRegion). */
export const homeRegion = me => (me && (me.homeRegion || me.region)) || null;

/** The region a screen opens on: the one asked for, else the caller's own, else all (or the first). */
export const defaultRegion = (me, region, allowAll = true) => region || homeRegion(me) || (allowAll ? 'ALL' : REGIONS[0]);

/**
 * The region and period fields of a screen's filter form. With `fixed` (setting targets, which only the region's own
 * manager may) a manager with a region sees it as text; otherwise the caller picks one (with `allowAll`, also "All
 * regions"), starting at their own.
 */
export function planFields(me, { region, period, allowAll = true, fixed = false, periodHint = 'A month (2026-11), a quarter (2026-Q4) or a year (2026)' }) {
  const own = fixed ? homeRegion(me) : null;
  const regionControl = own
    ? h('input', { type: 'text', name: 'region', value: own, readonly: true, hidden: true })
    : select('region', (allowAll ? [['ALL', 'All regions']] : []).concat(REGIONS.map(r => [r, words(r)])), { value: defaultRegion(me, region, allowAll) });
  return [
    own ? h('div', { class: 'field' }, h('span', { class: 'label' }, 'Region'), h('strong', null, regionName(own)), regionControl)
      : field('Region', regionControl),
    field('Period', h('input', { type: 'text', name: 'period', value: period || thisMonth(), inputmode: 'numeric', autocomplete: 'off' }), periodHint),
  ];
}

/** The filter form of a screen that looks at one region and period: choosing goes to `route` with both in the address. */
export function planForm(me, route, { region, period, button, ...options }) {
  return form({ class: 'panel filters', 'aria-label': 'Region and period' },
    h('div', { class: 'fields' }, planFields(me, { region, period, ...options })),
    [h('button', { type: 'submit' }, button)],
    async values => navigate(`${route}?region=${encodeURIComponent(values.region || region)}&period=${encodeURIComponent(values.period || '')}`));
}
