// The page in public/ in headless Chromium, served over http and opened from disk
// (file://): the seed articles added through the file input, their dates marked as
// shared/examples/seeds/expected.json says, pasted markup kept as text, the public JS API,
// and no request leaving the page. Screenshots go to tests/artifacts/ (git-ignored).
//
// Run: (cd tests/browser && npm ci) once, then `node --test tests/browser/` after
// tools/build.sh has filled public/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = resolve(here, '..', '..', 'public');
const seedsDir = resolve(here, '..', '..', '..', 'shared', 'examples', 'seeds');
const artifactsDir = resolve(here, '..', 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const seedFiles = ['000_f69547d81110a782.txt', '004_4d6ec85c132eac13.txt'];
const timeout = 20_000;

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

let server;
let origin;

// A tiny static server for public/, on 127.0.0.1 and a free port, serving nothing outside it.
function startServer() {
  return new Promise((resolveStart, rejectStart) => {
    const instance = createServer((request, response) => {
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      } catch {
        response.writeHead(400).end('bad request');
        return;
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = resolve(publicDir, '.' + pathname);
      if (!file.startsWith(publicDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': mimeTypes[extname(file).toLowerCase()] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    });
    instance.on('error', rejectStart);
    instance.listen(0, '127.0.0.1', () => {
      server = instance;
      origin = `http://127.0.0.1:${instance.address().port}`;
      resolveStart();
    });
  });
}

before(async () => {
  for (const name of ['index.html', 'style.css', 'app.js', 'annotator-core.js']) {
    assert.ok(existsSync(join(publicDir, name)),
      `public/${name} is missing: build the site first (bash tools/build.sh)`);
  }
  for (const name of [...seedFiles, 'expected.json']) {
    assert.ok(existsSync(join(seedsDir, name)), `seed file missing: ${join(seedsDir, name)}`);
  }
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(artifactsDir, { recursive: true });
  await startServer();
});

after(async () => {
  if (server) {
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
});

// Waits for a condition in the page, failing with a message that says what was awaited.
async function waitFor(page, what, predicate, argument) {
  try {
    await page.waitForFunction(predicate, argument, { timeout });
  } catch (error) {
    const state = await page.evaluate(() => ({
      ready: document.body?.dataset.ready,
      state: document.body?.dataset.state,
      articles: document.body?.dataset.articles,
      status: document.getElementById('status')?.textContent?.trim(),
    })).catch(() => ({}));
    assert.fail(`timed out waiting for ${what}; page state: ${JSON.stringify(state)} (${error.message.split('\n')[0]})`);
  }
}

const idleWithArticles = (count) => document.body.dataset.articles === String(count) && document.body.dataset.state === 'idle';

async function selectTab(page, id) {
  const tab = page.locator(`#tabs [role="tab"][data-id="${id}"]`);
  assert.equal(await tab.count(), 1, `there should be exactly one tab for ${id}`);
  await tab.click();
  await waitFor(page, `tab ${id} to be active`,
    (wanted) => document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === wanted, id);
}

async function checkPage(mode) {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8'));
  const profile = mkdtempSync(join(tmpdir(), 'annotator-chromium-'));
  const requests = [];
  const pageErrors = [];
  const consoleErrors = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.on('request', (request) => requests.push(request.url()));
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 300)); });

    const url = mode === 'http' ? `${origin}/index.html` : pathToFileURL(join(publicDir, 'index.html')).href;
    await page.goto(url);
    await waitFor(page, 'the page to be ready (body[data-ready="true"])',
      () => document.body.dataset.ready && document.body.dataset.ready !== 'false');
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true',
      `the core did not load: ${await page.locator('#status').textContent()}`);

    // The two seed articles, through the file input, at once.
    await page.setInputFiles('#file-input', seedFiles.map((name) => join(seedsDir, name)));
    await waitFor(page, 'two analysed articles after choosing the seed files', idleWithArticles, 2);
    const tabIds = await page.locator('#tabs [role="tab"]').evaluateAll((tabs) => tabs.map((tab) => tab.dataset.id));
    assert.deepEqual(tabIds, seedFiles, 'one tab per seed file, named after the file');

    // Every date of expected.json, marked in its article with its value.
    for (const date of expected.dates) {
      await selectTab(page, date.doc);
      const marks = await page.locator('#article-view mark.mention[data-type="DATE"]').evaluateAll(
        (nodes) => nodes.map((node) => ({ text: node.textContent, value: node.dataset.value })));
      assert.ok(marks.some((mark) => mark.text === date.text && mark.value === date.value),
        `${date.doc}: no mark.mention[data-type="DATE"] "${date.text}" with data-value ${date.value}; ` +
        `marked: ${JSON.stringify(marks)}`);
    }
    const everyMark = await page.locator('#article-view mark.mention').evaluateAll((nodes) => nodes.map((node) => ({
      type: node.dataset.type, entity: node.getAttribute('data-entity'), value: node.getAttribute('data-value'), tip: node.title,
    })));
    for (const mark of everyMark) {
      assert.ok(mark.entity !== null && mark.value !== null, `every mention carries data-entity and data-value: ${JSON.stringify(mark)}`);
      assert.match(mark.tip, new RegExp(`^${mark.type} · `), `a mention's tooltip starts with its type: ${JSON.stringify(mark)}`);
    }

    // Tabs are labelled with the detected title (else the id), the document date is shown.
    const seeds = seedFiles.map((name) => ({ id: name, text: readFileSync(join(seedsDir, name), 'utf8') }));
    const analysed = await page.evaluate((documents) => window.annotator.analyze(documents), seeds);
    assert.ok(!analysed.error, `window.annotator.analyze failed on the seeds: ${analysed.error}`);
    for (const document of analysed.documents) {
      const label = await page.locator(`#tabs [role="tab"][data-id="${document.id}"] .tab__label`).textContent();
      assert.equal(label, (document.title ?? document.id).replace(/\s+/g, ' ').trim(), `tab label of ${document.id}`);
    }
    for (const document of expected.documents) {
      await selectTab(page, document.file);
      const info = await page.locator('#doc-info').textContent();
      if (document.date) {
        assert.ok(info.includes(document.date) && /dateline/i.test(info),
          `${document.file}: the side panel should show ${document.date} from the dateline, shows "${info}"`);
      }
    }

    // The reference date, set through the UI, resolves the undated article's relative dates.
    await selectTab(page, seedFiles[0]);
    await page.fill('#reference-date', '2018-04-12');
    await waitFor(page, 'the analysis after setting a reference date',
      () => document.body.dataset.state === 'idle' && document.querySelector('#article-view mark.mention[data-value="2018-04-09"]'));
    assert.ok(await page.locator('#article-view mark.mention', { hasText: 'Monday' }).first().getAttribute('data-value') === '2018-04-09',
      'with reference date 2018-04-12, "Monday" in the undated article should be 2018-04-09');

    // The public API, independent of the UI.
    const viaApi = await page.evaluate(() =>
      window.annotator.analyze([{ id: 'a', text: 'Ri arrived on Monday.' }], { reference_date: '2018-04-10' }));
    assert.ok(!viaApi.error, `window.annotator.analyze returned an error: ${viaApi.error}`);
    const monday = viaApi.documents?.[0]?.mentions?.find((mention) => mention.text === 'Monday');
    assert.ok(monday, `window.annotator.analyze found no "Monday": ${JSON.stringify(viaApi)}`);
    assert.equal(monday.value, '2018-04-09', 'Monday before Tuesday 2018-04-10 is 2018-04-09');

    // Pasted markup is shown as text and never runs.
    const hostile = 'Breaking: <script>window.__pwned=1</script><b>bold</b> <img src=x onerror="window.__pwned=2"> on Monday.';
    await page.fill('#paste-text', hostile);
    await page.click('#add-article');
    await waitFor(page, 'the pasted article to be added', idleWithArticles, 3);
    assert.equal(await page.locator('#tabs [aria-selected="true"]').getAttribute('data-id'), 'article-1',
      'a pasted article is named article-1 and becomes the active tab');
    const shown = await page.locator('#article-view .article__text').textContent();
    assert.equal(shown, hostile, 'the pasted text is shown exactly as typed');
    assert.equal(await page.locator('#article-view script, #article-view b, #article-view img').count(), 0,
      'pasted markup must not become elements');
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'pasted script must not run');
    assert.equal(await page.inputValue('#paste-text'), '', 'the text box is emptied once its text is a tab');

    // An article the core refuses ({"error"}): a visible message, its text kept in its tab,
    // the other articles still annotated.
    const refused = 'Half a text\u0000 and a NUL byte, sent on Monday.';
    await page.fill('#paste-text', refused);
    await page.click('#add-article');
    await waitFor(page, 'the refused pasted article to get a tab', idleWithArticles, 4);
    assert.match(await page.locator('#status').textContent(), /article-2[\s\S]*could not be analysed/,
      'an {"error"} from the core is shown in the status area');
    assert.equal(await page.locator('#article-view .article__text').textContent(), refused,
      'the refused article keeps its text, shown as given');
    await selectTab(page, seedFiles[1]);
    assert.ok(await page.locator('#article-view mark.mention').count() > 0,
      'the other articles stay annotated when one is refused');
    await page.click('#tabs .tab-remove[data-id="article-2"]');
    await waitFor(page, 'the refused article to be removed', idleWithArticles, 3);
    assert.equal(await page.locator('#status .notice--error').count(), 0,
      'the error about a removed article goes away');

    // A file with NUL bytes is refused with a visible message, and nothing else changes.
    await page.setInputFiles('#file-input', { name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) });
    await waitFor(page, 'a message refusing binary.txt',
      () => /binary\.txt[\s\S]*NUL/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#status').isVisible(), true, 'the status area is visible');
    assert.equal(await page.evaluate(() => document.body.dataset.articles), '3', 'the refused file adds no tab');

    // Removing a tab re-analyses the rest, and can be undone.
    await page.click('#tabs .tab-remove[data-id="article-1"]');
    await waitFor(page, 'the pasted article to be removed', idleWithArticles, 2);
    await page.click('#status .notice__action');
    await waitFor(page, 'the removed article to come back on Undo', idleWithArticles, 3);
    assert.equal(await page.locator('#article-view .article__text').textContent(), hostile, 'Undo restores the text');
    await page.click('#tabs .tab-remove[data-id="article-1"]');
    await waitFor(page, 'the pasted article to be removed again', idleWithArticles, 2);

    // Screenshot of the page as a user sees it first: the dated seed article, no messages.
    const closers = page.locator('#status .notice__close');
    for (let left = await closers.count(); left > 0; left--) await closers.first().click();
    assert.equal(await page.locator('#status').isVisible(), false, 'dismissed messages leave the status area hidden');
    await selectTab(page, seedFiles[1]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artifactsDir, `page-${mode}.png`), fullPage: true });

    // Phone width: everything fits, nothing scrolls sideways but the tab row.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `at 360 px wide the page scrolls sideways by ${overflow} px`);

    // Nothing was requested from anywhere but public/ (file mode) or the local server.
    const allowed = mode === 'http'
      ? (address) => new URL(address).origin === origin
      : (address) => address.startsWith(pathToFileURL(publicDir).href + '/');
    const strays = requests.filter((address) => !allowed(address));
    assert.deepEqual(strays, [], `requests outside ${mode === 'http' ? origin : 'public/'}`);
    assert.ok(requests.some((address) => address.endsWith('/annotator-core.js')), 'the core script was requested');
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

test('the page over http: seeds, dates, safety, API, no outside requests', { timeout: 120_000 }, () => checkPage('http'));
test('the page from disk (file://): seeds, dates, safety, API, no outside requests', { timeout: 120_000 }, () => checkPage('file'));
