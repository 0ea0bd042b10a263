// The order lines editor shared by the quote (#/orders/new) and `Change order`, the priced lines as the API answered
// them, and an order's changes in words (its history, the departments' inbox). Nothing here prices: totals, unit
// prices and the discount's approval state come from the order.
import { h, replace, field, select, table, money, percent, number, words, date, dateTime } from './ui.js';

/**
 * An editor of lines over the catalogue: each line a product, a quantity, its options and a discount in per cent.
 * onChange() is called after every edit. Returns {element, lines(), focus()}.
 */
export function lineEditor(products, initial, onChange) {
  const rows = h('div', { class: 'lines' });
  const element = h('div', { class: 'line-editor' }, rows,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => { addLine({}); onChange(); } }, 'Add line')));
  const bySku = new Map(products.map(p => [p.sku, p]));

  function renumber() {
    [...rows.children].forEach((row, i) => {
      row.querySelector('legend').textContent = `Line ${i + 1}`;
      row.querySelectorAll('[data-line-part]').forEach(control => {
        const name = `lines[${i}].${control.dataset.linePart}`;
        control.name = name;
        control.closest('.field').dataset.field = name;
      });
    });
  }

  function addLine(line) {
    const product = select('sku', products.map(p => [p.sku, `${p.name} (${words(p.category)})`]), { empty: 'Choose a product', value: line.sku });
    product.dataset.linePart = 'sku';
    const quantity = h('input', { type: 'number', min: '1', step: '1', value: String(line.quantity || 1), dataset: { linePart: 'quantity' } });
    const discount = h('input', { type: 'number', min: '0', max: '100', step: '0.5', value: line.discountPercent ?? '', dataset: { linePart: 'discountPercent' } });
    const options = h('div', { class: 'fields options' });
    const row = h('fieldset', { class: 'line panel' }, h('legend', null, 'Line'),
      h('div', { class: 'fields' }, field('Product', product), field('Quantity', quantity), field('Discount (%)', discount)),
      options,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', onclick: () => { row.remove(); renumber(); onChange(); } }, 'Remove line')));
    const showOptions = chosen => {
      const p = bySku.get(product.value);
      replace(options, p ? Object.entries(p.options || {}).map(([name, values]) => {
        const control = select(name, values.map(v => [v, words(v)]), { empty: 'Standard', value: chosen?.[name] });
        control.dataset.linePart = `options.${name}`;
        control.dataset.option = name;
        return field(words(name), control);
      }) : []);
      renumber();
    };
    product.addEventListener('change', () => showOptions({}));
    row.addEventListener('change', () => onChange());
    rows.append(row);
    showOptions(line.options || {});
  }

  (initial && initial.length ? initial : [{}]).forEach(addLine);
  return {
    element,
    /** The lines as the API takes them; a line without a product is left out (the API names the empty order). */
    lines() {
      return [...rows.children].map(row => {
        const sku = row.querySelector('[data-line-part=sku]').value;
        if (!sku) return null;
        const options = {};
        row.querySelectorAll('[data-option]').forEach(c => { if (c.value) options[c.dataset.option] = c.value; });
        const quantity = row.querySelector('[data-line-part=quantity]').value;
        const discount = row.querySelector('[data-line-part=discountPercent]').value;
        return { sku, quantity: quantity === '' ? null : Number(quantity), options, discountPercent: discount === '' ? null : Number(discount) };
      }).filter(Boolean);
    },
    focus() { rows.querySelector('select')?.focus(); },
  };
}

/** The order's lines with the prices the API put on them, its total and where its discount stands. */
export function pricedLines(order) {
  const rows = (order.lines || []).map(l => [
    l.name || l.sku, String(l.quantity),
    Object.entries(l.options || {}).map(([k, v]) => `${words(k)}: ${words(v)}`).join('; ') || 'Standard',
    money(l.unitPrice), l.discountPercent ? percent(Number(l.discountPercent)) : '—', money(l.lineTotal)]);
  return h('div', null,
    table(['Product', 'Quantity', 'Options', 'Unit price', 'Discount', 'Line total'], rows, 'No lines.'),
    h('p', { class: 'total' }, h('strong', null, 'Total: '), h('output', { 'aria-label': 'Total' }, money(order.total))),
    discountState(order));
}

/** The discount's approval as the order tells it: waiting, approved or rejected. */
export function discountState(order) {
  if (order.pendingDiscount) {
    const d = order.pendingDiscount;
    return h('p', { class: 'notice warn', role: 'status' },
      `A discount of ${percent(Number(d.discountPercent))} waits for a sales manager’s approval (asked by ${d.requestedBy}, ${dateTime(d.requestedAt)}).`);
  }
  if (order.discountRejection) {
    const r = order.discountRejection;
    return h('p', { class: 'notice error', role: 'status' },
      `The discount of ${percent(Number(r.discountPercent))} was rejected by ${r.rejectedBy}${r.reason ? `: ${r.reason}` : ''}.`);
  }
  if (order.discountApprovedBy) {
    return h('p', { class: 'notice ok', role: 'status' }, `The discount was approved by ${order.discountApprovedBy}.`);
  }
  return null;
}

/**
 * One change of an order in words, as the order's history and the departments' inbox show it: a line's part by its
 * product code ("Quantity of TC-ORTHO-200: 2 → 3"), days as dates, amounts as numbers, constants as words.
 */
export function changeText(change) {
  const line = /^lines\[([^\]]+)\]\.(?:options\.)?(.+)$/.exec(change.field || '');
  const what = line ? `${words(line[2])} of ${line[1]}` : words(change.field || '');
  return `${what}: ${changeValue(change.before)} → ${changeValue(change.after)}`;
}

function changeValue(value) {
  if (value === null || value === undefined || value === '' || value === 'null') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if (/^-?\d+(\.\d+)?$/.test(value)) return number(Number(value));
  return words(value);
}
