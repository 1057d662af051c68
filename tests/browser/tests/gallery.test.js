// Every component type of the Flow JSON model, rendered in the playground and screenshotted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch } from '../lib/browser.js';
import { ROOT, freePort, start, waitFor } from '../lib/server.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const WAFLOW = process.env.WAFLOW_BIN || join(ROOT, 'target', 'release', 'waflow');
let server;
let browser;
let url;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = start(WAFLOW, ['playground', 'tests/browser/fixtures/gallery_flow.json',
    '--responses', 'tests/browser/fixtures/gallery_responses.json', '--addr', `127.0.0.1:${port}`]);
  await waitFor(url, 30_000, server);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function shot(page, name) {
  await page.locator('#phone').screenshot({ path: join(SHOTS, `gallery-${name}.png`), animations: 'disabled' });
}

async function onScreen(page, id) {
  await page.waitForSelector(`#phone[data-screen="${id}"][data-busy="false"]`);
}

async function next(page) {
  await page.locator('#footer .cta').click();
}

test('every component type renders, behaves and is screenshotted', async () => {
  const { page, errors } = browser;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const seen = new Set();
  const collect = async () => {
    for (const cls of await page.locator('#body .component').evaluateAll((els) => els.map((e) => e.className))) {
      seen.add(cls.replace('component t-', ''));
    }
    if (await page.locator('#footer .cta').count()) seen.add('Footer');
  };

  // text
  await onScreen(page, 'TEXT');
  await collect();
  assert.match(await page.locator('.md b').first().innerText(), /bold/);
  assert.equal(await page.locator('.routing .node.current').getAttribute('data-screen'), 'TEXT');
  await shot(page, 'text');
  await page.getByText('EmbeddedLink to rich text').click();

  // rich text
  await onScreen(page, 'RICH');
  await collect();
  assert.equal(await page.locator('.c-richtext h1').innerText(), 'RichText heading');
  assert.equal(await page.locator('.c-richtext td').count(), 6);
  await shot(page, 'richtext');
  await next(page);

  // inputs: client-side validation with the error texts
  await onScreen(page, 'INPUTS');
  await collect();
  assert.equal(await page.locator('#footer .cta').isDisabled(), true, 'required field empty: CTA disabled');
  await page.locator('input[name="text"]').fill('hello');
  await page.locator('input[name="email"]').fill('not-an-email');
  await page.locator('input[name="password"]').fill('short');
  await page.locator('input[name="code"]').fill('abc');
  await page.locator('input[name="number"]').fill('12x');
  await next(page);
  const errorOf = (name) => page.locator(`[data-field="${name}"] .error-text`).innerText();
  assert.equal(await errorOf('email'), 'Enter a valid email address');
  assert.equal(await errorOf('password'), 'Enter at least 8 characters');
  assert.equal(await errorOf('code'), 'Three capitals');
  assert.equal(await errorOf('number'), 'Enter a valid number');
  assert.equal(await page.getAttribute('#phone', 'data-screen'), 'INPUTS', 'invalid form does not submit');
  await shot(page, 'inputs');
  await page.locator('input[name="email"]').fill('a@b.co');
  await page.locator('input[name="password"]').fill('longenough1');
  await page.locator('input[name="code"]').fill('ABC');
  await page.locator('input[name="number"]').fill('12');
  await page.locator('textarea[name="notes"]').fill('Some notes');
  await next(page);

  // selections
  await onScreen(page, 'SELECTIONS');
  await collect();
  await page.locator('[data-field="toppings"] input[value="cheese"]').check();
  await page.locator('[data-field="toppings"] input[value="olives"]').check();
  await page.locator('[data-field="toppings"] input[value="basil"]').check();
  await page.locator('[data-field="size"] input[value="l"]').check();
  await page.locator('select[name="city"]').selectOption('osl');
  await page.locator('.chip[data-id="b"]').click();
  await page.locator('input[name="news"]').check();
  await next(page);
  assert.equal(await errorOf('toppings'), 'Select no more than 2 options');
  await page.locator('[data-field="toppings"] input[value="basil"]').uncheck();
  await shot(page, 'selections');
  await next(page);

  // dates
  await onScreen(page, 'DATES');
  await collect();
  await page.locator('input[name="day"]').fill('2026-05-04');
  await page.locator('input[name="stay.start-date"]').fill('2026-06-01');
  await page.locator('input[name="stay.end-date"]').fill('2026-06-07');
  await shot(page, 'dates');
  await next(page);

  // images
  await onScreen(page, 'MEDIA');
  await collect();
  assert.equal(await page.locator('.c-carousel img').count(), 2);
  await shot(page, 'images');
  await next(page);

  // photo picker: the file is encrypted by the backend, the payload carries the CDN entry
  await onScreen(page, 'PHOTOS');
  await collect();
  await page.locator('input[name="photos"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
  await page.waitForSelector('.picker .files li');
  await shot(page, 'photopicker');
  await next(page);
  await onScreen(page, 'DOCUMENTS');
  const request = JSON.parse(await page.locator('#log li.log-req pre').first().innerText());
  assert.equal(request.action, 'data_exchange');
  assert.equal(request.data.photos[0].file_name, 'receipt.png');
  assert.ok(request.data.photos[0].encryption_metadata.encrypted_hash);
  const cdn = await fetch(request.data.photos[0].cdn_url);
  assert.equal(cdn.status, 200);
  assert.notEqual(Buffer.from(await cdn.arrayBuffer()).toString(), 'not really a png');

  // document picker
  await collect();
  const pdf = join(tmpdir(), 'waflow-contract.pdf');
  writeFileSync(pdf, '%PDF-1.4 contract');
  await page.locator('input[name="docs"]').setInputFiles(pdf);
  await page.waitForSelector('.picker .files li');
  await shot(page, 'documentpicker');
  await next(page);

  // conditions: If, Switch, backtick expressions, visible
  await onScreen(page, 'CONDITIONS');
  await collect();
  const body = () => page.locator('#body').innerText();
  assert.match(await body(), /If: not a cat/);
  assert.match(await body(), /Switch: default case/);
  await page.locator('input[name="animal"]').fill('cat');
  await page.locator('input[name="count"]').fill('5');
  assert.match(await body(), /If: it is a cat/);
  assert.match(await body(), /Hello, the double is 10/);
  assert.match(await body(), /visible: count is above the limit/);
  await page.locator('input[name="animal"]').fill('dog');
  assert.match(await body(), /Switch: a dog/);
  await page.locator('input[name="count"]').fill('2');
  assert.doesNotMatch(await body(), /visible: count is above the limit/);
  await page.locator('input[name="animal"]').fill('cat');
  await shot(page, 'conditions');
  await next(page);

  // navigation list
  await onScreen(page, 'NAVIGATION');
  await collect();
  await shot(page, 'navigationlist');
  await page.locator('.nav-item[data-id="full"]').click();

  // completion
  await onScreen(page, 'DONE');
  assert.match(await body(), /You chose full/);
  await shot(page, 'footer');
  await next(page);
  await onScreen(page, 'COMPLETED');
  const payload = JSON.parse(await page.locator('#completion-payload').innerText());
  assert.deepEqual(payload, { plan: 'full', animal: 'cat' });
  await shot(page, 'complete');

  const expected = ['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText', 'TextInput', 'TextArea',
    'CheckboxGroup', 'RadioButtonsGroup', 'Dropdown', 'ChipsSelector', 'OptIn', 'EmbeddedLink', 'DatePicker',
    'CalendarPicker', 'Image', 'ImageCarousel', 'PhotoPicker', 'DocumentPicker', 'NavigationList', 'Footer'];
  for (const type of expected) assert.ok(seen.has(type), `${type} was rendered`);
  assert.deepEqual(errors, []);
});
