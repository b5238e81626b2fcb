/*
 * Cockpit's hard-coded English, in words. Cockpit 7.24.0 writes a few texts into its pages without its locale
 * files, so zh.json cannot reach them:
 * - an incident's type in the incidents tables (a process instance's or definition's 异常 tab): "Failed Job"
 *   for the engine's failedJob, and the engine's code for every other type (failedExternalTask, our
 *   notificationFailed: notifications/NotificationIncidents);
 * - "Message is null." in the same tables for an incident without a message (a job whose retries an
 *   administrator set to 0);
 * - "null" for a value that is not there (上级流程实例 ID of a case that no other case started, a job without a
 *   due date, a decision without a tenant).
 * This customization script (loaded through `customScripts` in scripts/config.js) writes the glossary's words
 * (docs/glossary.md) into those places as they appear. It changes the text node AngularJS keeps there, so a
 * later update by Cockpit shows and is translated again. A text it does not know stays as Cockpit shows it.
 * With English on request (?lang=en, see config.js) it does nothing.
 */

const INCIDENT_TYPES = {
  'Failed Job': '作业失败',
  failedJob: '作业失败',
  failedExternalTask: '外部任务失败',
  notificationFailed: '通知发送失败'
};
const NO_MESSAGE = {'Message is null.': '（没有错误信息）'};
const NO_VALUE = {null: '空值'};

/** Where Cockpit writes each kind of text, and its words. */
const PLACES = [
  ['table.incidents-tab td.type', INCIDENT_TYPES],
  ['table.incidents-tab td.message i', NO_MESSAGE],
  ['.null-value', NO_VALUE]
];

function english() {
  try {
    return window.localStorage.getItem('campus-logistics.language') === 'en';
  } catch (e) {
    return false;
  }
}

function translate(element, words) {
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const word = words[node.nodeValue.trim()];
      if (word) {
        node.nodeValue = word;
      }
    }
  }
}

if (!english()) {
  new MutationObserver(() => PLACES.forEach(([selector, words]) =>
    document.querySelectorAll(selector).forEach(element => translate(element, words))))
    .observe(document.documentElement, {subtree: true, childList: true, characterData: true});
}

// no plugin of its own: the script only translates what Cockpit's own views show
export default [];
