/*
 * Lets Tasklist start and complete Camunda Forms with item lines (form-js "dynamiclist").
 *
 * Camunda 7.24.0's Tasklist enables "Start"/"Complete" only while form-js reports no errors, and it
 * counts them as `Object.keys(state.errors).length` on every "changed" event. form-js records the
 * errors of a field inside a list item under [fieldId, itemIndex] and, when that field is valid,
 * writes `undefined` there: min-dash's set() first creates the container `errors[fieldId] = []` and
 * then deletes only the item entry. The empty container stays, Tasklist counts one error, and "Start"
 * remains disabled for good although every field is valid and no message shows.
 *
 * This customization script (loaded through `customScripts` in scripts/config.js before Tasklist
 * renders any form) makes form-js keep only the fields that really hold a message whenever its state
 * changes. Messages, which fields show them, submitting and the server-side checks are unchanged; a
 * form with a refused field still keeps "Start" disabled. If a later webapp version ships a form-js
 * without the expected Form class, the script changes nothing and says so in the browser console
 * (CamundaFormBrowserIT then fails and shows whether this script is still needed).
 */

const PATCHED = Symbol.for('campus-logistics.dynamic-list-validation');

/** True when an errors entry holds at least one message, however deeply it is nested in list items. */
function holdsMessage(entry) {
  if (typeof entry === 'string') {
    return true;
  }
  if (entry && typeof entry === 'object') {
    return Object.values(entry).some(holdsMessage);
  }
  return false;
}

/** The errors without the fields that hold no message (the structure of the others is kept). */
function withoutEmptyEntries(errors) {
  return Object.fromEntries(Object.entries(errors).filter(([, entry]) => holdsMessage(entry)));
}

function isFormJsForm(candidate) {
  const prototype = candidate && candidate.prototype;
  return Boolean(prototype && typeof prototype._setState === 'function'
    && typeof prototype.importSchema === 'function' && typeof prototype.validate === 'function');
}

/**
 * The form-js Form class bundled in lib/deps.js, reached through the webpack runtime that deps.js
 * and the Tasklist bundle share: a chunk with a runtime callback receives the module loader, whose
 * module factories are searched for the form-js viewer package.
 */
function findFormClass() {
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
  const candidates = Object.keys(load.m).filter((id) => {
    const source = String(load.m[id]);
    return source.includes('_getSubmitData') && source.includes('importSchema');
  });
  for (const id of candidates) {
    const exported = load(id);
    if (exported && isFormJsForm(exported.Form)) {
      return exported.Form;
    }
  }
  return null;
}

const Form = findFormClass();
if (!Form) {
  console.error('campus-logistics: form-js Form class not found; forms with item lines may keep Start disabled');
} else if (!Form.prototype[PATCHED]) {
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    if (state && state.errors) {
      return setState.call(this, {...state, errors: withoutEmptyEntries(state.errors)});
    }
    return setState.call(this, state);
  };
  Form.prototype[PATCHED] = true;
}
