/*
 * Feedback Tasklist does not give on its own (issue 11), in Chinese:
 *  - a number field (form-js "number") silently drops a key that is not a digit ("120元" becomes
 *    120); this script says so under the field: "“yuan”未填入：此处只能填写数字，不带单位或文字。" until
 *    the next accepted key. Text that arrives whole (an input method's "120元", a paste) form-js
 *    would show as "NaN": it is not taken, the field stays as it was and the same hint names it,
 *    "“120元”未填入：此处只能填写数字，不带单位或文字。".
 *  - the start dialog keeps its red "could not be started" banner after the fields were fixed (a task
 *    its "提交任务表单时出错"); once the form shows no refused field any more, it is closed (its own ×).
 *  - after a task is completed, or a process started, the person sees a notice for a few seconds:
 *    "已完成：审批采购申请（总务主任）" / "已发起：物品采购，编号 CG-2026-0042".
 * Loaded through `customScripts` in scripts/config.js. It only reads the page and Tasklist's own
 * answers; it sends nothing.
 */

(function () {
  const PATCHED = Symbol.for('campus-logistics.form-feedback');
  if (window[PATCHED]) {
    return;
  }
  window[PATCHED] = true;

  const NUMBER_INPUT = '.fjs-form-field-number input.fjs-input';
  const ACCEPTED_KEY = /^[0-9.,-]$/;
  const HINT_CLASS = 'campus-number-hint';

  function hintOf(field) {
    return field.querySelector(`.${HINT_CLASS}`);
  }

  function showHint(input, key) {
    const field = input.closest('.fjs-form-field');
    if (!field) {
      return;
    }
    let hint = hintOf(field);
    if (!hint) {
      hint = document.createElement('div');
      hint.className = `fjs-form-field-error ${HINT_CLASS}`;
      hint.setAttribute('role', 'alert');
      field.appendChild(hint);
    }
    // the keys refused since the last accepted one: "yuan" typed → "“yuan”未填入"
    hint.dataset.refused = (hint.dataset.refused || '') + key;
    hint.textContent = `“${hint.dataset.refused}”未填入：此处只能填写数字，不带单位或文字。`;
  }

  function clearHint(input) {
    const field = input.closest('.fjs-form-field');
    const hint = field && hintOf(field);
    if (hint) {
      hint.remove();
    }
  }

  // capture: runs before form-js's own handler on the input, which drops the key on keypress
  document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(NUMBER_INPUT) || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key.length === 1 && !ACCEPTED_KEY.test(event.key)) {
      showHint(input, event.key);
    } else if (event.key.length === 1) {
      clearHint(input);
    }
  }, true);

  const REFUSED_CHARS = /[^0-9.,-]/;

  /** Names a whole text (input method, paste) form-js did not take into the number field. */
  function hintIfRefused(input, text) {
    if (!(input instanceof HTMLInputElement) || !input.matches(NUMBER_INPUT) || !text || !REFUSED_CHARS.test(text)) {
      return;
    }
    setTimeout(() => {
      if (!input.value.includes(text) || input.value === 'NaN') {
        showHint(input, text);
      }
    }, 0);
  }

  // an input method committing at once, a paste, a drop: the text arrives whole, no key per character;
  // form-js would show it as "NaN", so it is not taken and the hint names it
  document.addEventListener('beforeinput', (event) => {
    const input = event.target;
    const text = event.data ?? (event.dataTransfer && event.dataTransfer.getData('text/plain'));
    if (event.isComposing || !(input instanceof HTMLInputElement) || !input.matches(NUMBER_INPUT)
        || !text || !REFUSED_CHARS.test(text)) {
      return;
    }
    if (event.cancelable) {
      event.preventDefault();
      showHint(input, text);
    } else {
      hintIfRefused(input, text);
    }
  }, true);

  // an input method's composition (拼音 "120元") ends with the committed text
  document.addEventListener('compositionend', (event) => hintIfRefused(event.target, event.data), true);

  // ---- the start dialog's error banner goes once the form shows no refused field
  const DIALOG = '.modal-content';
  let pending = null;

  const TASK_FORM = 'section.task-details';
  const ERROR_CLOSE = '.notifications .alert-danger button.close, .notifications .alert-error button.close';

  /**
   * Closes the red notes about a refused submission once the form (dialog or task) shows no refused
   * field. Only the notes already shown when the person edited the form go: a note that arrives in
   * the meantime answers a newer submission (typed, then 发起 at once) and stays.
   */
  function closeBannerWhenFixed(shownAtEdit) {
    const close = (scope) => scope.querySelectorAll(ERROR_CLOSE)
      .forEach((button) => shownAtEdit.includes(button) && button.click());
    const dialog = document.querySelector(DIALOG);
    if (dialog && dialog.querySelector('.fjs-container')) {
      if (!dialog.querySelector('.fjs-has-errors')) {
        close(dialog);
      }
      return;
    }
    const task = document.querySelector(`${TASK_FORM} .fjs-container`);
    if (task && !task.querySelector('.fjs-has-errors')) {
      document.querySelectorAll('.page-notifications').forEach(close);
    }
  }

  function later() {
    clearTimeout(pending);
    const shownAtEdit = Array.from(document.querySelectorAll(ERROR_CLOSE));
    // form-js validates 300 ms after typing
    pending = setTimeout(() => closeBannerWhenFixed(shownAtEdit), 600);
  }

  ['input', 'change', 'click'].forEach((type) => document.addEventListener(type, (event) => {
    if (event.target instanceof Element
        && event.target.closest(`${DIALOG} .fjs-container, ${TASK_FORM} .fjs-container`)) {
      later();
    }
  }, true));

  // ---- a notice after completing a task or starting a process
  const TASK_DONE = /\/task\/[^/]+\/(submit-form|complete)$/;
  const STARTED = /\/process-definition\/[^/]+\/submit-form$/;

  function notice(text) {
    let box = document.getElementById('campus-notice');
    if (!box) {
      box = document.createElement('div');
      box.id = 'campus-notice';
      box.className = 'alert alert-success';
      box.setAttribute('role', 'status');
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(box.campusTimer);
    box.campusTimer = setTimeout(() => {
      box.hidden = true;
    }, 8000);
  }

  function taskName() {
    const title = document.querySelector('section.task-details h2.task');
    return title ? title.textContent.trim() : '';
  }

  function processName() {
    // "发起流程: 物品采购": the process's name after Tasklist's own words
    const title = document.querySelector(`${DIALOG} .modal-title`);
    const text = title ? title.textContent.trim() : '';
    const colon = text.lastIndexOf(': ');
    return colon >= 0 ? text.slice(colon + 2).trim() : '';
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.campusCall = {method: String(method).toUpperCase(), path: String(url).split('?')[0]};
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const call = this.campusCall;
    if (call && call.method === 'POST' && (TASK_DONE.test(call.path) || STARTED.test(call.path))) {
      const started = STARTED.test(call.path);
      const name = started ? processName() : taskName();
      this.addEventListener('load', () => {
        if (this.status >= 300) {
          return;
        }
        if (!started) {
          notice(name ? `已完成：${name}` : '任务已完成');
          return;
        }
        let businessKey = null;
        try {
          businessKey = JSON.parse(this.responseText).businessKey;
        } catch (notJson) {
          businessKey = null;
        }
        notice(`已发起${name ? `：${name}` : ''}${businessKey ? `，编号 ${businessKey}` : ''}`);
      });
    }
    return send.apply(this, args);
  };
}());
