// Charts drawn as inline SVG from the figures the API answered: bars (each row against its own largest figure),
// a funnel and stacked columns. Each chart is a <figure> with a text title, an SVG whose aria-label reads out its
// figures, and a table of the same figures (the chart is for the eye, the table for everyone).
import { h, table } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0b5cad', '#7fb0df', '#1b6e3a', '#f0a500'];

// Presentation lives in the attributes, so the charts need nothing from the stylesheet.
const TEXT = { 'chart-label': { 'font-size': 13, fill: '#1d2630' }, 'chart-value': { 'font-size': 12, fill: '#5a6672' } };

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  if (attrs && TEXT[attrs.class]) attrs = { ...TEXT[attrs.class], ...attrs };
  for (const [key, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child !== null && child !== undefined) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

function svg(width, height, label) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', style: `max-width:${width}px`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet', class: 'chart' });
}

function legend(series) {
  return h('ul', { class: 'legend', 'aria-hidden': 'true', style: 'display:flex;gap:1rem;list-style:none;padding:0;margin:.25rem 0' },
    series.map((name, i) => h('li', null,
      h('span', { style: `display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:middle;background:${COLOURS[i % COLOURS.length]}` }), name)));
}

/**
 * A figure: title, chart, table. `rows` are {label, cells: [text...]} for the table under `headers`;
 * `spoken` is the chart's aria-label (its figures in a sentence).
 */
function figure(title, chart, spoken, headers, rows, emptyText) {
  chart.setAttribute('aria-label', `${title}: ${spoken}`);
  return h('figure', { class: 'chart-figure', style: 'margin:0 0 1rem' },
    h('figcaption', { style: 'font-weight:600;margin-bottom:.25rem' }, title),
    chart,
    table(headers, rows, emptyText || 'No figures.', `${title} (figures)`));
}

/**
 * Pairs of bars, one pair per row (e.g. target and actual of a metric), each row scaled to its own largest value.
 * rows: [{label, values: [number, number], shown: [text, text], cells: [...]}]; series: ['Target', 'Actual'].
 */
export function pairedBars(title, series, rows, headers) {
  const rowHeight = 54;
  const width = 640;
  const labelWidth = 170;
  const chart = svg(width, rows.length * rowHeight + 8, title);
  rows.forEach((row, r) => {
    const top = r * rowHeight + 4;
    const max = Math.max(...row.values.map(v => Number(v) || 0), 1);
    chart.append(s('text', { x: 0, y: top + 26, class: 'chart-label' }, row.label));
    row.values.forEach((value, i) => {
      const length = Math.max(0, (Number(value) || 0) / max) * (width - labelWidth - 150);
      const y = top + i * 22;
      chart.append(s('rect', { x: labelWidth, y, width: Math.max(length, 1), height: 18, fill: COLOURS[i], rx: 2 }));
      chart.append(s('text', { x: labelWidth + length + 6, y: y + 14, class: 'chart-value' }, `${series[i]}: ${row.shown[i]}`));
    });
  });
  const spoken = rows.map(row => `${row.label}, ${series.map((name, i) => `${name.toLowerCase()} ${row.shown[i]}`).join(', ')}`).join('; ');
  const fig = figure(title, chart, spoken, headers, rows.map(row => row.cells));
  fig.insertBefore(legend(series), fig.children[1]);
  return fig;
}

/** A funnel: one centred bar per stage, as wide as its share of the first stage. stages: [{label, value, shown, cells}]. */
export function funnel(title, stages, headers) {
  const width = 640;
  const rowHeight = 40;
  const chart = svg(width, stages.length * rowHeight + 4, title);
  const first = Math.max(Number(stages[0]?.value) || 0, 1);
  stages.forEach((stage, i) => {
    const share = (Number(stage.value) || 0) / first;
    const barWidth = Math.max(share * (width - 260), 2);
    const x = 130 + (width - 260 - barWidth) / 2;
    const y = i * rowHeight + 2;
    chart.append(s('rect', { x, y, width: barWidth, height: rowHeight - 8, fill: COLOURS[0], opacity: 1 - i * 0.18, rx: 3 }));
    chart.append(s('text', { x: 0, y: y + 21, class: 'chart-label' }, stage.label));
    chart.append(s('text', { x: width - 120, y: y + 21, class: 'chart-value' }, stage.shown));
  });
  const spoken = stages.map(stage => `${stage.label} ${stage.shown}`).join(', ');
  return figure(title, chart, spoken, headers, stages.map(stage => stage.cells));
}

/**
 * Stacked columns, one per period (e.g. the forecast's months). columns: [{label, values: [..per series], cells}];
 * format(n) writes a value as the reader reads it.
 */
export function stackedColumns(title, series, columns, headers, format, emptyText) {
  if (!columns.length) {
    return h('figure', { class: 'chart-figure' }, h('figcaption', null, title), h('p', { class: 'state empty' }, emptyText));
  }
  const width = 640;
  const height = 220;
  const bottom = 30;
  const chart = svg(width, height, title);
  const max = Math.max(...columns.map(c => c.values.reduce((a, v) => a + (Number(v) || 0), 0)), 1);
  const slot = (width - 20) / columns.length;
  const barWidth = Math.min(60, slot * 0.7);
  columns.forEach((column, i) => {
    let y = height - bottom;
    const x = 10 + i * slot + (slot - barWidth) / 2;
    column.values.forEach((value, k) => {
      const barHeight = ((Number(value) || 0) / max) * (height - bottom - 24);
      y -= barHeight;
      if (barHeight > 0) chart.append(s('rect', { x, y, width: barWidth, height: barHeight, fill: COLOURS[k % COLOURS.length] }));
    });
    const total = column.values.reduce((a, v) => a + (Number(v) || 0), 0);
    chart.append(s('text', { x: x + barWidth / 2, y: y - 6, 'text-anchor': 'middle', class: 'chart-value' }, format(total)));
    chart.append(s('text', { x: x + barWidth / 2, y: height - 10, 'text-anchor': 'middle', class: 'chart-label' }, column.label));
  });
  const spoken = columns.map(c => `${c.label}: ${series.map((name, k) => `${name.toLowerCase()} ${format(c.values[k])}`).join(', ')}`).join('; ');
  const fig = figure(title, chart, spoken, headers, columns.map(c => c.cells));
  fig.insertBefore(legend(series), fig.children[1]);
  return fig;
}
