// The entry point: wires the page's controls and the hash to the router, then shows the first page.
import { language, setLanguage } from './i18n.js';
import { render } from './router.js';
import { resume } from './oidc.js';
import { restoreDrafts } from './drafts.js';

document.getElementById('language-toggle').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  render();
});
document.getElementById('skip-link').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', render);
// Input kept through a session renewal's round trip (oidc.js) goes back into its page.
document.addEventListener('view-rendered', event => restoreDrafts(event.detail.page));
// A sign-in coming back from the provider is finished (or a reload resumes one) before the first page.
resume().then(leaving => {
  if (!leaving) render();
});
