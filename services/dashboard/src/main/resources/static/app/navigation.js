// How a view moves to another: it sets the hash, and the router (main.js) renders on every hashchange. Views import
// this, never main.js, which imports them.
export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
