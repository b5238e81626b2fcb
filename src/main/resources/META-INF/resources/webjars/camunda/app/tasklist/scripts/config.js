/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Language (docs/localization.md): every user gets Simplified Chinese (locales/zh.json), whatever
 * language the browser prefers. Camunda picks the first browser language that is listed in
 * `availableLocales`, otherwise `fallbackLocale`; so only the chosen language is listed. English stays
 * reachable: open any webapp once with `?lang=en` (e.g. /camunda/app/cockpit/?lang=en); the choice
 * is kept in this browser's localStorage for all four webapps until `?lang=zh` switches back.
 */
const LANGUAGE_KEY = 'campus-logistics.language';

function chosenLanguage() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'zh' || requested === 'en') {
      window.localStorage.setItem(LANGUAGE_KEY, requested);
    }
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

const LANGUAGE = chosenLanguage();

export default {
  // 校园后勤 branding (login page, header, browser title); the default config's other options follow unchanged
  app: {
    name: '校园后勤',
    vendor: '学校总务处'
  },
  // Simplified Chinese for everyone; English on request (?lang=en), see the comment above
  locales: {
    availableLocales: [LANGUAGE],
    fallbackLocale: LANGUAGE
  },
  // lets forms with item lines (form-js dynamiclist) be submitted; see scripts/dynamic-list-validation.js;
  // Chinese for form-js's own texts (validation messages, "Add new", "Select", date picker): scripts/form-js-chinese.js
  // 我的申请 (one's own requests and reports, where they stand): scripts/my-requests.js
  // the case number, requester and a claim hint on task cards: scripts/task-cards.js
  // a word on refused keys in number fields, the start dialog's banner closed once fixed, a notice after completing: scripts/form-feedback.js
  // the item catalogue as suggestions under the item code of start forms (物品领用): scripts/catalogue-picker.js
  // 通知设置 (e-mail, one's own chat robot, or none): scripts/notification-settings.js
  // the register of places as suggestions under 报修地点 of the repair start form: scripts/place-picker.js
  // 创建任务 (a task outside any process) only for those who may create one, administrators: scripts/standalone-tasks.js
  customScripts: ['scripts/dynamic-list-validation', 'scripts/form-js-chinese', 'scripts/my-requests',
    'scripts/task-cards', 'scripts/form-feedback', 'scripts/catalogue-picker', 'scripts/notification-settings',
    'scripts/place-picker', 'scripts/standalone-tasks'],
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
