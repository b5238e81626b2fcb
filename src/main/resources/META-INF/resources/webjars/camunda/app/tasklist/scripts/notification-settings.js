/*
 * 通知设置: the signed-in person chooses how they hear of their tasks and cases — by e-mail (to the
 * address of their Camunda user), by a chat robot of their own (a DingTalk / WeCom webhook), both,
 * or neither — in Tasklist. A Camunda 7 ES-module plugin (loaded through `customScripts` in
 * config.js) at the plugin point `tasklist.navbar.action`: the header entry "通知设置" opens a panel
 * that reads and writes GET|PUT /api/notifications/preferences with the Tasklist login (README
 * "Notifications"). The server checks everything (a webhook host not allowed is refused in Chinese);
 * the panel shows its answer. Everything is text (textContent), never HTML.
 */

import {element, removeElement} from './elements.js';

const PANEL_ID = 'campus-notification-settings';

function cookie(name) {
  const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : null;
}

/** The server's refusal in Chinese ("中文 / English": the Chinese part), or the status line. */
async function reason(response) {
  try {
    return (await response.json()).message.split(' / ')[0];
  } catch (e) {
    return `操作失败（${response.status}），请稍后再试。`;
  }
}

async function call(method, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    const token = cookie('XSRF-TOKEN');
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  const response = await fetch('/api/notifications/preferences', {method, credentials: 'same-origin', headers,
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (!response.ok) {
    throw new Error(await reason(response));
  }
  return response.json();
}

function checkbox(id, label) {
  const input = element('input', {type: 'checkbox', id});
  return {input, row: element('div', {class: 'checkbox'}, element('label', {for: id}, input, element('span', {text: ' ' + label})))};
}

function form(body, current) {
  const email = checkbox('campus-notify-email', current.email ? `邮件（发送到 ${current.email}）` : '邮件（您的用户还没有电子邮件地址，请联系管理员）');
  email.input.checked = current.emailEnabled;
  const robot = checkbox('campus-notify-robot', '群机器人（钉钉或企业微信）');
  robot.input.checked = Boolean(current.webhookUrl);
  const webhook = element('input', {type: 'url', id: 'campus-notify-webhook', class: 'form-control',
    placeholder: 'https://oapi.dingtalk.com/robot/send?access_token=…', 'aria-label': '机器人地址'});
  webhook.value = current.webhookUrl || '';
  const webhookRow = element('div', {class: 'form-group campus-notify-webhook'},
      element('label', {for: 'campus-notify-webhook', text: '机器人地址'}), webhook);
  const none = element('p', {class: 'campus-notify-none', text: '您不会收到通知；待办仍在任务列表中。'});
  const result = element('p', {class: 'campus-notify-result', role: 'status'});
  const save = element('button', {type: 'button', class: 'btn btn-primary', id: 'campus-notify-save', text: '保存'});

  const show = () => {
    webhookRow.hidden = !robot.input.checked;
    none.hidden = email.input.checked || robot.input.checked;
  };
  [email.input, robot.input].forEach(input => input.addEventListener('change', show));
  show();

  save.addEventListener('click', async () => {
    const url = webhook.value.trim();
    if (robot.input.checked && !url) {
      result.className = 'campus-notify-result campus-notify-error';
      result.textContent = '请填写机器人地址，或不选群机器人。';
      return;
    }
    save.disabled = true;
    result.className = 'campus-notify-result';
    result.textContent = '正在保存…';
    try {
      const saved = await call('PUT', {emailEnabled: email.input.checked, webhookUrl: robot.input.checked ? url : null});
      result.textContent = '已保存：' + describe(saved);
    } catch (error) {
      result.className = 'campus-notify-result campus-notify-error';
      result.setAttribute('role', 'alert');
      result.textContent = error.message;
    } finally {
      save.disabled = false;
    }
  });

  body.replaceChildren(element('fieldset', {},
      element('legend', {text: '通过哪些方式通知您'}), email.row, robot.row, webhookRow, none),
      element('div', {class: 'campus-notify-actions'}, save), result);
}

function describe(preferences) {
  const ways = [];
  if (preferences.emailEnabled) {
    ways.push('邮件');
  }
  if (preferences.webhookUrl) {
    ways.push('群机器人');
  }
  return ways.length ? ways.join('和') + '通知' : '不接收通知';
}

async function fill(body) {
  body.replaceChildren(element('p', {text: '正在读取…'}));
  try {
    form(body, await call('GET'));
  } catch (error) {
    body.replaceChildren(element('p', {class: 'campus-notify-error', role: 'alert', text: error.message}));
  }
}

function closePanel() {
  removeElement(PANEL_ID);
}

function openPanel() {
  closePanel();
  const body = element('div', {class: 'campus-notify-body'});
  const close = element('button', {type: 'button', class: 'btn btn-default', text: '关闭'});
  close.addEventListener('click', closePanel);
  const panel = element('section', {id: PANEL_ID, role: 'dialog', 'aria-label': '通知设置'},
      element('header', {},
          element('h3', {text: '通知设置'}),
          element('p', {text: '有新的待办、您的申请或报修有进展时，我们如何通知您。'}),
          element('div', {class: 'campus-notify-close'}, close)),
      body);
  document.body.appendChild(panel);
  fill(body);
}

export default [{
  id: 'notification-settings',
  pluginPoint: 'tasklist.navbar.action',
  priority: 40,
  render: node => {
    const link = element('a', {href: '', role: 'button', class: 'campus-notification-settings-link', title: '通知设置'},
        element('span', {class: 'glyphicon glyphicon-bell'}), element('span', {class: 'nav-label', text: ' 通知设置'}));
    link.addEventListener('click', event => {
      event.preventDefault();
      openPanel();
    });
    node.appendChild(link);
  }
}];
