// The Flow JSON editor: a plain textarea over a backdrop that marks the validator's findings,
// a gutter with line numbers, and the list of findings beside it.
//
// Every edit is checked by the server (`api/validate`, waflow-json's validator, the same one
// `waflow validate` runs) 250 ms after the last keystroke. The server places each finding in the
// exact text it was sent: `from`/`to` in UTF-16 code units (what `textarea.value` counts),
// `line`/`column` for people. The findings are drawn first; only a text without errors is handed
// to `onDocument`, which re-renders the preview.
import { h } from './render.js';

/** Milliseconds without a keystroke before the text is checked. */
export const DEBOUNCE_MS = 250;

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Wires the editor. `check(text)` answers the server's validation; `onDocument(flow, rev)` is
 * called with every parsed text that has no errors (rev 0 is the text the editor started with).
 */
export function createEditor({ root, check, onDocument }) {
  const source = root.querySelector('#source');
  const backdrop = root.querySelector('#backdrop');
  const layer = h('div', { class: 'marks' });
  backdrop.replaceChildren(layer);
  const gutter = root.querySelector('#gutter');
  const list = root.querySelector('#findings');
  const status = root.querySelector('#editor-status');
  let rev = 0;
  let timer = null;
  let lines = 0;

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function paintGutter(text, findings) {
    const count = text.split('\n').length;
    if (count !== lines) {
      const rows = [];
      for (let i = 1; i <= count; i += 1) rows.push(h('div', { 'data-line': String(i) }, String(i)));
      gutter.replaceChildren(...rows);
      lines = count;
    }
    for (const row of gutter.querySelectorAll('.error, .warning')) {
      row.classList.remove('error', 'warning');
      row.removeAttribute('title');
    }
    for (const f of findings) {
      for (let line = f.line; line <= Math.max(f.line, f.end_line - (f.end_column === 1 ? 1 : 0)); line += 1) {
        const row = gutter.children[line - 1];
        if (!row || row.classList.contains('error')) continue;
        row.classList.remove('warning');
        row.classList.add(f.severity === 'error' ? 'error' : 'warning');
        row.title = `${f.code}: ${f.message}`;
      }
    }
    gutter.scrollTop = source.scrollTop;
  }

  /** Width of one character of the editor's monospace font, measured without touching the DOM. */
  function charWidth() {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = getComputedStyle(source).font;
    return ctx.measureText('0'.repeat(10)).width / 10 || 7.2;
  }

  /**
   * One empty `<mark>` per line a finding covers, placed over the textarea's characters by line
   * and column (the backdrop holds no copy of the text, so it is never found as page text).
   */
  function paintMarks(text, findings) {
    const style = getComputedStyle(source);
    const lineHeight = parseFloat(style.lineHeight) || 18;
    const padTop = parseFloat(style.paddingTop) || 0;
    const padLeft = parseFloat(style.paddingLeft) || 0;
    const width = charWidth();
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const lineOf = (offset) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
      }
      return lo;
    };
    // Columns as the textarea draws them: tabs to the next stop of 2.
    const columns = (line, offset) => {
      let col = 0;
      for (const c of text.slice(starts[line], offset)) col = c === '\t' ? col + 2 - (col % 2) : col + 1;
      return col;
    };
    const clamp = (n) => Math.max(0, Math.min(text.length, n));
    const marks = [];
    for (const f of findings) {
      const [from, to] = [clamp(f.from), clamp(f.to)];
      if (to <= from) continue;
      for (let line = lineOf(from), last = lineOf(to - 1); line <= last; line += 1) {
        const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
        const a = Math.max(from, starts[line]);
        const b = Math.min(to, lineEnd);
        const left = columns(line, a);
        const right = Math.max(columns(line, b), left + 1);
        const mark = h('mark', {
          class: `finding ${f.severity === 'error' ? 'error' : 'warning'}`,
          'data-codes': f.code,
          'data-from': String(a),
          'data-to': String(b),
        });
        mark.style.top = `${padTop + line * lineHeight}px`;
        mark.style.left = `${padLeft + left * width}px`;
        mark.style.width = `${(right - left) * width}px`;
        mark.style.height = `${lineHeight}px`;
        marks.push(mark);
      }
    }
    // Errors drawn over warnings.
    marks.sort((x, y) => Number(x.classList.contains('error')) - Number(y.classList.contains('error')));
    layer.replaceChildren(...marks);
    sync();
  }

  function jump(f) {
    source.focus();
    source.setSelectionRange(f.from, Math.max(f.from, f.to));
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 18;
    source.scrollTop = Math.max(0, (f.line - 3) * lineHeight);
    sync();
  }

  function paintList(findings, r) {
    const items = findings.map((f, i) => h('li', {
      class: `finding ${f.severity}`,
      'data-code': f.code,
      'data-index': String(i),
      tabindex: '0',
      onclick: () => jump(f),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jump(f); } },
    },
    h('span', { class: 'where' }, `${f.line}:${f.column}`),
    h('span', { class: 'code' }, f.code),
    h('span', { class: 'message' }, f.message),
    f.pointer ? h('code', { class: 'pointer' }, f.pointer) : null));
    list.replaceChildren(...items);
    list.dataset.rev = String(r);
    list.dataset.count = String(findings.length);
  }

  function sync() {
    layer.style.transform = `translate(${-source.scrollLeft}px, ${-source.scrollTop}px)`;
    gutter.scrollTop = source.scrollTop;
  }

  async function run(r) {
    const text = source.value;
    let answer;
    try {
      answer = await check(text);
    } catch (e) {
      if (r === rev) setStatus('failed', `could not check: ${e.message}`);
      return;
    }
    if (r !== rev) return; // a newer text is on its way
    paintMarks(text, answer.findings);
    paintGutter(text, answer.findings);
    paintList(answer.findings, r);
    if (!answer.json || answer.errors > 0) {
      setStatus('errors', `${plural(answer.errors, 'error')}, ${plural(answer.warnings, 'warning')}: the preview keeps the last document without errors`);
      return;
    }
    let flow;
    try {
      flow = JSON.parse(text);
    } catch (e) {
      setStatus('errors', `not JSON: ${e.message}`);
      return;
    }
    setStatus('ok', answer.warnings ? `${plural(answer.warnings, 'warning')}, no errors` : 'no findings');
    try {
      await onDocument(flow, r);
    } catch (e) {
      setStatus('failed', `the preview could not show it: ${e.message}`);
    }
  }

  source.addEventListener('input', () => {
    rev += 1;
    const text = source.value;
    // Old marks would sit on the wrong characters: drop them until the new answer.
    paintMarks(text, []);
    paintGutter(text, []);
    setStatus('checking', 'checking…');
    clearTimeout(timer);
    const r = rev;
    timer = setTimeout(() => { run(r); }, DEBOUNCE_MS);
  });
  source.addEventListener('scroll', sync);

  return {
    /** Replaces the text (revision 0) and checks it at once. */
    load(text) {
      rev = 0;
      source.value = text;
      paintMarks(text, []);
      paintGutter(text, []);
      setStatus('checking', 'checking…');
      return run(0);
    },
  };
}
