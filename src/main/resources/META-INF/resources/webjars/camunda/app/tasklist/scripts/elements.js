/*
 * DOM building for our Tasklist panels (scripts/my-requests.js, scripts/notification-settings.js):
 * text goes in as textContent, never as HTML.
 */

/** A new element with attributes ({@code text}: its text) and children (null ones are left out). */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  children.filter(Boolean).forEach(child => node.appendChild(child));
  return node;
}

/** Removes the element of this id, if it is there (a panel being closed). */
export function removeElement(id) {
  const node = document.getElementById(id);
  if (node) {
    node.remove();
  }
}
