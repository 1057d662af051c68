// The Flow JSON editor (findings as you type, from waflow-json's validator through
// api/validate, marked in the text and listed beside it before the preview re-renders) and the
// WhatsApp Web frame of the preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { ROOT, freePort, start, waitFor } from '../lib/server.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const WAFLOW = process.env.WAFLOW_BIN || join(ROOT, 'target', 'release', 'waflow');
let server;
let browser;
let url;

before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = start(WAFLOW, ['playground', 'tests/browser/fixtures/editor_flow.json', '--addr', `127.0.0.1:${port}`]);
  await waitFor(url, 30_000, server);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const onScreen = (page, id) => page.waitForSelector(`#phone[data-screen="${id}"][data-busy="false"]`);

/** Puts the editor's cursor right after the first occurrence of `needle`; returns that offset. */
async function cursorAfter(page, needle) {
  return page.locator('#source').evaluate((el, n) => {
    const at = el.value.indexOf(n);
    if (at < 0) throw new Error(`${n} is not in the editor`);
    el.focus();
    el.setSelectionRange(at + n.length, at + n.length);
    return at + n.length;
  }, needle);
}

/** Waits until the findings list shows a revision newer than `rev`; returns it. */
async function nextFindings(page, rev) {
  await page.waitForFunction((r) => Number(document.querySelector('#findings').dataset.rev) > r, rev);
  return Number(await page.locator('#findings').getAttribute('data-rev'));
}

/** The editor's text under a mark (marks are empty boxes naming their UTF-16 range). */
async function markedText(page, mark) {
  const [from, to] = [Number(await mark.getAttribute('data-from')), Number(await mark.getAttribute('data-to'))];
  return (await page.locator('#source').inputValue()).slice(from, to);
}

/** 1-based line and column (UTF-16 units) of `offset` in `text`. */
function lineColumn(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

test('findings appear as you type, marked and listed, before the preview re-renders', async () => {
  const { page, errors } = browser;
  const checks = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/validate')) checks.push(JSON.parse(r.postData()).text); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await onScreen(page, 'HELLO');
  // the flow the page opened with is checked at once: no findings, and it is what the phone shows
  assert.equal(await page.locator('#findings').getAttribute('data-rev'), '0');
  assert.equal(await page.locator('#findings li').count(), 0);
  assert.equal(await page.locator('#phone').getAttribute('data-rev'), '0');
  assert.equal(await page.locator('#editor-status').getAttribute('data-state'), 'ok');
  assert.equal(await page.locator('#body .c-heading').innerText(), 'Welcome');

  // which of the findings list and the phone shows each revision first
  await page.evaluate(() => {
    window.order = [];
    const watch = (el) => new MutationObserver(() => window.order.push(`${el.id}:${el.dataset.rev}`))
      .observe(el, { attributes: true, attributeFilter: ['data-rev'] });
    watch(document.querySelector('#findings'));
    watch(document.querySelector('#phone'));
  });

  // a mistake, typed: a property TextHeading does not have
  const mistake = ', "colour": "red"';
  const at = await cursorAfter(page, '"text": "Welcome"');
  const before = checks.length;
  await page.keyboard.type(mistake, { delay: 15 });
  let rev = await nextFindings(page, 0);
  const typedChecks = checks.length - before;
  assert.ok(typedChecks >= 1 && typedChecks < mistake.length, `debounced: ${typedChecks} checks for ${mistake.length} keys`);
  const item = page.locator('#findings li[data-code="INVALID_PROPERTY_KEY"]');
  assert.equal(await item.count(), 1);
  assert.match(await item.innerText(), /Property 'colour' is not allowed in 'TextHeading' component/);
  assert.match(await item.locator('.pointer').innerText(), /^\/screens\/0\/layout\/children\/0\/colour$/);
  const text = await page.locator('#source').inputValue();
  const markAt = at + 2; // after ", "
  assert.equal(await item.locator('.where').innerText(), lineColumn(text, markAt));
  const mark = page.locator('#backdrop mark.error[data-codes~="INVALID_PROPERTY_KEY"]');
  assert.equal(await mark.count(), 1);
  assert.equal(await markedText(page, mark), '"colour": "red"');
  // the mark sits over the very characters of the textarea
  const line = Number(lineColumn(text, markAt).split(':')[0]);
  assert.equal(await page.locator(`#gutter [data-line="${line}"]`).getAttribute('class'), 'error');
  assert.equal(await page.locator('#gutter .error').count(), 1);
  const markBox = await mark.boundingBox();
  const sourceBox = await page.locator('#source').boundingBox();
  const scrollTop = await page.locator('#source').evaluate((el) => el.scrollTop);
  const lineTop = sourceBox.y + 8 + (line - 1) * 18 - scrollTop; // padding 8px, lines 18px
  assert.ok(Math.abs(markBox.y - lineTop) <= 1 && Math.abs(markBox.height - 18) <= 1,
    `the mark sits on line ${line}: ${JSON.stringify({ markBox, lineTop })}`);
  // and on its columns: it ends where its text ends, at the same character width
  const column = Number(lineColumn(text, markAt).split(':')[1]);
  const width = markBox.width / '"colour": "red"'.length;
  const scrollLeft = await page.locator('#source').evaluate((el) => el.scrollLeft);
  assert.ok(Math.abs(markBox.x - (sourceBox.x + 8 + (column - 1) * width - scrollLeft)) <= 1, 'the mark starts at its column');
  // the preview keeps the document without errors
  assert.equal(await page.locator('#phone').getAttribute('data-rev'), '0');
  assert.equal(await page.locator('#editor-status').getAttribute('data-state'), 'errors');
  assert.deepEqual(await page.evaluate(() => window.order), [`findings:${rev}`]);

  // clicking the finding selects its place in the editor
  await page.locator('#source').evaluate((el) => el.setSelectionRange(0, 0));
  await item.click();
  // and brings its mark into view
  const shown = await mark.boundingBox();
  assert.ok(shown.y >= sourceBox.y && shown.y < sourceBox.y + sourceBox.height, `the mark is in view: ${JSON.stringify({ shown, sourceBox })}`);
  const selected = await page.locator('#source').evaluate((el) => [document.activeElement === el, el.value.slice(el.selectionStart, el.selectionEnd)]);
  assert.deepEqual(selected, [true, '"colour": "red"']);
  await page.screenshot({ path: join(SHOTS, 'playground-editor-finding.png'), clip: await page.locator('.editor-pane').boundingBox(), animations: 'disabled' });

  // fixed: the mark and the entry go away, then the phone draws the revision
  await cursorAfter(page, mistake);
  for (let i = 0; i < mistake.length; i += 1) await page.keyboard.press('Backspace');
  rev = await nextFindings(page, rev);
  await page.waitForSelector(`#phone[data-rev="${rev}"]`);
  assert.equal(await page.locator('#findings li').count(), 0);
  assert.equal(await page.locator('#backdrop mark').count(), 0);
  assert.equal(await page.locator('#gutter .error').count(), 0);
  assert.equal(await page.locator('#editor-status').getAttribute('data-state'), 'ok');

  // an edit without errors: findings first, then the preview shows it, on the same screen
  await cursorAfter(page, '"text": "Welcome');
  await page.keyboard.type(' back');
  rev = await nextFindings(page, rev);
  await page.waitForSelector(`#phone[data-rev="${rev}"]`);
  assert.equal(await page.locator('#body .c-heading').innerText(), 'Welcome back');
  const order = await page.evaluate(() => window.order);
  for (const r of order.filter((e) => e.startsWith('phone:')).map((e) => e.split(':')[1])) {
    assert.ok(order.indexOf(`findings:${r}`) >= 0 && order.indexOf(`findings:${r}`) < order.indexOf(`phone:${r}`), `findings before the preview: ${order}`);
  }

  // text that is not JSON: one INVALID_JSON finding at the parser's line and column
  const stray = await cursorAfter(page, '"title": "Hello"');
  await page.keyboard.type(' x');
  rev = await nextFindings(page, rev);
  const syntax = page.locator('#findings li[data-code="INVALID_JSON"]');
  assert.equal(await syntax.count(), 1);
  assert.equal(await page.locator('#findings li').count(), 1);
  const broken = await page.locator('#source').inputValue();
  assert.equal(await syntax.locator('.where').innerText(), lineColumn(broken, stray + 1));
  assert.equal(await markedText(page, page.locator('#backdrop mark.error[data-codes="INVALID_JSON"]')), 'x');
  assert.notEqual(await page.locator('#phone').getAttribute('data-rev'), String(rev));
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  rev = await nextFindings(page, rev);
  await page.waitForSelector(`#phone[data-rev="${rev}"]`);
  assert.equal(await page.locator('#findings li').count(), 0);

  // the flow still runs on the edited document
  await page.locator('#footer .cta').click();
  await onScreen(page, 'DONE');
  assert.deepEqual(errors, []);
});

test('the preview toggles to a WhatsApp Web frame, kept across reloads, and the flow runs in both', async () => {
  const { page, errors } = browser;
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await onScreen(page, 'HELLO');
  const device = page.locator('#device');
  const toggle = page.locator('#frame-toggle');
  assert.equal(await device.getAttribute('data-frame'), 'phone');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.web-chat').isVisible(), false);
  const phoneBox = await page.locator('#phone').boundingBox();
  assert.equal(Math.round(phoneBox.width), 390);

  await toggle.click();
  assert.equal(await device.getAttribute('data-frame'), 'web');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.web-chat').isVisible(), true);
  assert.equal(await page.locator('.web-side').isVisible(), true);
  assert.equal(await page.locator('.statusbar').isVisible(), false);
  const webBox = await device.boundingBox();
  const drawer = await page.locator('#phone').boundingBox();
  assert.ok(webBox.width > 2 * drawer.width, `a desktop window (${webBox.width}) with a drawer (${drawer.width})`);
  assert.ok(Math.abs(drawer.x + drawer.width - (webBox.x + webBox.width)) <= 2, 'the drawer is on the right');
  assert.ok(drawer.height > phoneBox.height * 0.8 && drawer.height <= webBox.height);
  // the flow runs in the drawer
  await page.locator('#footer .cta').click();
  await onScreen(page, 'DONE');
  await page.screenshot({ path: join(SHOTS, 'playground-whatsapp-web.png'), clip: webBox, animations: 'disabled' });
  await page.locator('#back').click();
  await onScreen(page, 'HELLO');

  // kept across a reload
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await device.getAttribute('data-frame'), 'web');
  assert.equal(await page.evaluate(() => localStorage.getItem('waflow.playground.frame')), 'web');
  await onScreen(page, 'HELLO');
  await page.locator('#footer .cta').click();
  await onScreen(page, 'DONE');

  // and back to the phone
  await toggle.click();
  assert.equal(await device.getAttribute('data-frame'), 'phone');
  assert.equal(await page.locator('.web-chat').isVisible(), false);
  assert.equal(Math.round((await page.locator('#phone').boundingBox()).width), 390);
  await onScreen(page, 'DONE');
  await page.locator('#footer .cta').click();
  await onScreen(page, 'COMPLETED');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await device.getAttribute('data-frame'), 'phone');
  await onScreen(page, 'HELLO');
  await page.locator('#footer .cta').click();
  await onScreen(page, 'DONE');
  assert.deepEqual(errors, []);
});
