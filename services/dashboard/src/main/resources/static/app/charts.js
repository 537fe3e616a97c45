// Hand-made SVG charts: a few dozen rectangles need no chart library. Every bar carries its numbers in a
// <title> (shown on hover, read by screen readers), every chart has its data table, and bars that lead
// somewhere are links (keyboard-focusable).
import { h, s } from './dom.js';
import { t, number, statusLabel, STATUSES } from './i18n.js';

const WIDTH = 760;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 56;
const ROW = 26;
const BAR = 18;

function figure(title, id, svg, table) {
  return h('figure', { class: 'chart', id, 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption` }, title),
    svg,
    h('details', { class: 'chart-data' }, h('summary', {}, t('chart.data')), table));
}

function frame(rows, description) {
  const height = Math.max(1, rows) * ROW + 4;
  return s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'group', 'aria-label': description,
    preserveAspectRatio: 'xMinYMin meet', class: 'chart-svg' });
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': t('status') },
    STATUSES.map(status => h('li', {}, h('span', { class: `swatch status-${status}`, 'aria-hidden': 'true' }), statusLabel(status))));
}

/**
 * Commitments per group, stacked by status. rows: [{key, label, byStatus, total, href}].
 */
export function stackedBars(id, title, rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, title, ': ', t('chart.empty'));
  const max = Math.max(...rows.map(r => r.total), 1);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
  const svg = frame(rows.length, title);
  rows.forEach((row, index) => {
    const y = index * ROW + 4;
    const parts = STATUSES.filter(status => row.byStatus[status]);
    const description = `${row.label}: ${number(row.total)} — `
      + parts.map(status => `${statusLabel(status)} ${number(row.byStatus[status])}`).join(', ');
    const group = s(row.href ? 'a' : 'g', { class: 'bar-row', href: row.href, 'aria-label': description,
      'data-key': row.key, 'data-total': row.total });
    group.append(s('text', { x: LABEL_WIDTH - 8, y: y + BAR - 4, 'text-anchor': 'end', class: 'bar-label' }, row.label));
    let x = LABEL_WIDTH;
    for (const status of parts) {
      const count = row.byStatus[status];
      const width = count * scale;
      group.append(s('rect', { x, y, width: Math.max(width, 1), height: BAR, class: `segment status-${status}`,
        'data-status': status, 'data-count': count },
        s('title', {}, `${row.label} · ${statusLabel(status)}: ${number(count)} / ${number(row.total)}`)));
      x += width;
    }
    group.append(s('text', { x: x + 6, y: y + BAR - 4, class: 'bar-value' }, number(row.total)));
    group.append(s('title', {}, description));
    svg.append(group);
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, title), STATUSES.map(st => h('th', { scope: 'col' }, statusLabel(st))),
      h('th', { scope: 'col' }, t('total')))),
    h('tbody', {}, rows.map(row => h('tr', {}, h('th', { scope: 'row' }, row.label),
      STATUSES.map(st => h('td', { class: 'number' }, number(row.byStatus[st] || 0))), h('td', { class: 'number' }, number(row.total))))));
  return figure(title, id, svg, table);
}

/**
 * Mean compliance per group on the G7/G20 scale: −1 (none) … 0 (partial) … +1 (full).
 * rows: [{key, label, compliance, assessed, total}].
 */
export function complianceBars(id, title, rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, title, ': ', t('chart.empty'));
  const svg = frame(rows.length + 1, title);
  const half = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2;
  const zero = LABEL_WIDTH + half;
  rows.forEach((row, index) => {
    const y = index * ROW + 4;
    const scoreText = row.compliance === null ? t('notAssessed') : number(row.compliance, 2);
    const description = `${row.label}: ${t('compliance')} ${scoreText} (${t('assessed')} ${number(row.assessed)} / ${number(row.total)})`;
    const group = s('g', { class: 'bar-row', 'data-key': row.key, 'aria-label': description, role: 'img' });
    group.append(s('text', { x: LABEL_WIDTH - 8, y: y + BAR - 4, 'text-anchor': 'end', class: 'bar-label' }, row.label));
    if (row.compliance !== null) {
      const width = Math.abs(row.compliance) * half;
      const tone = row.compliance > 0 ? 'positive' : row.compliance < 0 ? 'negative' : 'neutral';
      group.append(s('rect', { x: row.compliance >= 0 ? zero : zero - width, y, width: Math.max(width, 2), height: BAR,
        class: `compliance ${tone}` }, s('title', {}, description)));
    }
    group.append(s('text', { x: WIDTH - VALUE_WIDTH + 6, y: y + BAR - 4, class: 'bar-value' }, scoreText));
    group.append(s('title', {}, description));
    svg.append(group);
  });
  const axisY = rows.length * ROW + 4;
  svg.append(s('line', { x1: zero, x2: zero, y1: 0, y2: axisY, class: 'axis' }));
  for (const [value, x] of [[-1, LABEL_WIDTH], [0, zero], [1, LABEL_WIDTH + 2 * half]]) {
    svg.append(s('text', { x, y: axisY + 16, 'text-anchor': 'middle', class: 'axis-label' }, number(value)));
  }
  const table = h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, title), h('th', { scope: 'col' }, t('score')),
      h('th', { scope: 'col' }, t('assessed')), h('th', { scope: 'col' }, t('total')))),
    h('tbody', {}, rows.map(row => h('tr', {}, h('th', { scope: 'row' }, row.label),
      h('td', { class: 'number' }, row.compliance === null ? t('notAssessed') : number(row.compliance, 2)),
      h('td', { class: 'number' }, number(row.assessed)), h('td', { class: 'number' }, number(row.total))))));
  return figure(title, id, svg, table);
}
