// Pages of a long list: "Newer" / "Older" links around "Page n of m", only when there is more than one page.
import { h, number } from './ui.js';

/** hrefOf(page) gives the console address of a page; `noun` names what is counted ("notifications"). */
export function pager(total, page, size, hrefOf, noun) {
  if (total <= size) return null;
  return h('nav', { class: 'actions', 'aria-label': 'Pages' },
    page > 0 ? h('a', { class: 'button', href: hrefOf(page - 1) }, 'Newer') : null,
    h('span', null, `Page ${page + 1} of ${Math.ceil(total / size)} (${number(total)} ${noun})`),
    (page + 1) * size < total ? h('a', { class: 'button', href: hrefOf(page + 1) }, 'Older') : null);
}
