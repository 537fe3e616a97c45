// Interface labels in English and Chinese. Commitment texts, notes and names are shown as written.
const LABELS = {
  en: {
    brand: 'Commitment Tracker', skip: 'Skip to content', switchLanguage: '中文', switchLanguageName: 'Switch to Chinese',
    'nav.overview': 'Overview', 'nav.deadlines': 'Deadlines', 'nav.commitments': 'Commitments',
    'nav.subscriptions': 'Subscriptions', 'nav.signin': 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as {subject} ({roles})',
    'signin.title': 'Sign in', 'signin.token': 'Bearer token', 'signin.help': 'Paste an access token from your identity provider. Locally: ./dev token --role reader (or operator, agency --agency ID, subscriber). It is kept in this browser tab only.',
    'signin.submit': 'Sign in', 'signin.invalid': 'That is not a JWT (three base64url parts separated by dots).', 'signin.expired': 'Your token was refused or has expired: sign in again.',
    'signin.current': 'Signed in as {subject}; roles: {roles}; agency: {agency}; expires {expires}.',
    'signin.provider': 'Sign in with your organisation\'s account', 'signin.advanced': 'Advanced: paste a bearer token (API users)',
    'signin.failed': 'Sign-in did not complete ({reason}): try again.',
    'overview.title': 'Overview', document: 'Document', allDocuments: 'All documents', viewSource: 'Source text with highlights',
    commitmentsCount: '{count} commitments', kinds: '{bullet} bullets · {narrative} narrative', kindsOther: '{count} other',
    compliance: 'Compliance', complianceOverall: 'Mean compliance {score} ({assessed} assessed)', notAssessed: 'not assessed',
    'chart.bySection': 'Commitments by section and status', 'chart.byTopic': 'Commitments by topic and status',
    'chart.complianceBySection': 'Compliance by section', 'chart.complianceByParty': 'Compliance by party',
    'chart.complianceByAgency': 'Compliance by agency', 'chart.data': 'Numbers behind the chart', 'chart.empty': 'Nothing to show.',
    section: 'Section', sectionN: 'Section {n}', noSection: 'No section', topic: 'Topic', party: 'Party', agency: 'Agency',
    total: 'Total', assessed: 'Assessed', score: 'Score',
    'deadlines.title': 'Deadlines', 'deadlines.overdue': 'Overdue', 'deadlines.soon': 'Due in 30 days', 'deadlines.past': 'Past (closed)',
    'deadlines.upcoming': 'Later', 'deadlines.none': 'No milestones.', 'deadlines.calendar': 'Milestones per month',
    milestone: 'Milestone', milestones: 'Milestones',
    'commitments.title': 'Commitments', filter: 'Filter', reset: 'Reset', status: 'Status', anyStatus: 'Any status',
    organisation: 'Organisation', dueAfter: 'Due after', dueBefore: 'Due before', text: 'Text contains', sort: 'Sort',
    'sort.document': 'Document order', 'sort.due': 'Due soonest', 'sort.most-overdue': 'Most overdue', 'sort.updated': 'Recently updated',
    exportCsv: 'Export CSV', previous: 'Previous', next: 'Next', pageOf: 'Page {page} of {pages}', resultCount: '{count} commitments match',
    commitment: 'Commitment', due: 'Due', agencies: 'Agencies', overdueDays: '{days} days overdue',
    'commitment.title': 'Commitment {label}', kind: 'Kind', percentComplete: 'Complete', parties: 'Parties', instruments: 'Instruments',
    organisations: 'Organisations', topics: 'Topics', evidence: 'Evidence', history: 'Status history', when: 'When', what: 'What',
    actor: 'Actor', cause: 'Note', completedLate: 'completed late', none: '—', openSource: 'See it in the communiqué',
    'progress.title': 'Report progress', 'progress.note': 'Note', 'progress.percent': 'Percent complete', 'progress.evidence': 'Evidence URLs (one per line)',
    'progress.submit': 'Report progress', 'progress.keepStatus': 'Keep the status', 'progress.done': 'Progress recorded: {status}.',
    'assign.title': 'Assign agencies', 'assign.submit': 'Save assignment', 'assign.done': 'Agencies saved.', 'assign.noAgencies': 'The agency directory is empty.',
    'communique.title': 'Communiqué', 'communique.marked': '{marked} of {total} extracted commitments marked in the text',
    'communique.unmarked': 'Not found in the text:', published: 'Published', language: 'Language',
    'communique.renewed': 'renews {count} earlier, first pledged {first}', 'communique.renewedLegend': 'renewed pledge',
    'overview.renewed': '{count} renewed pledges (renewing one of an earlier communiqué)',
    'chart.renewedBySection': 'Renewed pledges by section', 'chart.renewedByParty': 'Renewed pledges by party',
    'subscriptions.title': 'Subscriptions', 'subscriptions.only': 'Subscriptions belong to subscriber tokens.', name: 'Name', webhookUrl: 'Webhook URL',
    keyword: 'Keyword', sections: 'Sections (comma-separated)', statuses: 'Statuses', create: 'Create subscription',
    events: 'Alerts for', 'events.hint': 'None ticked: every status change and deadline, not renewed pledges.',
    'event.status.changed': 'Status changes', 'event.deadline.approaching': 'Deadlines approaching',
    'event.deadline.missed': 'Deadlines missed', 'event.renewed.without-progress': 'Pledges renewed without progress',
    enabled: 'Enabled', disabled: 'Disabled', enable: 'Enable', disable: 'Disable', remove: 'Delete', confirmRemove: 'Delete the subscription "{name}"? Its deliveries stop.', alerts: 'Alerts',
    secretOnce: 'Signing secret (shown once): {secret}', 'subscriptions.none': 'No subscriptions yet.',
    deliveries: 'Delivery log', state: 'State', attempts: 'Attempts', lastError: 'Last error', replay: 'Replay', created: 'Created',
    type: 'Type', 'deliveries.none': 'No deliveries in this state.', saved: 'Saved.',
    loading: 'Loading…', error: 'Something went wrong: {message}', forbidden: 'Your token does not allow this ({message}).',
    notFound: 'Not found.', needsSignIn: 'Sign in to see the dashboard.',
    'status.PLEDGED': 'Pledged', 'status.IN_PROGRESS': 'In progress', 'status.STALLED': 'Stalled', 'status.OVERDUE': 'Overdue',
    'status.COMPLETED': 'Completed', 'status.CANCELLED': 'Cancelled', 'status.SUPERSEDED': 'Superseded', 'status.WITHDRAWN': 'Withdrawn',
    'state.pending': 'Pending', 'state.sending': 'Sending', 'state.delivered': 'Delivered', 'state.dead': 'Dead',
    'kind.bullet': 'bullet', 'kind.narrative': 'narrative', 'kind.manual': 'added by hand',
    'report.title': 'Compliance report', 'report.period': 'Compliance period', 'report.noPeriod': 'none (the communiqué has no date and no period was set)',
    'report.periodDates': '{start} – {final} (interim {interim})', 'report.assessment': 'Assessment', 'report.asOf': 'Statuses as of',
    'report.at.interim': 'Interim', 'report.at.final': 'Final', 'report.at.today': 'Today (provisional)', 'report.download': 'Download HTML', 'report.downloadPdf': 'Download PDF',
    'report.notYet': 'Not yet assessed: the assessment on {date} is still to come. Statuses are today\'s.', 'report.commitments': 'Every commitment',
    'report.agencyReports': 'Agency reports', 'report.supersededBy': 'Superseded by', 'report.open': 'Compliance report',
    'milestone.met': 'met', 'milestone.missed': 'missed', 'milestone.open': 'open',
    notYetAssessed: 'Not yet assessed: interim assessment on {date}',
    'lineage.title': 'Lineage', 'lineage.none': 'No earlier or later pledge linked.', 'lineage.this': 'This pledge',
    'lineage.undated': 'undated', 'lineage.pledgeOf': 'Pledge in {document}', 'lineage.earlier': 'this pledge {relation} it',
    'lineage.later': '{relation} this pledge', 'lineage.similarity': 'similarity {value}',
    'relation.repeats': 'repeats', 'relation.renews': 'renews', 'relation.fulfils': 'fulfils',
  },
  zh: {
    brand: '承诺追踪', skip: '跳到正文', switchLanguage: 'English', switchLanguageName: '切换到英文',
    'nav.overview': '总览', 'nav.deadlines': '时间节点', 'nav.commitments': '承诺列表',
    'nav.subscriptions': '订阅', 'nav.signin': '登录', signOut: '退出', signedInAs: '当前用户 {subject}（{roles}）',
    'signin.title': '登录', 'signin.token': '访问令牌（Bearer）', 'signin.help': '粘贴身份提供方签发的访问令牌。本地环境：./dev token --role reader（或 operator、agency --agency ID、subscriber）。令牌只保存在当前浏览器标签页。',
    'signin.submit': '登录', 'signin.invalid': '这不是 JWT（应为以点分隔的三段 base64url）。', 'signin.expired': '令牌被拒绝或已过期，请重新登录。',
    'signin.current': '当前用户 {subject}；角色：{roles}；机构：{agency}；有效期至 {expires}。',
    'signin.provider': '使用所在机构的账户登录', 'signin.advanced': '高级：粘贴访问令牌（API 用户）',
    'signin.failed': '登录未完成（{reason}），请重试。',
    'overview.title': '总览', document: '文件', allDocuments: '全部文件', viewSource: '原文与标注',
    commitmentsCount: '共 {count} 项承诺', kinds: '条目式 {bullet} 项 · 叙述式 {narrative} 项', kindsOther: '其他 {count} 项',
    compliance: '履约度', complianceOverall: '平均履约度 {score}（已评估 {assessed} 项）', notAssessed: '未评估',
    'chart.bySection': '各部分承诺的状态分布', 'chart.byTopic': '各议题承诺的状态分布',
    'chart.complianceBySection': '各部分履约度', 'chart.complianceByParty': '各方履约度',
    'chart.complianceByAgency': '各机构履约度', 'chart.data': '图表数据', 'chart.empty': '暂无数据。',
    section: '部分', sectionN: '第 {n} 部分', noSection: '未分部分', topic: '议题', party: '当事方', agency: '机构',
    total: '合计', assessed: '已评估', score: '得分',
    'deadlines.title': '时间节点', 'deadlines.overdue': '已逾期', 'deadlines.soon': '30 天内到期', 'deadlines.past': '已过去（已结束）',
    'deadlines.upcoming': '以后', 'deadlines.none': '没有时间节点。', 'deadlines.calendar': '每月时间节点',
    milestone: '时间节点', milestones: '时间节点',
    'commitments.title': '承诺列表', filter: '筛选', reset: '重置', status: '状态', anyStatus: '任意状态',
    organisation: '组织', dueAfter: '到期不早于', dueBefore: '到期不晚于', text: '文本包含', sort: '排序',
    'sort.document': '按文件顺序', 'sort.due': '最先到期', 'sort.most-overdue': '逾期最久', 'sort.updated': '最近更新',
    exportCsv: '导出 CSV', previous: '上一页', next: '下一页', pageOf: '第 {page} 页，共 {pages} 页', resultCount: '符合条件的承诺 {count} 项',
    commitment: '承诺', due: '到期', agencies: '负责机构', overdueDays: '逾期 {days} 天',
    'commitment.title': '承诺 {label}', kind: '类型', percentComplete: '完成度', parties: '当事方', instruments: '文件',
    organisations: '组织', topics: '议题', evidence: '证明材料', history: '状态历史', when: '时间', what: '事项',
    actor: '操作者', cause: '说明', completedLate: '逾期完成', none: '—', openSource: '在公报原文中查看',
    'progress.title': '报告进展', 'progress.note': '说明', 'progress.percent': '完成百分比', 'progress.evidence': '证明材料链接（每行一个）',
    'progress.submit': '提交进展', 'progress.keepStatus': '保持状态', 'progress.done': '进展已记录：{status}。',
    'assign.title': '指派机构', 'assign.submit': '保存指派', 'assign.done': '已保存指派。', 'assign.noAgencies': '机构目录为空。',
    'communique.title': '公报', 'communique.marked': '已在原文中标出 {marked} / {total} 项提取的承诺',
    'communique.unmarked': '原文中未找到：', published: '发布日期', language: '语言',
    'communique.renewed': '延续 {count} 项早先承诺，首次承诺于 {first}', 'communique.renewedLegend': '延续的承诺',
    'overview.renewed': '{count} 项延续的承诺（延续早先公报中的承诺）',
    'chart.renewedBySection': '按部分统计的延续承诺', 'chart.renewedByParty': '按当事方统计的延续承诺',
    'subscriptions.title': '订阅', 'subscriptions.only': '订阅属于订阅者令牌。', name: '名称', webhookUrl: 'Webhook 地址',
    keyword: '关键词', sections: '部分（逗号分隔）', statuses: '状态', create: '新建订阅',
    events: '提醒类型', 'events.hint': '不勾选：所有状态变化和时间节点提醒（不含延续承诺）。',
    'event.status.changed': '状态变化', 'event.deadline.approaching': '时间节点临近',
    'event.deadline.missed': '时间节点已错过', 'event.renewed.without-progress': '无进展而再次承诺',
    enabled: '已启用', disabled: '已停用', enable: '启用', disable: '停用', remove: '删除', confirmRemove: '删除订阅“{name}”？其投递将停止。', alerts: '提醒',
    secretOnce: '签名密钥（仅显示一次）：{secret}', 'subscriptions.none': '还没有订阅。',
    deliveries: '投递记录', state: '状态', attempts: '尝试次数', lastError: '最近错误', replay: '重新投递', created: '创建时间',
    type: '类型', 'deliveries.none': '此状态下没有投递。', saved: '已保存。',
    loading: '加载中…', error: '出错了：{message}', forbidden: '当前令牌无权执行此操作（{message}）。',
    notFound: '未找到。', needsSignIn: '请先登录。',
    'status.PLEDGED': '已承诺', 'status.IN_PROGRESS': '进行中', 'status.STALLED': '停滞', 'status.OVERDUE': '已逾期',
    'status.COMPLETED': '已完成', 'status.CANCELLED': '已取消', 'status.SUPERSEDED': '已被取代', 'status.WITHDRAWN': '已撤回',
    'state.pending': '待投递', 'state.sending': '投递中', 'state.delivered': '已投递', 'state.dead': '失败',
    'kind.bullet': '条目式', 'kind.narrative': '叙述式', 'kind.manual': '手工添加',
    'report.title': '履约报告', 'report.period': '履约评估期', 'report.noPeriod': '无（公报没有日期，也未设定评估期）',
    'report.periodDates': '{start} – {final}（中期 {interim}）', 'report.assessment': '评估', 'report.asOf': '状态截至',
    'report.at.interim': '中期评估', 'report.at.final': '最终评估', 'report.at.today': '当前（暂定）', 'report.download': '下载 HTML', 'report.downloadPdf': '下载 PDF',
    'report.notYet': '尚未评估：{date} 的评估尚未到来。所示为当前状态。', 'report.commitments': '全部承诺',
    'report.agencyReports': '机构报告', 'report.supersededBy': '取代者', 'report.open': '履约报告',
    'milestone.met': '已达成', 'milestone.missed': '未达成', 'milestone.open': '未到期',
    notYetAssessed: '尚未评估：中期评估日为 {date}',
    'lineage.title': '承诺沿革', 'lineage.none': '没有关联的早先或后续承诺。', 'lineage.this': '本承诺',
    'lineage.undated': '无日期', 'lineage.pledgeOf': '{document} 中的承诺', 'lineage.earlier': '本承诺{relation}该承诺',
    'lineage.later': '{relation}本承诺', 'lineage.similarity': '相似度 {value}',
    'relation.repeats': '重申', 'relation.renews': '延续', 'relation.fulfils': '落实',
  },
};

const KEY = 'tracker.dashboard.language';
let current = localStorage.getItem(KEY) || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en');
if (!LABELS[current]) current = 'en';

export function language() {
  return current;
}

export function setLanguage(value) {
  current = LABELS[value] ? value : 'en';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, vars = {}) {
  const template = LABELS[current][key] ?? LABELS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

export function statusLabel(status) {
  return t(`status.${status}`);
}

export function number(value, digits = 0) {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
}

export const STATUSES = ['PLEDGED', 'IN_PROGRESS', 'STALLED', 'OVERDUE', 'COMPLETED', 'CANCELLED', 'SUPERSEDED', 'WITHDRAWN'];
