// What someone typed into a page's forms and has not sent yet, kept in sessionStorage (this tab only) while the
// session renewal goes through the identity provider and back (oidc.js), and put back into the same page when it is
// shown again; forgotten once put back or when another page comes first. A token field is never kept.
const DRAFTS = 'tracker.dashboard.drafts';
const NEVER_KEPT = new Set(['token']);

function fields(root) {
  return [...root.querySelectorAll('form[id] input[id], form[id] textarea[id], form[id] select[id]')]
    .filter(field => !NEVER_KEPT.has(field.id) && !['password', 'hidden', 'file'].includes(field.type));
}

function edited(field) {
  if (field.type === 'checkbox' || field.type === 'radio') return field.checked !== field.defaultChecked;
  if (field.tagName === 'SELECT') return [...field.options].some(option => option.selected !== option.defaultSelected);
  return field.value !== field.defaultValue;
}

function isToggle(field) {
  return field.type === 'checkbox' || field.type === 'radio';
}

/** Keeps the unsent input of the page shown, if any, for {@link restoreDrafts}. */
export function keepDrafts() {
  const main = document.getElementById('main');
  const changed = main ? fields(main).filter(edited) : [];
  if (!changed.length) return;
  sessionStorage.setItem(DRAFTS, JSON.stringify({ route: location.hash, fields: changed.map(field =>
    isToggle(field) ? { id: field.id, checked: field.checked } : { id: field.id, value: field.value }) }));
}

/** Puts kept input back into {@code page} when it is the page it was kept from; forgets it either way. */
export function restoreDrafts(page) {
  const text = sessionStorage.getItem(DRAFTS);
  if (!text) return;
  sessionStorage.removeItem(DRAFTS);
  const drafts = JSON.parse(text);
  if (drafts.route !== location.hash) return;
  for (const kept of drafts.fields) {
    const field = page.querySelector(`#${CSS.escape(kept.id)}`);
    if (!field) continue;
    if ('checked' in kept) field.checked = kept.checked;
    else field.value = kept.value;
  }
}
