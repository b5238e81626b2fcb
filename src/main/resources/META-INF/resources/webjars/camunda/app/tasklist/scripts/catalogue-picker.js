/*
 * The item catalogue on start forms (物品领用): 7.24 Tasklist gives a start form no process variables,
 * so a form-js select cannot list the catalogue there (docs/processes/requisition.md, "The catalogue
 * on the start form"). This ES-module plugin (customScripts in config.js) watches the page for item
 * code inputs of Camunda Forms — form fields whose id contains one of FIELDS: requisition's lines,
 * procurement's lines (start and revise forms) and the storekeeper's mapping of new items at stocking —
 * and gives them a native, searchable suggestion list (<datalist>, scripts/suggestion-list.js) from
 * GET /api/catalogue with the Tasklist login: code, name, spec, unit and what is available now. Typing
 * a name or a code narrows the list; the field keeps the code. The server checks the code again on
 * start (unknown codes are refused), so the list is a help, never the rule. Everything is text, never HTML.
 */

import {fetchList, offerSuggestions} from './suggestion-list.js';

const FIELDS = ['Field_Lines_ItemCode', 'Field_Items_ItemCode', 'Field_Mappings_ItemCode'];

function label(item) {
  const spec = item.spec ? ` ${item.spec}` : '';
  return `${item.name}${spec} · ${item.unit} · 可领 ${item.available}`;
}

const watch = offerSuggestions({
  listId: 'campus-catalogue',
  selector: FIELDS.map(field => `input[id*="${field}"]`).join(', '),
  load: () => fetchList('/api/catalogue', 'items'),
  option: item => ({value: item.code, label: label(item)}),
  placeholder: '输入名称或编码搜索'
});

export default [{
  id: 'catalogue-picker',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => watch()
}];
