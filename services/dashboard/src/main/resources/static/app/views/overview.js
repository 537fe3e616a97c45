// The progress board from the registry's summary (aggregates computed by the registry), so 1,000 commitments
// cost one small answer, not 1,000 records. Kinds (bullet/narrative) are not in the summary: they are
// counted from the list after the board is shown.
import { h } from '../dom.js';
import { t, number } from '../i18n.js';
import { api, allCommitments, query } from '../api.js';
import { stackedBars, complianceBars, legend } from '../charts.js';
import { communiques, documentPicker } from '../documents.js';
import { navigate } from '../navigation.js';

function sectionLabel(key) {
  return key === 'none' ? t('noSection') : t('sectionN', { n: key });
}

function byNumber(a, b) {
  if (a === 'none') return 1;
  if (b === 'none') return -1;
  return Number(a) - Number(b);
}

function rows(groups, label, filterName, documentId, order) {
  return Object.entries(groups).sort(([a], [b]) => (order ? order(a, b) : a.localeCompare(b)))
    .map(([key, group]) => ({
      key, label: label(key), byStatus: group.byStatus, total: group.total, assessed: group.assessed,
      compliance: group.compliance ?? null,
      href: filterName && !(filterName === 'section' && key === 'none')
        ? '#/commitments' + query({ documentId, [filterName]: key }) : null,
    }));
}

export async function render({ params }) {
  document.title = `${t('overview.title')} · ${t('brand')}`;
  const documentId = params.get('documentId') || '';
  // The board waits for the summary only; the document picker fills in when ingestion's list arrives.
  const documents = communiques().catch(() => []);
  // Renewed pledges (they renew at least one of an earlier communiqué): the same summary, filtered by the registry.
  const [summary, renewed] = await Promise.all([
    api('registry', '/commitments/summary' + query({ documentId })),
    api('registry', '/commitments/summary' + query({ documentId, minRenewals: 1 })),
  ]);
  const overall = summary.overall;
  const kinds = h('p', { id: 'kinds', class: 'kinds' }, '…');
  const pickerSlot = h('div', { class: 'picker-slot' });
  documents.then(list => pickerSlot.replaceChildren(
    documentPicker(list, documentId, id => navigate('#/overview' + query({ documentId: id }))) || ''));
  const page = h('section', { class: 'overview' },
    h('h1', { tabindex: '-1' }, t('overview.title')),
    h('div', { class: 'toolbar' }, pickerSlot,
      documentId ? h('a', { href: `#/communique/${encodeURIComponent(documentId)}`, id: 'view-source' }, t('viewSource')) : null,
      documentId ? h('a', { href: `#/report/${encodeURIComponent(documentId)}`, id: 'view-report' }, t('report.open')) : null),
    h('div', { class: 'headline' },
      h('p', { id: 'total', class: 'total', 'data-total': overall.total }, t('commitmentsCount', { count: number(overall.total) })),
      kinds,
      h('p', { id: 'compliance', 'data-assessed': overall.assessed }, complianceText(overall, summary.period)),
      h('p', { id: 'renewed', 'data-renewed': renewed.overall.total }, t('overview.renewed', { count: number(renewed.overall.total) }))),
    legend(),
    h('div', { class: 'charts' },
      stackedBars('chart-sections', t('chart.bySection'), rows(summary.bySection, sectionLabel, 'section', documentId, byNumber)),
      stackedBars('chart-topics', t('chart.byTopic'), rows(summary.byTopic, k => k, 'topic', documentId)),
      stackedBars('chart-renewed-sections', t('chart.renewedBySection'), rows(renewed.bySection, sectionLabel, null, documentId, byNumber)),
      stackedBars('chart-renewed-parties', t('chart.renewedByParty'), rows(renewed.byParty, k => k, null, documentId)),
      complianceBars('chart-compliance-sections', t('chart.complianceBySection'), rows(summary.bySection, sectionLabel, null, documentId, byNumber)),
      complianceBars('chart-compliance-parties', t('chart.complianceByParty'), rows(summary.byParty, k => k, null, documentId)),
      complianceBars('chart-compliance-agencies', t('chart.complianceByAgency'), rows(summary.byAgency, k => k, null, documentId))));
  countKinds(kinds, documentId, overall.total);
  return page;
}

// Compliance is scored at the latest assessment date that has ended (the registry decides); before the interim
// one, a communiqué's pledges are "not yet assessed", not −1.
function complianceText(overall, period) {
  if (overall.compliance !== null && overall.compliance !== undefined) {
    return t('complianceOverall', { score: number(overall.compliance, 2), assessed: number(overall.assessed) });
  }
  return period && period.interim && !period.inForce ? t('notYetAssessed', { date: period.interim }) : t('notAssessed');
}

async function countKinds(target, documentId, total) {
  if (total === 0) {
    target.textContent = t('kinds', { bullet: 0, narrative: 0 });
    return;
  }
  try {
    const items = await allCommitments({ documentId });
    const counts = {};
    for (const item of items) counts[item.facts.kind] = (counts[item.facts.kind] || 0) + 1;
    const other = items.length - (counts.bullet || 0) - (counts.narrative || 0);
    target.textContent = t('kinds', { bullet: number(counts.bullet || 0), narrative: number(counts.narrative || 0) })
      + (other ? ` · ${t('kindsOther', { count: number(other) })}` : '');
    target.dataset.bullet = counts.bullet || 0;
    target.dataset.narrative = counts.narrative || 0;
  } catch {
    target.textContent = '';
  }
}
