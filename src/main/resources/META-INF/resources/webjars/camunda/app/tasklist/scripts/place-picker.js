/*
 * The register of places (扫码报修) on Tasklist's repair start form: 7.24 Tasklist gives a start
 * form no process variables, so the form itself cannot list the places. This ES-module plugin
 * (customScripts in config.js) watches the page for the 报修地点 input of the repair start form
 * (form field Field_Location) and gives it a native, searchable suggestion list (<datalist>) from
 * GET /api/scan/locations with the Tasklist login: "教学楼 301教室", as a scanned report names the
 * place. The field stays free text — a place not in the register may still be typed — and the
 * server checks it on start as always. Everything is text, never HTML.
 */

const LIST_ID = 'campus-places';
const SELECTOR = 'input[id*="Field_Location"]:not([list])';
let loading = null;

async function load() {
  const response = await fetch('/api/scan/locations', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`places: ${response.status}`);
  }
  return (await response.json()).locations;
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
    loading = load().then(places => {
      datalist().replaceChildren(...places.map(place => {
        const option = document.createElement('option');
        option.value = place.location;
        option.label = `地点编码 ${place.code}`;
        option.textContent = `地点编码 ${place.code}`;
        return option;
      }));
    }).catch(() => {
      // no list: the field still takes any place, and the server still checks the report
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
  id: 'place-picker',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => watch()
}];
