/*
 * 我的申请: a teacher's own purchase requests and repair reports, in Tasklist. A Camunda 7 ES-module
 * plugin (loaded through `customScripts` in config.js) at the plugin point `tasklist.navbar.action`:
 * the header entry "我的申请" opens a panel listing the signed-in person's cases, newest first — case
 * number, process, when it was filed, and either the step it waits at with who holds it, or how it
 * ended. The figures come from GET /api/my/cases with the Tasklist login (README "我的申请"); the
 * endpoint answers only the caller's own cases. Everything is text (textContent), never HTML.
 */

import {element, removeElement} from './elements.js';

const PANEL_ID = 'campus-my-requests';

async function myCases() {
  const response = await fetch('/api/my/cases?limit=50', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let message = `查询失败（${response.status}），请稍后再试。`;
    try {
      message = (await response.json()).message.split(' / ')[0];
    } catch (e) {
      // keep the status line
    }
    throw new Error(message);
  }
  return (await response.json()).cases;
}

function caseCard(item) {
  const rows = [
    ['编号', item.businessKey || '—'],
    ['发起时间', item.startedAt],
    ['状态', item.state]
  ];
  if (item.steps && item.steps.length) {
    item.steps.forEach(step => rows.push(['当前步骤', `${step.name}（${step.holder}）`]));
  }
  if (item.result) {
    rows.push(['结果', item.result]);
  }
  if (item.endedAt) {
    rows.push(['办结时间', item.endedAt]);
  }
  const list = element('dl', {class: 'campus-my-request-fields'});
  rows.forEach(([label, value]) => {
    list.appendChild(element('dt', {text: label}));
    list.appendChild(element('dd', {text: value}));
  });
  return element('li', {class: 'campus-my-request', 'data-case': item.id, 'data-state': item.state},
      element('h4', {text: item.process}), list);
}

async function fill(body) {
  body.replaceChildren(element('p', {class: 'campus-my-requests-note', text: '正在查询…'}));
  try {
    const cases = await myCases();
    if (!cases.length) {
      body.replaceChildren(element('p', {class: 'campus-my-requests-note', text: '您还没有发起过申请或报修。'}));
      return;
    }
    body.replaceChildren(element('ul', {class: 'campus-my-requests-list'}, ...cases.map(caseCard)));
  } catch (error) {
    body.replaceChildren(element('p', {class: 'campus-my-requests-note campus-my-requests-error', role: 'alert',
      text: error.message}));
  }
}

function closePanel() {
  removeElement(PANEL_ID);
}

function openPanel() {
  closePanel();
  const body = element('div', {class: 'campus-my-requests-body'});
  const refresh = element('button', {type: 'button', class: 'btn btn-default', text: '刷新'});
  const close = element('button', {type: 'button', class: 'btn btn-primary', text: '关闭'});
  refresh.addEventListener('click', () => fill(body));
  close.addEventListener('click', closePanel);
  const panel = element('section', {id: PANEL_ID, role: 'dialog', 'aria-label': '我的申请'},
      element('header', {},
          element('h3', {text: '我的申请'}),
          element('p', {text: '您发起的采购申请和报修：办到哪一步、谁在办理、结果如何。'}),
          element('div', {class: 'campus-my-requests-actions'}, refresh, close)),
      body);
  document.body.appendChild(panel);
  fill(body);
}

export default [{
  id: 'my-requests',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: node => {
    const link = element('a', {href: '', role: 'button', class: 'campus-my-requests-link', title: '我的申请'},
        element('span', {class: 'glyphicon glyphicon-list-alt'}), element('span', {class: 'nav-label', text: ' 我的申请'}));
    link.addEventListener('click', event => {
      event.preventDefault();
      openPanel();
    });
    node.appendChild(link);
  }
}];
