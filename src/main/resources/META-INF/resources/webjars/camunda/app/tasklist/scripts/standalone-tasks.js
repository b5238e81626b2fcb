/*
 * 创建任务 in Tasklist's header (Camunda's standalone-task plugin: a task outside any process) only for those
 * who may create one. The school's work comes as processes; a task outside them needs CREATE on tasks, which only
 * administrators (camunda-admin) have, so for everyone else the dialog could only end in a refusal. The action
 * is hidden as soon as Tasklist draws it and shown again when the engine says the signed-in person may create
 * tasks (GET …/authorization/check, which answers for the caller only). Loaded through `customScripts` in
 * config.js.
 */

const ACTION = '.create-task-action';
const CHECK = '/camunda/api/engine/engine/default/authorization/check'
  + '?permissionName=CREATE&resourceName=Task&resourceType=7';

function mayCreateTasks() {
  return fetch(CHECK, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .then(answer => Boolean(answer && answer.authorized))
    .catch(() => false);
}

function offerOnlyIfAllowed(action) {
  action.dataset.campusChecked = 'true';
  action.style.display = 'none';
  mayCreateTasks().then(allowed => {
    if (allowed) {
      action.style.display = '';
    }
  });
}

// the header's actions are drawn anew after each login: check each time they appear
new MutationObserver(() => document.querySelectorAll(ACTION).forEach(action => {
  if (!action.dataset.campusChecked) {
    offerOnlyIfAllowed(action);
  }
})).observe(document.documentElement, {subtree: true, childList: true});

// no plugin of its own: the script only hides an action of Camunda's
export default [];
