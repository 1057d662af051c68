// The examples a user copies (`cargo run --example NAME`), clicked through in headless Chromium:
// each serves its endpoint and the playground, which opens the flow with INIT as WhatsApp does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../lib/browser.js';
import { freePort, start, waitFor } from '../lib/server.js';

const EXAMPLES = process.env.EXAMPLES_DIR;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
});

const onScreen = (page, id) => page.waitForSelector(`#phone[data-screen="${id}"][data-busy="false"]`);
const submit = (page) => page.locator('#footer .cta').click();

/** Starts example `name` on a free port; returns its base URL and the process. */
async function serve(name) {
  const port = await freePort();
  const bin = join(EXAMPLES, name);
  const proc = start(bin, [`127.0.0.1:${port}`]);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/playground`, 60_000, proc);
  return { base, proc };
}

const skip = !(EXAMPLES && existsSync(join(EXAMPLES ?? '', 'appointment_booking'))) && 'EXAMPLES_DIR has no built examples';

test('appointment_booking: a slot booked through the playground, then taken', { skip }, async () => {
  const { base, proc } = await serve('appointment_booking');
  try {
    const page = browser.page;
    // the trailing slash a user types reaches the page too
    await page.goto(`${base}/playground/`);
    await page.waitForSelector('body[data-ready="true"]');
    await onScreen(page, 'APPOINTMENT');
    const opened = JSON.parse(await page.locator('#log li.log-req pre').last().innerText());
    assert.equal(opened.action, 'INIT');
    // the times come from the endpoint's INIT answer, not from the flow's example data
    assert.deepEqual(await page.locator('select[name="time"] option').allInnerTexts(), ['', '09:00', '10:30', '14:00']);
    const book = async () => {
      await page.locator('select[name="department"]').selectOption('dermatology');
      await page.locator('input[name="date"]').fill('2027-01-14');
      await page.locator('select[name="time"]').selectOption('14:00');
      await submit(page);
    };
    await book();
    await onScreen(page, 'DETAILS');
    await page.locator('input[name="name"]').fill('Ada Lovelace');
    await page.locator('input[name="email"]').fill('ada@example.com');
    await page.locator('input[name="phone"]').fill('+351912345678');
    await submit(page);
    await onScreen(page, 'SUMMARY');
    assert.match(await page.locator('#body').innerText(), /Dermatology on 2027-01-14 at 14:00 for Ada Lovelace/);
    await page.locator('input[name="agree"]').check();
    await submit(page);
    await onScreen(page, 'COMPLETED');

    // the same slot again: the endpoint refuses it with a snackbar on APPOINTMENT
    await page.locator('button.cta', { hasText: 'Start again' }).click();
    await onScreen(page, 'APPOINTMENT');
    await book();
    await page.locator('#snackbar').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#snackbar').innerText(), 'That time was just taken, please pick another');
    assert.deepEqual(browser.errors, []);
  } finally {
    await proc.stop();
  }
});

test('two_screens: the README program greets by name', { skip }, async () => {
  const { base, proc } = await serve('two_screens');
  try {
    const page = browser.page;
    await page.goto(`${base}/`); // `/` leads to the playground
    await page.waitForSelector('body[data-ready="true"]');
    await onScreen(page, 'ASK');
    await page.locator('input[name="name"]').fill('Ada');
    await submit(page);
    await onScreen(page, 'GREETING');
    assert.match(await page.locator('#body').innerText(), /Hello Ada!/);
    await submit(page);
    await onScreen(page, 'COMPLETED');
    assert.deepEqual(browser.errors, []);
  } finally {
    await proc.stop();
  }
});
