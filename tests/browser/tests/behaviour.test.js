// Client behaviour without an endpoint: BACK with refresh_on_back, the answer editor, 427,
// components newer than the flow's version, screen titles with references.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { ROOT, freePort, start, waitFor } from '../lib/server.js';

const WAFLOW = process.env.WAFLOW_BIN || join(ROOT, 'target', 'release', 'waflow');
let server;
let browser;
let url;

before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = start(WAFLOW, ['playground', 'tests/browser/fixtures/behaviour_flow.json',
    '--responses', 'tests/browser/fixtures/behaviour_responses.json', '--addr', `127.0.0.1:${port}`]);
  await waitFor(url, 30_000, server);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const onScreen = (page, id) => page.waitForSelector(`#phone[data-screen="${id}"][data-busy="false"]`);

test('BACK, the answer editor, completion and 427', async () => {
  const { page, errors } = browser;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await onScreen(page, 'A');
  assert.equal(await page.locator('#title').innerText(), 'Counter 1');
  assert.match(await page.locator('#body').innerText(), /Count: 1/);
  assert.match(await page.locator('.unsupported').innerText(), /ChipsSelector needs Flow JSON 6\.3 \(this flow is 6\.0\)/);

  // refresh_on_back: BACK goes to the endpoint, which answers A with new data
  await page.locator('#footer .cta').click();
  await onScreen(page, 'B');
  await page.locator('#back').click();
  await onScreen(page, 'A');
  const back = JSON.parse(await page.locator('#log li.log-req pre').first().innerText());
  assert.deepEqual({ action: back.action, screen: back.screen, data: back.data }, { action: 'BACK', screen: 'B', data: {} });
  assert.equal(await page.locator('#title').innerText(), 'Counter 2');

  // no canned answer: the page asks for one
  await page.locator('#footer .cta').click();
  await onScreen(page, 'B');
  await page.getByText('Ask the endpoint').click();
  await page.waitForSelector('#manual:not([hidden])');
  const template = JSON.parse(await page.locator('#manual-response').inputValue());
  assert.equal(template.screen, 'C', 'the template follows the routing model');
  await page.locator('#manual-response').fill(JSON.stringify({ screen: 'C', data: { answer: '42', error_message: 'Typed by hand' } }));
  await page.locator('#manual-send').click();
  await onScreen(page, 'C');
  assert.match(await page.locator('#body').innerText(), /Answer: 42/);
  assert.equal(await page.locator('#snackbar').innerText(), 'Typed by hand');
  // open_url opens only http(s) URLs: a javascript: URL is refused, no window opens
  const windows = browser.context.pages().length;
  await page.getByText('Run a script').click();
  await page.waitForFunction(() => document.querySelector('#log').innerText.includes('open_url refused'));
  assert.equal(browser.context.pages().length, windows);
  assert.notEqual(await page.title(), 'pwned');
  // the session cookie is HttpOnly: the page's scripts cannot read it
  assert.equal(await page.evaluate(() => document.cookie), '');
  await page.locator('#footer .cta').click();
  await onScreen(page, 'COMPLETED');
  assert.deepEqual(JSON.parse(await page.locator('#completion-payload').innerText()), { answer: '42' });

  // 427: the flow closes with the endpoint's error_msg
  await page.locator('#body .cta', { hasText: 'Start again' }).click();
  await onScreen(page, 'A');
  await page.getByText('Expire the token').click();
  await onScreen(page, 'CLOSED');
  assert.equal(await page.locator('#body .error-text').innerText(), 'This flow has expired');
  assert.equal(await page.locator('#footer .cta').count(), 0);
  assert.deepEqual(errors, []);
});
