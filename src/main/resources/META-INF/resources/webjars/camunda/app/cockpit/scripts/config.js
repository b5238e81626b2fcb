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
  // 后勤指标: KPI dashboard tile, page and header entry (scripts/logistics-kpi.js, docs/metrics.md);
  // Cockpit's hard-coded English in words: incident types, a missing message, null (scripts/hard-coded-english.js)
  customScripts: ['scripts/logistics-kpi', 'scripts/hard-coded-english'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `cockpit` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // historicActivityInstanceMetrics: {
  //   adjustablePeriod: true,
  //   //select from the default time period: day, week, month, complete
  //   period: {
  //     unit: 'week'
  //   }
  // },
  // runtimeActivityInstanceMetrics: {
  //   display: true
  // },
  // 'locales': {
  //   'availableLocales': ['en', 'de'],
  //   'fallbackLocale': 'en'
  // },
  // skipCustomListeners: {
  //   default: true,
  //   hidden: false
  // },
  // skipIoMappings: {
  //   default: true,
  //   hidden: false
  // },
  // cascade: {
  //   default: false
  // },
  // 'batchOperation' : {
  //   // select mode of query for process instances or decision instances
  //   // possible values: filter, search
  //   'mode': 'filter',
  //
  //   // select if Historic Batches should be loaded automatically when navigating to #/batch
  //   'autoLoadEnded': true
  // },
  // bpmnJs: {
  //   moddleExtensions: {
  //     // if you have a folder called 'my-custom-moddle' (in the 'cockpit' folder)
  //     // with a file called 'camunda.json' in it defining the 'camunda' moddle extension
  //     camunda: 'my-custom-moddle/camunda'
  //   },
  //   additionalModules: [
  //     // if you have a folder called 'my-custom-module' (in the 'cockpit' folder)
  //     // with a file called 'module.js' in it
  //     'my-custom-module/module'
  //   ],
  // },
  // defaultFilter: {
  //   historicProcessDefinitionInstancesSearch: {
  //     lastDays: 5,
  //     event: 'started'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 5000,
  // previewHtml: true
};
