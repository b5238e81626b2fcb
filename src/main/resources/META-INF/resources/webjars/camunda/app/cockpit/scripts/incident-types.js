/*
 * 异常类型 in words. Cockpit 7.24.0 writes an incident's type into its incidents tables (a process
 * instance's or definition's 异常 tab) without its locale files: "Failed Job" hard-coded in English for
 * the engine's failedJob, and the engine's code for every other type (failedExternalTask, our
 * notificationFailed: notifications/NotificationIncidents). This customization script (loaded through
 * `customScripts` in scripts/config.js) writes the glossary's words (docs/glossary.md) into those cells as
 * they appear. It changes the text node AngularJS keeps for the cell, so a later update of the cell by
 * Cockpit shows and is translated again. A type it does not know stays as Cockpit shows it. With English
 * on request (?lang=en, see config.js) it does nothing.
 */

const TYPES = {
  'Failed Job': '作业失败',
  failedJob: '作业失败',
  failedExternalTask: '外部任务失败',
  notificationFailed: '通知发送失败'
};
const CELLS = 'table.incidents-tab td.type';

function english() {
  try {
    return window.localStorage.getItem('campus-logistics.language') === 'en';
  } catch (e) {
    return false;
  }
}

function translate(cell) {
  for (const node of cell.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const word = TYPES[node.nodeValue.trim()];
      if (word) {
        node.nodeValue = word;
      }
    }
  }
}

if (!english()) {
  new MutationObserver(() => document.querySelectorAll(CELLS).forEach(translate))
    .observe(document.documentElement, {subtree: true, childList: true, characterData: true});
}

// no plugin of its own: the script only translates what Cockpit's own views show
export default [];
