/*
 * The item catalogue on start forms (物品领用): 7.24 Tasklist gives a start form no process variables,
 * so a form-js select cannot list the catalogue there (docs/processes/requisition.md, "The catalogue
 * on the start form"). This ES-module plugin (customScripts in config.js) watches the page for item
 * code inputs of Camunda Forms — form fields whose id contains one of FIELDS: requisition's lines,
 * procurement's lines (start and revise forms) and the storekeeper's mapping of new items at stocking —
 * and gives them a native, searchable suggestion list (<datalist>) from GET /api/catalogue with the
 * Tasklist login: code, name, spec, unit and what is available now. Typing a name or a code narrows
 * the list; the field keeps the code. The server checks the code again on start (unknown codes are
 * refused), so the list is a help, never the rule. Everything is text, never HTML.
 */

const LIST_ID = 'campus-catalogue';
const FIELDS = ['Field_Lines_ItemCode', 'Field_Items_ItemCode', 'Field_Mappings_ItemCode'];
const SELECTOR = FIELDS.map(field => `input[id*="${field}"]:not([list])`).join(', ');
let loading = null;

function label(item) {
  const spec = item.spec ? ` ${item.spec}` : '';
  return `${item.name}${spec} · ${item.unit} · 可领 ${item.available}`;
}

async function load() {
  const response = await fetch('/api/catalogue', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`catalogue: ${response.status}`);
  }
  return (await response.json()).items;
}

function datalist() {
  let list = document.getElementById(LIST_ID);
  if (!list) {
    list = document.createElement('datalist');
    list.id = LIST_ID;
    document.body.appendChild(list);
  }
  return list;
}

function refresh() {
  if (!loading) {
    loading = load().then(items => {
      const list = datalist();
      list.replaceChildren(...items.map(item => {
        const option = document.createElement('option');
        option.value = item.code;
        option.label = label(item);
        option.textContent = label(item);
        return option;
      }));
    }).catch(() => {
      // no list: the field still takes a code, and the server still checks it
    }).finally(() => {
      setTimeout(() => {
        loading = null;
      }, 30000);
    });
  }
}

function attach(root) {
  root.querySelectorAll(SELECTOR).forEach(input => {
    input.setAttribute('list', LIST_ID);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('placeholder', '输入名称或编码搜索');
    refresh();
  });
}

let watching = false;

function watch() {
  if (watching) {
    return;
  }
  watching = true;
  attach(document);
  new MutationObserver(() => attach(document)).observe(document.body, {childList: true, subtree: true});
}

export default [{
  id: 'catalogue-picker',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => watch()
}];
