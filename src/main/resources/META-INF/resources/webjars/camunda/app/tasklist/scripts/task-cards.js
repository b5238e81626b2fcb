/*
 * What a Tasklist card says about its case, in words (issue 11): the case number people can say
 * (CG-2026-0042), who it is for (张伟), and on a task nobody has taken yet a hint that it must be
 * claimed first (待认领：打开后点右上角「认领」). A Camunda 7 ES-module plugin at the plugin point
 * `tasklist.card`, loaded through `customScripts` in config.js; the facts come from
 * GET /api/my/tasks/{taskId}, which answers only for tasks the signed-in person can see. Text only.
 */

const CACHE = new Map();

function caseOf(taskId) {
  if (!CACHE.has(taskId)) {
    CACHE.set(taskId, fetch(`/api/my/tasks/${encodeURIComponent(taskId)}`,
        {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(response => (response.ok ? response.json() : null))
        .catch(() => null));
    // a claim changes the card: ask again after a short while
    setTimeout(() => CACHE.delete(taskId), 5000);
  }
  return CACHE.get(taskId);
}

function line(className, text) {
  const node = document.createElement('div');
  node.className = className;
  node.textContent = text;
  return node;
}

export default [{
  id: 'campus-task-card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, {taskId}) => {
    caseOf(taskId).then(found => {
      if (!found) {
        return;
      }
      const parts = [found.businessKey, found.requester ? `${found.requester} 提交` : null].filter(Boolean);
      const lines = [];
      if (parts.length) {
        lines.push(line('campus-card-case', parts.join(' · ')));
      }
      if (!found.claimed) {
        lines.push(line('campus-card-claim', '待认领：打开后点右上角「认领」再办理'));
      }
      // shown under the task and process names: the plugin's own place (the card's details) is folded
      const names = node.closest('li.task') && node.closest('li.task').querySelector('.names');
      const place = names || node;
      let summary = place.querySelector('.campus-card-summary');
      if (!summary) {
        summary = document.createElement('div');
        summary.className = 'campus-card-summary';
        place.appendChild(summary);
      }
      summary.replaceChildren(...lines);
    });
  }
}];
