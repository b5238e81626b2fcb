/*
 * A native, searchable suggestion list (<datalist>) under the inputs of Camunda Forms that match a
 * selector, filled from one of our endpoints with the Tasklist login — for start forms, which 7.24
 * Tasklist gives no process variables (scripts/catalogue-picker.js, scripts/place-picker.js). The
 * list is loaded when such an input appears, at most every 30 s; without it the field still takes
 * what is typed, and the server checks it as always. Everything is text, never HTML.
 */

/**
 * Watches the page for inputs matching {@code selector} and gives them the list {@code listId}:
 * {@code load()} answers the entries, {@code option(entry)} their {value, label}; {@code placeholder}
 * (optional) is set on the input.
 */
export function offerSuggestions({listId, selector, load, option, placeholder}) {
  const unlisted = selector.split(',').map(part => `${part.trim()}:not([list])`).join(', ');
  let loading = null;

  function datalist() {
    let list = document.getElementById(listId);
    if (!list) {
      list = document.createElement('datalist');
      list.id = listId;
      document.body.appendChild(list);
    }
    return list;
  }

  function refresh() {
    if (!loading) {
      loading = load().then(entries => {
        datalist().replaceChildren(...entries.map(entry => {
          const {value, label} = option(entry);
          const node = document.createElement('option');
          node.value = value;
          node.label = label;
          node.textContent = label;
          return node;
        }));
      }).catch(() => {
        // no list: the field still takes what is typed, and the server still checks it
      }).finally(() => {
        setTimeout(() => {
          loading = null;
        }, 30000);
      });
    }
  }

  function attach(root) {
    root.querySelectorAll(unlisted).forEach(input => {
      input.setAttribute('list', listId);
      input.setAttribute('autocomplete', 'off');
      if (placeholder) {
        input.setAttribute('placeholder', placeholder);
      }
      refresh();
    });
  }

  let watching = false;
  return () => {
    if (watching) {
      return;
    }
    watching = true;
    attach(document);
    new MutationObserver(() => attach(document)).observe(document.body, {childList: true, subtree: true});
  };
}

/** GET {@code path} with the Tasklist login; the JSON answer's {@code field}. */
export async function fetchList(path, field) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return (await response.json())[field];
}
