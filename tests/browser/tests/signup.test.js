// The tutorial's whole sign-up / login journey, clicked through in headless Chromium against the
// real sign-up server (`cargo run --release -p sign-up`), one screenshot per screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch } from '../lib/browser.js';
import { ROOT, freePort, start, waitFor } from '../lib/server.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const WAFLOW = process.env.WAFLOW_BIN || join(ROOT, 'target', 'release', 'waflow');
const SIGN_UP = process.env.SIGN_UP_BIN || join(ROOT, 'target', 'release', 'sign-up');
let app;
let appPort;
let dataDir;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'waflow-signup-'));
  appPort = await freePort();
  const appArgs = ['--addr', `127.0.0.1:${appPort}`, '--data-dir', dataDir];
  // .ci/suites/browser.sh builds the release binary first; without it, `cargo run` builds it
  app = existsSync(SIGN_UP)
    ? start(SIGN_UP, appArgs)
    : start('cargo', ['run', '--quiet', '--release', '-p', 'sign-up', '--', ...appArgs]);
  await waitFor(`http://127.0.0.1:${appPort}/playground`, 540_000, app);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (app) await app.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const onScreen = (page, id) => page.waitForSelector(`#phone[data-screen="${id}"][data-busy="false"]`);
const snackbar = (page) => page.locator('#snackbar');
const submit = (page) => page.locator('#footer .cta').click();

async function shot(page, name, enabled) {
  if (enabled) await page.locator('#phone').screenshot({ path: join(SHOTS, `signup-${name}.png`), animations: 'disabled' });
}

/** On START: the "sign up" choice, whether it is a link (the tutorial) or an option + Continue. */
async function chooseSignUp(page) {
  const option = page.locator('label.option', { hasText: /sign up/i });
  if (await option.count()) {
    await option.first().locator('input').check();
    await submit(page);
  } else {
    await page.locator('.c-link', { hasText: /sign up/i }).first().click();
  }
}

/** The journey; `screenshots` saves one picture per screen. */
async function journey(page, url, screenshots) {
  const email = `ada.${Date.now()}@example.com`;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await onScreen(page, 'START');
  assert.equal(await page.locator('.routing .node.current').getAttribute('data-screen'), 'START');
  // An endpoint flow opens as WhatsApp opens it: START is INIT's answer, not the example data.
  const opened = JSON.parse(await page.locator('#log li.log-req pre').last().innerText());
  assert.equal(opened.action, 'INIT');
  await shot(page, 'start', screenshots);
  await chooseSignUp(page);

  // SIGN_UP: client-side validation first, then the endpoint's "passwords differ"
  await onScreen(page, 'SIGN_UP');
  await page.locator('input[name="first_name"]').fill('Ada');
  await page.locator('input[name="last_name"]').fill('Lovelace');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('short1');
  await page.locator('input[name="confirm_password"]').fill('short1');
  await submit(page);
  assert.equal(await page.locator('[data-field="password"] .error-text').innerText(), 'Enter at least 8 characters');
  await shot(page, 'validation', screenshots);

  await page.locator('input[name="password"]').fill('Passw0rd1');
  await page.locator('input[name="confirm_password"]').fill('Passw0rd2');
  await submit(page);
  await onScreen(page, 'SIGN_UP');
  await snackbar(page).waitFor({ state: 'visible' });
  const mismatch = await snackbar(page).innerText();
  assert.match(mismatch, /password/i);
  const exchanged = JSON.parse(await page.locator('#log li.log-res pre').first().innerText());
  assert.equal(exchanged.screen, 'SIGN_UP');
  assert.equal(exchanged.data.error_message, mismatch);
  const sent = JSON.parse(await page.locator('#log li.log-req pre').first().innerText());
  assert.equal(sent.action, 'data_exchange');
  assert.equal(sent.screen, 'SIGN_UP');
  assert.equal(sent.data.confirm_password, 'Passw0rd2');
  await shot(page, 'passwords-mismatch', screenshots);

  // fix it → LOGIN with the e-mail prefilled
  await page.locator('input[name="password"]').fill('Passw0rd1');
  await page.locator('input[name="confirm_password"]').fill('Passw0rd1');
  await submit(page);
  await onScreen(page, 'LOGIN');
  assert.equal(await page.locator('input[name="email"]').inputValue(), email);
  assert.equal(await page.locator('.routing .node.current').getAttribute('data-screen'), 'LOGIN');
  await shot(page, 'login-prefilled', screenshots);

  // wrong password → error, still LOGIN
  await page.locator('input[name="password"]').fill('wrong-passw0rd');
  await submit(page);
  await onScreen(page, 'LOGIN');
  await snackbar(page).waitFor({ state: 'visible' });
  assert.match(await snackbar(page).innerText(), /password/i);
  assert.equal(await page.locator('input[name="email"]').inputValue(), email);
  await shot(page, 'login-wrong-password', screenshots);

  // right password → success screen → complete
  await page.locator('input[name="password"]').fill('Passw0rd1');
  await submit(page);
  await onScreen(page, 'LOGIN_SUCCESS');
  // The previous screen's "Incorrect password" does not follow the user to the new screen.
  assert.equal(await snackbar(page).isVisible(), false);
  await page.locator('input[name="stay_logged_in"]').check();
  await shot(page, 'login-success', screenshots);
  await submit(page);
  await onScreen(page, 'COMPLETED');
  const payload = JSON.parse(await page.locator('#completion-payload').innerText());
  if ('stay_logged_in' in payload) assert.equal(payload.stay_logged_in, true);
  const hook = JSON.parse(await page.locator('#completion-webhook').innerText());
  assert.equal(hook.type, 'nfm_reply');
  const response = JSON.parse(hook.nfm_reply.response_json);
  assert.equal(response.flow_token, await page.locator('#token').innerText());
  await shot(page, 'complete', screenshots);
}

test('the sign-up journey through the app at /playground', async () => {
  await journey(browser.page, `http://127.0.0.1:${appPort}/playground`, true);
  assert.deepEqual(browser.errors, []);
});

test('`waflow playground --endpoint` reaches the app over HTTP; a token the app never issued is a 427', { skip: !existsSync(WAFLOW) && `no ${WAFLOW}` }, async () => {
  const port = await freePort();
  const flowFile = join(dataDir, 'app_flow.json');
  const flow = await (await fetch(`http://127.0.0.1:${appPort}/playground/api/flow`)).text();
  writeFileSync(flowFile, flow);
  const cli = start(WAFLOW, ['playground', flowFile,
    '--endpoint', `http://127.0.0.1:${appPort}/sign-up-flow`, '--public-key', join(dataDir, 'dev_public_key.pem'),
    '--addr', `127.0.0.1:${port}`]);
  try {
    const page = browser.page;
    await waitFor(`http://127.0.0.1:${port}/`, 30_000, cli);
    // `?open=navigate` opens on START without INIT, so the first exchange is START's
    await page.goto(`http://127.0.0.1:${port}/?open=navigate`);
    await page.waitForSelector('body[data-ready="true"]');
    await onScreen(page, 'START');
    assert.match(await page.locator('#mode').innerText(), /sign-up-flow/);
    // the first data_exchange carries the CLI's random token: the app answers 427, the flow closes
    const next = page.locator('#body .c-link, #body label.option').first();
    if (await page.locator('#body label.option').count()) {
      await next.locator('input').check();
      await submit(page);
    } else {
      await page.locator('#body .c-link').first().click();
      if ((await page.getAttribute('#phone', 'data-screen')) !== 'CLOSED') {
        await page.locator('#body input[name="email"]').fill('nobody@example.com');
        await page.locator('#body input[name="password"]').fill('Passw0rd1');
        if (await page.locator('#body input[name="confirm_password"]').count()) await page.locator('#body input[name="confirm_password"]').fill('Passw0rd1');
        for (const n of ['first_name', 'last_name']) if (await page.locator(`#body input[name="${n}"]`).count()) await page.locator(`#body input[name="${n}"]`).fill('X');
        await submit(page);
      }
    }
    await onScreen(page, 'CLOSED');
    assert.notEqual((await page.locator('#body .error-text').innerText()).trim(), '');
    assert.match(await page.locator('#log').innerText(), /427/);
    assert.deepEqual(browser.errors, []);
  } finally {
    await cli.stop();
  }
});
