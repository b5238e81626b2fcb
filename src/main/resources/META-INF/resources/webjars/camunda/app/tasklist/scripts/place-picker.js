/*
 * The register of places (扫码报修) on Tasklist's repair start form: 7.24 Tasklist gives a start
 * form no process variables, so the form itself cannot list the places. This ES-module plugin
 * (customScripts in config.js) watches the page for the 报修地点 input of the repair start form
 * (form field Field_Location) and gives it a native, searchable suggestion list (<datalist>,
 * scripts/suggestion-list.js) from GET /api/scan/locations with the Tasklist login: "教学楼 301教室",
 * as a scanned report names the place. The field stays free text — a place not in the register may still be typed — and the
 * server checks it on start as always. Everything is text, never HTML.
 */

import {fetchList, offerSuggestions} from './suggestion-list.js';

const watch = offerSuggestions({
  listId: 'campus-places',
  selector: 'input[id*="Field_Location"]',
  load: () => fetchList('/api/scan/locations', 'locations'),
  option: place => ({value: place.location, label: `地点编码 ${place.code}`})
});

export default [{
  id: 'place-picker',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => watch()
}];
