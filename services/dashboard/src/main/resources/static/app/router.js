// The router: #/<view>[/<id>][?filters]. Each view builds its page off-screen and returns it; only the page
// of the latest navigation is shown (a slow answer never replaces a newer page). Importing it does nothing:
// main.js, the entry point, calls render() on start and on every hashchange.
import { h } from './dom.js';
import { t, language } from './i18n.js';
import { errorMessage } from './errors.js';
import { navigate } from './navigation.js';
import { caller, signOut, hasRole, readsCommitments } from './session.js';

const VIEWS = {
  overview: () => import('./views/overview.js'),
  deadlines: () => import('./views/deadlines.js'),
  commitments: () => import('./views/commitments.js'),
  commitment: () => import('./views/commitment.js'),
  communique: () => import('./views/communique.js'),
  report: () => import('./views/report.js'),
  subscriptions: () => import('./views/subscriptions.js'),
  signin: () => import('./views/signin.js'),
};

let generation = 0;
let firstRender = true;

function route() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const [path, search = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  return { name: name || '', id: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(search) };
}

function defaultView() {
  if (!caller()) return 'signin';
  if (readsCommitments()) return 'overview';
  return hasRole('subscriber') ? 'subscriptions' : 'signin';
}

function renderChrome(current) {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('brand').textContent = t('brand');
  document.getElementById('skip-link').textContent = t('skip');
  const toggle = document.getElementById('language-toggle');
  // The button names the other language in that language (lang set), its tooltip says what it does.
  toggle.textContent = t('switchLanguage');
  toggle.lang = language() === 'zh' ? 'en' : 'zh-CN';
  toggle.title = t('switchLanguageName');
  const links = [];
  if (readsCommitments()) links.push('overview', 'deadlines', 'commitments');
  if (hasRole('subscriber')) links.push('subscriptions');
  if (!caller()) links.push('signin');
  document.getElementById('nav').replaceChildren(h('ul', {}, links.map(name => h('li', {},
    h('a', { href: `#/${name}`, 'aria-current': name === current ? 'page' : null }, t(`nav.${name}`))))));
  const who = caller();
  document.getElementById('session').replaceChildren(...(who ? [
    h('a', { href: '#/signin', class: 'who' }, t('signedInAs', { subject: who.subject, roles: who.roles.join(', ') })),
    h('button', { type: 'button', class: 'secondary', onclick: async () => { if (!await signOut()) navigate('#/signin'); } }, t('signOut')),
  ] : []));
}

export async function render() {
  const mine = ++generation;
  const current = route();
  const name = VIEWS[current.name] ? current.name : defaultView();
  const main = document.getElementById('main');
  renderChrome(name);
  main.setAttribute('aria-busy', 'true');
  main.dataset.view = name;
  delete main.dataset.ready;
  let page;
  try {
    const view = await VIEWS[name]();
    page = await view.render(current);
  } catch (error) {
    console.error(error);
    page = errorMessage(error);
  }
  if (mine !== generation) return;
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = name; // the browser tests wait for this
  const heading = main.querySelector('h1');
  // After a navigation, focus moves to the new page's heading (screen readers announce it); not on load.
  if (heading && !firstRender) heading.focus({ preventScroll: true });
  firstRender = false;
  if (name === 'overview' && !window.__overviewRenderedMs) {
    // Time from navigation start to the first complete overview: docs/performance.md, "Dashboard".
    window.__overviewRenderedMs = Math.round(performance.now());
    main.dataset.firstRenderMs = String(window.__overviewRenderedMs);
  }
  document.dispatchEvent(new CustomEvent('view-rendered', { detail: { name, page } }));
}
