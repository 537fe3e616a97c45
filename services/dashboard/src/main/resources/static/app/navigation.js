// How a view moves to another: it sets the hash, and the router renders on every hashchange (main.js). Views import
// this, never router.js, which imports them.
export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
