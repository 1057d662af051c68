// The playground: a WhatsApp-client emulator for one flow, plus the developer's panes.
import { resolve, toText } from './expr.js';
import { validateField, isEmpty } from './validate.js';
import { renderChildren, renderFooter, h } from './render.js';
import { drawGraph, routingModel, entryScreen } from './graph.js';
import { createEditor } from './editor.js';
import { initFrame } from './frame.js';

const $ = (sel) => document.querySelector(sel);

const S = {
  flow: null,
  version: '',
  mode: 'endpoint',
  token: '',
  stack: [],
  screens: {},
  visited: new Set(),
  busy: false,
  closed: null,
  snack: null,
  pendingManual: null,
};

// ---------------------------------------------------------------- helpers

function screenById(id) {
  return (S.flow.screens || []).find((s) => s.id === id);
}

function top() {
  return S.stack[S.stack.length - 1];
}

function ctxFor(entry) {
  return { data: entry.data || {}, form: entry.form || {}, screens: S.screens, version: S.version };
}

function remember(entry) {
  S.screens[entry.id] = { data: entry.data, form: entry.form };
}

async function api(path, body, extraHeaders) {
  const init = body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(extraHeaders || {}) },
    body: body instanceof ArrayBuffer ? body : JSON.stringify(body),
  };
  if (body instanceof ArrayBuffer) init.headers['content-type'] = 'application/octet-stream';
  // The session cookie (HttpOnly, set by api/session) goes with every call.
  init.credentials = 'same-origin';
  const res = await fetch(path, init);
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : {}; } catch { json = { error: text }; }
  if (!res.ok) {
    const error = new Error(json.error || `${path}: HTTP ${res.status}`);
    error.status = res.status;
    throw error;
  }
  return json;
}

/** A 401 means the server no longer knows this browser's session (restart, eviction). */
function sessionLost(e) {
  if (e.status !== 401) return false;
  S.closed = { kind: 'error', message: 'This playground session has ended. Start again.' };
  return true;
}

function exampleData(screen) {
  const out = {};
  for (const [k, v] of Object.entries((screen && screen.data) || {})) {
    if (v && typeof v === 'object' && '__example__' in v) out[k] = v.__example__;
  }
  return out;
}

/** Initial form values: Form `init-values` and component `init-value`. */
function initialForm(screen, ctx) {
  const form = {};
  const errors = {};
  const walk = (children) => {
    for (const c of children || []) {
      if (!c || typeof c !== 'object') continue;
      if (c.type === 'Form') {
        const iv = resolve(c['init-values'], ctx);
        if (iv && typeof iv === 'object') Object.assign(form, iv);
        const em = resolve(c['error-messages'], ctx);
        if (em && typeof em === 'object') Object.assign(errors, em);
      }
      if (c.name && c['init-value'] !== undefined) form[c.name] = resolve(c['init-value'], ctx);
      if (c.name && typeof c['error-message'] === 'string') {
        const e = resolve(c['error-message'], ctx);
        if (e) errors[c.name] = e;
      }
      if (c.type === 'OptIn' && form[c.name] === undefined) form[c.name] = false;
      walk(c.children);
      walk(c.then);
      walk(c.else);
      if (c.cases) Object.values(c.cases).forEach(walk);
    }
  };
  walk(screen.layout && screen.layout.children);
  for (const [k, v] of Object.entries(form)) if (v === undefined || v === null) delete form[k];
  for (const [k, v] of Object.entries(errors)) if (!v) delete errors[k];
  return { form, errors };
}

function pushScreen(id, data) {
  const screen = screenById(id);
  if (!screen) {
    snack(`Unknown screen ${id}`);
    return;
  }
  const entry = { id, data: data || {}, form: {}, errors: {}, touched: new Set() };
  const init = initialForm(screen, ctxFor(entry));
  entry.form = init.form;
  entry.errors = init.errors;
  S.stack.push(entry);
  S.visited.add(id);
  remember(entry);
  // A new screen starts without the previous screen's snackbar, as on the phone.
  S.snack = null;
  clearTimeout(S.snackTimer);
  if (entry.data.error_message) snack(toText(entry.data.error_message));
}

function refreshData(entry, data) {
  const screen = screenById(entry.id);
  entry.data = data || {};
  const init = initialForm(screen, ctxFor(entry));
  entry.form = { ...entry.form, ...init.form };
  entry.errors = init.errors;
  entry.touched = new Set();
  remember(entry);
  if (entry.data.error_message) snack(toText(entry.data.error_message));
}

// ---------------------------------------------------------------- log and panes

function log(kind, title, body) {
  const item = h('li', { class: `log-${kind}` },
    h('details', { open: true }, h('summary', {}, h('span', { class: 'time' }, new Date().toLocaleTimeString()), ' ', title),
      body === undefined ? null : h('pre', {}, JSON.stringify(body, null, 2))));
  $('#log').prepend(item);
}

function drawPanes() {
  const entry = top();
  $('#data-pane').textContent = entry ? JSON.stringify({ screen: entry.id, data: entry.data, form: entry.form }, null, 2) : '';
  const g = $('#graph');
  g.replaceChildren(drawGraph(S.flow, entry && !S.closed ? entry.id : null, S.visited));
}

function snack(text) {
  S.snack = text;
  clearTimeout(S.snackTimer);
  S.snackTimer = setTimeout(() => { S.snack = null; draw(); }, 8000);
}

// ---------------------------------------------------------------- actions

async function runAction(action, component, item) {
  if (!action || S.busy || S.closed) return;
  const entry = top();
  const ctx = ctxFor(entry);
  switch (action.name) {
    case 'navigate': {
      const next = action.next && action.next.name;
      const payload = resolve(action.payload || {}, ctx);
      log('nav', `navigate ${entry.id} → ${next}`, payload);
      pushScreen(next, payload);
      draw();
      return;
    }
    case 'data_exchange': {
      const payload = resolve(action.payload || {}, ctx);
      await exchange('data_exchange', entry.id, payload);
      return;
    }
    case 'update_data': {
      const payload = resolve(action.payload || {}, ctx);
      log('nav', `update_data on ${entry.id}`, payload);
      entry.data = { ...entry.data, ...payload };
      remember(entry);
      draw();
      return;
    }
    case 'open_url': {
      let url = null;
      try { url = new URL(action.url); } catch { /* not a URL */ }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        log('error', `open_url refused: only http(s) URLs are opened, not ${action.url}`);
        return;
      }
      log('nav', `open_url ${url.href}`);
      window.open(url.href, '_blank', 'noopener');
      return;
    }
    case 'complete': {
      const payload = resolve(action.payload || {}, ctx);
      await complete(payload);
      return;
    }
    default:
      log('error', `unknown action ${action.name} on ${component && component.type}${item ? ` item ${item.id}` : ''}`);
  }
}

async function complete(params) {
  S.busy = true;
  draw();
  try {
    const webhook = await api('api/complete', { payload: params });
    log('done', 'complete → completion webhook (nfm_reply)', webhook);
    S.closed = { kind: 'complete', webhook, params };
  } catch (e) {
    log('error', `complete failed: ${e.message}`);
    if (!sessionLost(e)) snack('Something went wrong. Please try again.');
  } finally {
    S.busy = false;
    draw();
  }
}

async function exchange(action, screen, data, opts = {}) {
  S.busy = true;
  draw();
  // The server adds the session's flow token.
  const body = { action, screen, data };
  let result;
  try {
    result = await api('api/exchange', body);
  } catch (e) {
    S.busy = false;
    log('error', `${action} failed: ${e.message}`);
    if (!sessionLost(e)) snack('Something went wrong. Please try again.');
    draw();
    return;
  }
  log('req', `→ ${action}${screen ? ` ${screen}` : ''} (decrypted request)`, result.request || body);
  if (result.missing) {
    S.busy = false;
    draw();
    const answer = await askManual(result.request || body);
    if (answer) {
      log('res', '← canned response (from the editor)', answer);
      handleResponse(answer, opts);
    }
    draw();
    return;
  }
  S.busy = false;
  const status = result.status;
  if (status === 200) {
    log('res', `← ${status} (decrypted response)`, result.response);
    handleResponse(result.response, opts);
  } else if (status === 427) {
    log('error', `← 427 flow token no longer valid${result.retried ? ' (after retry)' : ''}`, result.response);
    const msg = (result.response && (result.response.error_msg || result.response.error_message)) || 'This flow is no longer available.';
    S.closed = { kind: 'error', message: msg };
  } else if (status === 421) {
    log('error', '← 421 the endpoint could not decrypt the request (the client refetched the public key and retried once)', result.response);
    snack('Something went wrong. Please try again.');
  } else if (status === 432) {
    log('error', '← 432 request signature check failed', result.response);
    snack('Something went wrong. Please try again.');
  } else {
    log('error', `← ${status ?? 'no answer'} ${result.error || ''}`, result.response);
    snack('Something went wrong. Please try again.');
  }
  draw();
}

function handleResponse(resp, opts = {}) {
  if (!resp || typeof resp !== 'object') {
    snack('Something went wrong. Please try again.');
    return;
  }
  const data = resp.data || {};
  if (resp.screen === 'SUCCESS') {
    const params = (data.extension_message_response && data.extension_message_response.params) || {};
    complete(params);
    return;
  }
  if (!resp.screen) {
    if (data.acknowledged || data.status) return;
    log('error', 'response has no screen (payload-schema-error)');
    snack('Something went wrong. Please try again.');
    return;
  }
  const current = top();
  if (current && resp.screen === current.id && !opts.back) {
    refreshData(current, data);
    return;
  }
  const index = S.stack.findIndex((e) => e.id === resp.screen);
  if (opts.back && index >= 0) {
    S.stack.length = index + 1;
    refreshData(top(), data);
    return;
  }
  const model = S.flow.routing_model;
  if (current && model && model[current.id] && !model[current.id].includes(resp.screen)) {
    log('error', `invalid-screen-transition: ${current.id} → ${resp.screen} is not in the routing model`);
    snack('Something went wrong. Please try again.');
    return;
  }
  pushScreen(resp.screen, data);
}

function askManual(request) {
  const model = routingModel(S.flow);
  const next = request.screen ? (model[request.screen] || [])[0] || request.screen : entryScreen(S.flow);
  const template = { screen: next, data: exampleData(screenById(next)) };
  const pane = $('#manual');
  pane.hidden = false;
  $('#manual-request').textContent = JSON.stringify(request, null, 2);
  $('#manual-response').value = JSON.stringify(template, null, 2);
  $('#manual-error').textContent = '';
  return new Promise((done) => {
    S.pendingManual = (value) => { pane.hidden = true; S.pendingManual = null; done(value); };
  });
}

function validateAll(entry, fields) {
  let ok = true;
  for (const c of fields) {
    const err = validateField(c, entry.form[c.name]);
    if (err) { entry.errors[c.name] = err; ok = false; } else delete entry.errors[c.name];
    entry.touched.add(c.name);
  }
  return ok;
}

async function goBack() {
  if (S.busy || S.closed) return;
  const entry = top();
  const screen = screenById(entry.id);
  if (screen.refresh_on_back && S.flow.data_api_version) {
    await exchange('BACK', entry.id, {}, { back: true });
    return;
  }
  if (S.stack.length > 1) {
    S.stack.pop();
    log('nav', `back → ${top().id}`);
    draw();
  } else {
    closeFlow();
  }
}

function closeFlow() {
  log('nav', 'flow closed by the user');
  S.closed = { kind: 'closed' };
  draw();
}

// ---------------------------------------------------------------- drawing

function draw() {
  const phone = $('#phone');
  const entry = top();
  phone.dataset.busy = S.busy ? 'true' : 'false';
  $('#snackbar').hidden = !S.snack;
  $('#snackbar').textContent = S.snack || '';
  if (S.closed) {
    phone.dataset.screen = S.closed.kind === 'complete' ? 'COMPLETED' : 'CLOSED';
    $('#title').textContent = '';
    $('#body').replaceChildren(closedView());
    $('#footer').replaceChildren();
    drawPanes();
    return;
  }
  if (!entry) return;
  const screen = screenById(entry.id);
  const ctx = ctxFor(entry);
  phone.dataset.screen = entry.id;
  $('#title').textContent = toText(resolve(screen.title || '', ctx));
  $('#back').hidden = false;
  const focused = document.activeElement;
  const focusName = focused && focused.name && $('#body').contains(focused) ? focused.name : null;
  const selection = focusName && typeof focused.selectionStart === 'number' ? [focused.selectionStart, focused.selectionEnd] : null;
  const scroll = $('#body').scrollTop;

  const rt = {
    ctx,
    fields: [],
    footer: null,
    value: (name) => entry.form[name],
    errorFor: (name) => entry.errors[name],
    input: (name, value) => {
      entry.form[name] = value;
      if (entry.errors[name]) {
        const c = rt.fields.find((f) => f.name === name);
        const err = c ? validateField(c, value) : null;
        if (err) entry.errors[name] = err; else delete entry.errors[name];
      }
      remember(entry);
      draw();
    },
    blur: (name) => {
      const c = rt.fields.find((f) => f.name === name);
      if (!c) return;
      entry.touched.add(name);
      const err = validateField(c, entry.form[name]);
      const had = entry.errors[name];
      if (err) entry.errors[name] = err; else delete entry.errors[name];
      if (had !== entry.errors[name]) setTimeout(draw, 0);
    },
    toggle: (c, item, on) => {
      if (c.type === 'RadioButtonsGroup') entry.form[c.name] = item.id;
      else {
        const set = new Set(entry.form[c.name] || []);
        if (on) set.add(item.id); else set.delete(item.id);
        entry.form[c.name] = [...set];
      }
      delete entry.errors[c.name];
      remember(entry);
      draw();
      const action = on ? (item['on-select-action'] || c['on-select-action']) : (item['on-unselect-action'] || c['on-unselect-action']);
      if (action) runAction(action, c, item);
    },
    select: (c, item, value) => {
      entry.form[c.name] = value;
      delete entry.errors[c.name];
      remember(entry);
      draw();
      const action = (item && item['on-select-action']) || c['on-select-action'];
      if (action && !isEmpty(value)) runAction(action, c, item);
    },
    optIn: (c, checked) => {
      entry.form[c.name] = checked;
      delete entry.errors[c.name];
      remember(entry);
      draw();
      const action = checked ? c['on-select-action'] : c['on-unselect-action'];
      if (action) runAction(action, c);
    },
    action: (action, c, item) => runAction(action, c, item),
    footerClick: (footer) => {
      if (!validateAll(entry, rt.fields)) {
        log('error', `client-side validation failed on ${entry.id}`, entry.errors);
        draw();
        return;
      }
      runAction(footer['on-click-action'], footer);
    },
    upload: async (c, files) => {
      for (const file of files) {
        const bytes = await file.arrayBuffer();
        try {
          const media = await api('api/media', bytes, { 'x-file-name': encodeURIComponent(file.name), 'x-mime-type': file.type || 'application/octet-stream' });
          entry.form[c.name] = [...(entry.form[c.name] || []), media];
          log('nav', `${c.type} ${c.name}: ${file.name} encrypted and uploaded`, media);
        } catch (e) {
          log('error', `upload of ${file.name} failed: ${e.message}`);
        }
      }
      remember(entry);
      draw();
    },
    removeFile: (c, i) => {
      const list = [...(entry.form[c.name] || [])];
      list.splice(i, 1);
      entry.form[c.name] = list;
      remember(entry);
      draw();
    },
  };
  const children = renderChildren(screen.layout && screen.layout.children, rt);
  $('#body').replaceChildren(...children);
  const footer = rt.footer;
  const requiredFilled = rt.fields.every((c) => !(c.required === true) || !isEmpty(entry.form[c.name]));
  const enabled = footer && resolve(footer.enabled, ctx) !== false && requiredFilled && !S.busy;
  const fbar = renderFooter(footer, rt, enabled);
  $('#footer').replaceChildren(...(fbar ? [fbar] : []));
  $('#body').scrollTop = scroll;
  if (focusName) {
    const again = $('#body').querySelector(`[name="${CSS.escape(focusName)}"]`);
    if (again) {
      again.focus();
      if (selection && typeof again.setSelectionRange === 'function') {
        try { again.setSelectionRange(selection[0], selection[1]); } catch { /* not a text field */ }
      }
    }
  }
  drawPanes();
}

function closedView() {
  const c = S.closed;
  if (c.kind === 'complete') {
    const reply = c.webhook && c.webhook.entry ? c.webhook.entry[0].changes[0].value.messages[0] : null;
    return h('div', { class: 'closed complete' },
      h('div', { class: 'bubble out' }, h('div', { class: 'bubble-title' }, '✓ Sent'),
        h('pre', { id: 'completion-payload' }, JSON.stringify(c.params, null, 2))),
      h('p', { class: 'note' }, 'The flow is complete. Your server receives this completion webhook (nfm_reply):'),
      h('pre', { id: 'completion-webhook' }, JSON.stringify(reply ? reply.interactive : c.webhook, null, 2)),
      h('button', { type: 'button', class: 'cta', onclick: start }, 'Start again'));
  }
  if (c.kind === 'error') {
    return h('div', { class: 'closed error' }, h('p', { class: 'error-text', role: 'alert' }, c.message),
      h('button', { type: 'button', class: 'cta', onclick: start }, 'Start again'));
  }
  return h('div', { class: 'closed' }, h('p', {}, 'You closed the flow.'),
    h('button', { type: 'button', class: 'cta', onclick: start }, 'Start again'));
}

// ---------------------------------------------------------------- start

async function start() {
  const session = await api('api/session', {});
  S.token = session.flow_token;
  S.mode = session.mode;
  S.stack = [];
  S.screens = {};
  S.visited = new Set();
  S.closed = null;
  S.snack = null;
  $('#mode').textContent = session.mode === 'endpoint' ? `endpoint: ${session.endpoint}` : 'no endpoint: answers from the response file or the editor';
  $('#token').textContent = S.token;
  log('nav', `flow opened (flow_token ${S.token})`);
  if (!S.openChosen) {
    // An endpoint flow starts as WhatsApp starts it: with INIT, unless the URL says otherwise.
    S.openChosen = true;
    if (session.mode === 'endpoint' && S.flow.data_api_version) $('#open-with').value = 'init';
  }
  const first = $('#open-with').value === 'init' ? null : $('#start-screen').value || entryScreen(S.flow);
  if (first) {
    pushScreen(first, exampleData(screenById(first)));
    draw();
  } else {
    await exchange('INIT', undefined, {});
  }
}

/**
 * `?open=init|navigate` and `?screen=ID` choose how the flow opens (e.g. for a screenshot);
 * without `open`, an endpoint flow opens with INIT and any other with its first screen.
 */
function openFromUrl(params) {
  const open = params.get('open');
  if (open === 'init' || open === 'navigate') {
    $('#open-with').value = open;
    S.openChosen = true;
  }
  const screen = params.get('screen');
  if (screen && screenById(screen)) {
    $('#start-screen').value = screen;
    if (!open) {
      $('#open-with').value = 'navigate';
      S.openChosen = true;
    }
  }
}

/** The header's version line and the first-screen choice, for the current flow. */
function showFlowInfo() {
  $('#version').textContent = `Flow JSON ${S.version}${S.flow.data_api_version ? ` · Data API ${S.flow.data_api_version}` : ''}`;
  const select = $('#start-screen');
  const chosen = select.value;
  select.replaceChildren(...(S.flow.screens || []).map((s) => h('option', { value: s.id }, s.id)));
  select.value = screenById(chosen) ? chosen : entryScreen(S.flow);
}

/**
 * A text of the editor without errors becomes the previewed flow: the screens shown stay where
 * they still exist and are drawn again; without any, the flow starts again. Revision 0 is the
 * flow the page was opened with, already shown. `#phone[data-rev]` names the revision drawn.
 */
async function applyFlow(flow, rev) {
  if (rev > 0) {
    S.flow = flow;
    S.version = flow.version || '';
    showFlowInfo();
    log('nav', `editor: revision ${rev} has no errors, the preview shows it`);
    const gone = S.stack.findIndex((entry) => !screenById(entry.id));
    if (gone >= 0) S.stack.length = gone;
    if (S.stack.length === 0 && !S.closed) await start();
    else draw();
  }
  $('#phone').dataset.rev = String(rev);
}

async function main() {
  initFrame($('#device'), $('#frame-toggle'));
  S.flow = await api('api/flow');
  S.version = S.flow.version || '';
  showFlowInfo();
  openFromUrl(new URLSearchParams(window.location.search));
  $('#back').addEventListener('click', goBack);
  $('#close').addEventListener('click', () => { if (!S.closed) closeFlow(); });
  $('#restart').addEventListener('click', start);
  $('#manual-send').addEventListener('click', () => {
    try {
      const value = JSON.parse($('#manual-response').value);
      if (S.pendingManual) S.pendingManual(value);
    } catch (e) {
      $('#manual-error').textContent = `Not JSON: ${e.message}`;
    }
  });
  for (const tab of document.querySelectorAll('[data-tab]')) {
    tab.addEventListener('click', () => {
      document.querySelectorAll('[data-tab]').forEach((t) => t.classList.toggle('on', t === tab));
      document.querySelectorAll('.pane').forEach((p) => { p.hidden = p.id !== tab.dataset.tab; });
    });
  }
  await start();
  // The editor checks through the session that start() opened.
  const editor = createEditor({
    root: document.querySelector('.editor-pane'),
    check: (text) => api('api/validate', { text }),
    onDocument: applyFlow,
  });
  await editor.load(JSON.stringify(S.flow, null, 2));
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  log('error', `playground failed to start: ${e.message}`);
});

