// A communiqué's compliance report, as the registry computes it (GET /api/communiques/{id}/report): the numbers,
// charts and every commitment as it stood on the assessment date. The same report as a self-contained HTML page
// or a PDF (to print or hand on) is downloaded with the token.
import { h, safeUrl, languageOf } from '../dom.js';
import { t, number, statusLabel, language, STATUSES } from '../i18n.js';
import { api, download, query } from '../api.js';
import { complianceBars, stackedBars, legend } from '../charts.js';

const ASSESSMENTS = ['interim', 'final', 'today'];

function sectionLabel(key) {
  return key === 'none' ? t('noSection') : t('sectionN', { n: key });
}

function rows(groups, label, sections) {
  return Object.entries(groups || {})
    .sort(([a], [b]) => (sections ? (a === 'none' ? 1 : b === 'none' ? -1 : Number(a) - Number(b)) : a.localeCompare(b)))
    .map(([key, group]) => ({ key, label: label(key), byStatus: group.byStatus, total: group.total,
      assessed: group.assessed, compliance: group.compliance ?? null, href: null }));
}

function score(value) {
  return value === null || value === undefined ? t('notAssessed') : number(value, 2);
}

function links(urls) {
  return urls.map(url => {
    const safe = safeUrl(url);
    return h('li', {}, safe ? h('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' }, url) : url);
  });
}

function commitment(item) {
  const facts = [
    [t('status'), h('span', { class: `badge status-${item.status}`, 'data-status': item.status }, statusLabel(item.status))],
    [t('score'), h('span', { class: 'score' }, item.score === null ? t('notAssessed') : number(item.score))],
    [t('percentComplete'), item.percentComplete === null ? t('none') : `${number(item.percentComplete)} %`],
    [t('agencies'), item.agencies.length ? item.agencies.join(', ') : t('none')],
  ];
  if (item.milestones && item.milestones.length) {
    facts.push([t('milestones'), h('ul', {}, item.milestones.map(m => h('li', { 'data-state': m.state },
      h('time', { datetime: m.dueDate }, m.dueDate), ' — ', h('span', { lang: languageOf(m.text) }, m.text), ` (${t(`milestone.${m.state}`)})`)))]);
  }
  if (item.supersededBy) facts.push([t('report.supersededBy'), h('a', { href: `#/commitment/${encodeURIComponent(item.supersededBy)}` }, item.supersededBy)]);
  if (item.evidenceUrls.length) facts.push([t('evidence'), h('ul', { class: 'evidence' }, links(item.evidenceUrls))]);
  return h('article', { class: 'report-commitment', 'data-id': item.id, 'data-status': item.status },
    h('h3', {}, h('a', { href: `#/commitment/${encodeURIComponent(item.id)}` },
      item.section === null || item.section === undefined ? t('noSection') : t('sectionN', { n: item.section }), ` · #${item.ordinal}`)),
    h('blockquote', { class: 'commitment-text', lang: languageOf(item.text) }, item.text),
    h('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    item.reports.length ? h('div', {}, h('h4', {}, t('report.agencyReports')), h('ul', { class: 'reports' }, item.reports.map(r =>
      h('li', {}, h('time', { datetime: r.at }, r.at.slice(0, 10)), ` · ${r.agencyId} · ${statusLabel(r.status)}`,
        r.percentComplete === null || r.percentComplete === undefined ? '' : ` · ${number(r.percentComplete)} %`,
        r.note ? [': ', h('span', { lang: languageOf(r.note) }, r.note)] : '',
        r.evidenceUrls.length ? h('ul', { class: 'evidence' }, links(r.evidenceUrls)) : '')))) : null);
}

export async function render({ id, params }) {
  const at = ASSESSMENTS.includes(params.get('at')) ? params.get('at') : undefined;
  const path = `/communiques/${encodeURIComponent(id)}/report`;
  const report = await api('registry', path + query({ at }));
  document.title = `${t('report.title')} · ${t('brand')}`;
  const summary = report.summary;
  const period = report.period;
  return h('section', { class: 'report', 'data-document-id': report.documentId },
    h('h1', { tabindex: '-1' }, t('report.title')),
    h('p', { class: 'report-document' }, h('a', { href: `#/communique/${encodeURIComponent(report.documentId)}` },
      report.documentTitle || report.documentId), report.documentDate ? ` (${report.documentDate})` : ''),
    h('dl', { class: 'facts' },
      h('dt', {}, t('report.period')), h('dd', { id: 'report-period' }, period
        ? t('report.periodDates', { start: period.start, interim: period.interim, final: period.final }) : t('report.noPeriod')),
      h('dt', {}, t('report.assessment')), h('dd', { id: 'report-assessment', 'data-at': report.at },
        t(`report.at.${report.at}`), ' · ', h('time', { datetime: report.assessmentDate }, report.assessmentDate)),
      h('dt', {}, t('report.asOf')), h('dd', {}, h('time', { datetime: report.asOf }, report.asOf))),
    h('nav', { class: 'toolbar', 'aria-label': t('report.assessment') },
      ASSESSMENTS.map(name => h('a', { href: `#/report/${encodeURIComponent(id)}?at=${name}`,
        'aria-current': name === report.at ? 'page' : null }, t(`report.at.${name}`))),
      h('button', { type: 'button', class: 'secondary', id: 'report-download',
        onclick: () => download('registry', path + query({ at: report.at, format: 'html', lang: language() }),
          `report-${report.documentId}-${report.at}.html`, 'text/html') }, t('report.download')),
      h('button', { type: 'button', class: 'secondary', id: 'report-download-pdf',
        onclick: () => download('registry', path + query({ at: report.at, format: 'pdf', lang: language() }),
          `report-${report.documentId}-${report.at}.pdf`, 'application/pdf') }, t('report.downloadPdf'))),
    report.assessed ? null : h('p', { class: 'notice', id: 'report-not-assessed' }, t('report.notYet', { date: report.assessmentDate })),
    h('div', { class: 'headline' },
      h('p', { id: 'report-total', 'data-total': summary.total }, t('commitmentsCount', { count: number(summary.total) })),
      h('p', { id: 'report-compliance', 'data-assessed': summary.assessed, 'data-compliance': summary.compliance ?? '' },
        summary.compliance === null || summary.compliance === undefined ? t('notAssessed')
          : t('complianceOverall', { score: score(summary.compliance), assessed: number(summary.assessed) }))),
    h('table', { id: 'report-by-status' }, h('tbody', {}, STATUSES.filter(st => summary.byStatus[st]).map(st =>
      h('tr', { 'data-status': st }, h('th', { scope: 'row' }, statusLabel(st)), h('td', { class: 'number' }, number(summary.byStatus[st])))))),
    legend(),
    h('div', { class: 'charts' },
      stackedBars('report-chart-sections', t('chart.bySection'), rows(report.bySection, sectionLabel, true)),
      complianceBars('report-chart-compliance-sections', t('chart.complianceBySection'), rows(report.bySection, sectionLabel, true)),
      complianceBars('report-chart-compliance-agencies', t('chart.complianceByAgency'), rows(report.byAgency, k => k, false))),
    h('h2', {}, t('report.commitments')),
    h('div', { id: 'report-commitments' }, report.commitments.map(commitment)));
}
