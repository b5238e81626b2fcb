/*
 * Simplified Chinese for the texts of Camunda Forms (form-js) in Tasklist: validation messages
 * ("Field is required.", minimum/maximum value and length, pattern, email, phone), the buttons and
 * placeholders of list fields, selects and tag lists ("Add new", "Select", "Collapse", "Search",
 * "No results", ...) and the date picker's calendar (months, weekdays).
 *
 * Camunda 7.24.0 bundles form-js in lib/deps.js with these texts hard-coded in English: form-js's
 * viewer has no translation module and Tasklist's locale files (locales/zh.json) do not reach it
 * (see docs/localization.md). This customization script (loaded through `customScripts` in
 * scripts/config.js) therefore
 *  - sets Chinese as the default locale of the flatpickr date picker form-js uses (flatpickr.localize),
 *  - translates the English texts form-js renders, as they appear, in every form container
 *    (`.fjs-container`): text nodes and the placeholder, title and aria-label attributes. Preact
 *    writes a text again only when form-js changes it (e.g. another validation message), and that
 *    change is translated again. Texts the form author wrote (labels, options, our own messages) are
 *    Chinese already and never match. A date field's placeholder shows the date order in Chinese
 *    (月/日/年 or 年/月/日); people type the digits in that order or pick the day in the calendar.
 * A text this script does not know stays English; FormJsChineseBrowserIT checks the ones our forms
 * show. If a later webapp version has no flatpickr module, the calendar stays English and the
 * browser console says so.
 */

(function () {
  const PATCHED = Symbol.for('campus-logistics.form-js-chinese');
  if (window[PATCHED]) {
    return;
  }
  window[PATCHED] = true;

  /** Exact texts of the form-js viewer (7.24.0's lib/deps.js) and their Chinese. */
  const TEXTS = {
    'Field is required.': '此项为必填项。',
    'Field must be a valid email.': '请输入有效的电子邮箱地址。',
    'Value is not a number.': '只能填写数字，不要带单位或文字（如“元”“个”）。',
    'Value is expected to be an integer.': '请填写整数。',
    'Field must be a valid  international phone number. (e.g. +4930664040900)':
      '请输入有效的国际电话号码（例如 +8610 12345678）。',
    'Add new': '添加一行',
    'Select': '请选择',
    'Collapse': '收起',
    'Search': '搜索',
    'No results': '无匹配项',
    'All values selected': '已全部选择',
    'Nothing to show.': '暂无内容。',
    'Remove item': '删除此行',
    'Delete item': '删除此行',
    'Toggle list item': '展开/收起此行',
    'Remove tag': '移除',
    'Clear content': '清空',
    'Previous page': '上一页',
    'Next page': '下一页',
    'Increment': '增加',
    'Decrement': '减少',
    'Date': '日期',
    'Time': '时间',
    'hh:mm': '时:分',
    'hh:mm ?m': '时:分 上午/下午',
  };

  /** form-js texts with a value in them. */
  const PATTERNS = [
    [/^Field must have minimum value of (.+)\.$/, (match) => `数值不能小于 ${match[1]}。`],
    [/^Field must have maximum value of (.+)\.$/, (match) => `数值不能大于 ${match[1]}。`],
    [/^Field must have minimum length of (.+)\.$/, (match) => `至少需要 ${match[1]} 个字符。`],
    [/^Field must have maximum length of (.+)\.$/, (match) => `最多 ${match[1]} 个字符。`],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, (match) => `最多 ${match[1]} 位小数。`],
    [/^Field must match pattern (.+)\.$/, (match) => PATTERN_MESSAGES[match[1]] || `格式不正确，应符合 ${match[1]}。`],
    [/^Expand all \((\d+)\)$/, (match) => `全部展开（${match[1]}）`],
    // a date field's placeholder, in the browser's date order (Intl): mm/dd/yyyy → 月/日/年, yyyy/mm/dd → 年/月/日
    [/^(?=.*yyyy)(?:yyyy|mm|dd|[/.\- ])+$/, (match) => match[0].replace('yyyy', '年').replace('mm', '月').replace('dd', '日')],
  ];

  /** What a pattern of our forms asks for, in words (form-js names only the regular expression). */
  const PATTERN_MESSAGES = {
    // a date typed as 年-月-日 (forms/procurement: 需用日期)
    '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': '请按“年-月-日”填写日期，如 2026-12-20。',
  };

  const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

  /** The Chinese for a form-js text, or null when the text is not one of form-js's own. */
  function chinese(text) {
    const trimmed = text.trim();
    if (!trimmed) {
      return null;
    }
    let translated = Object.prototype.hasOwnProperty.call(TEXTS, trimmed) ? TEXTS[trimmed] : null;
    for (const [pattern, replace] of PATTERNS) {
      if (translated === null) {
        const match = pattern.exec(trimmed);
        if (match) {
          translated = replace(match);
        }
      }
    }
    return translated === null ? null : text.replace(trimmed, translated);
  }

  function inForm(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element && element.closest('.fjs-container'));
  }

  function translateText(node) {
    const translated = chinese(node.data);
    if (translated !== null && translated !== node.data) {
      node.data = translated;
    }
  }

  function translateAttributes(element) {
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      const translated = value === null ? null : chinese(value);
      if (translated !== null && translated !== value) {
        element.setAttribute(attribute, translated);
      }
    }
  }

  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      if (inForm(root)) {
        translateText(root);
      }
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE || !inForm(root) && !root.querySelector('.fjs-container')) {
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (!inForm(node)) {
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node);
      } else {
        translateAttributes(node);
      }
    }
  }

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        if (inForm(mutation.target)) {
          translateText(mutation.target);
        }
      } else if (mutation.type === 'attributes') {
        if (inForm(mutation.target)) {
          translateAttributes(mutation.target);
        }
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    }
  });
  observer.observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  translateTree(document.documentElement);

  /** flatpickr (form-js's date picker), reached through the webpack runtime lib/deps.js shares. */
  function findFlatpickr() {
    const chunks = self.webpackChunkcamunda_bpm_webapp;
    if (!chunks) {
      return null;
    }
    let load = null;
    chunks.push([[PATCHED.description], {}, (loader) => {
      load = loader;
    }]);
    if (!load) {
      return null;
    }
    for (const id of Object.keys(load.m)) {
      if (String(load.m[id]).includes('flatpickr: invalid locale')) {
        const exported = load(id);
        const candidate = exported && (typeof exported.localize === 'function' ? exported : exported.default);
        if (candidate && typeof candidate.localize === 'function') {
          return candidate;
        }
      }
    }
    return null;
  }

  const flatpickr = findFlatpickr();
  if (!flatpickr) {
    console.error('campus-logistics: flatpickr not found; the date picker of Camunda Forms stays English');
  } else {
    flatpickr.localize({
      weekdays: {
        shorthand: ['日', '一', '二', '三', '四', '五', '六'],
        longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
      },
      months: {
        shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
      },
      firstDayOfWeek: 1,
      rangeSeparator: ' 至 ',
      weekAbbreviation: '周',
      scrollTitle: '滚动切换',
      toggleTitle: '点击切换上午/下午',
      amPM: ['上午', '下午'],
      yearAriaLabel: '年',
      monthAriaLabel: '月',
      hourAriaLabel: '时',
      minuteAriaLabel: '分',
      time_24hr: true,
      ordinal: () => '',
    });
  }
}());
