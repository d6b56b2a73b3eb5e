// The page as an offline app, in headless Chromium: over http, offline.js registers sw.js,
// which stores every file of precache.js and controls the page; the manifest it links parses,
// makes the page installable and has 192 and 512 px PNG icons; then with the network off and
// the server stopped, a reload comes entirely from the cache and analysing text still works.
// A changed build is installed on the next visit, announced as an update, and the old cache
// is dropped; a broken one is reported and not installed. From file:// no registration is attempted and nothing is logged.
// The offline screenshot goes to tests/artifacts/offline-http.png (git-ignored).
//
// Run: `node --test tests/browser/offline.test.mjs` after tools/build.sh has filled public/.
// ANNOTATOR_PUBLIC_DIR=<dir> runs it against another copy of the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, createReadStream, appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import {
  artifactsDir, chromiumPath, idleWithArticles, origin, pageUrl, publicDir, startServer, stopServer, waitFor, withPage,
} from './support.mjs';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteFiles = ['index.html', 'offline.js', 'sw.js', 'precache.js', 'manifest.webmanifest', 'annotator-core.js'];
const sample = [{ id: 'a', text: 'Sergey Lavrov met Kim Jong-un in Pyongyang on Monday.' }];

// The list and version that tools/make-precache.py wrote for a copy of the site.
function readPrecache(dir) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(dir, 'precache.js'), 'utf8'), sandbox);
  return JSON.parse(JSON.stringify(sandbox.self.PRECACHE));  // plain objects of this realm
}

// Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// What web/index.html must carry for the offline parts to run; fails naming what is missing.
function assertIntegrated() {
  const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
  const directive = (name) => csp.split(';').map((part) => part.trim().split(/\s+/)).find(([key]) => key === name)?.slice(1) ?? [];
  const missing = [];
  if (!/<script src="offline\.js"( defer)?><\/script>/.test(html)) missing.push('<script src="offline.js" defer></script> with the other scripts');
  if (!directive('worker-src').includes("'self'")) missing.push("CSP directive worker-src 'self' (for sw.js)");
  if (!directive('manifest-src').includes("'self'")) missing.push("CSP directive manifest-src 'self'");
  if (/<link[^>]+rel="manifest"/.test(html)) {
    missing.push('no <link rel="manifest"> of its own: offline.js adds it over http(s); from file:// Chromium logs a CORS error for it');
  }
  assert.deepEqual(missing, [], `public/index.html (from web/index.html) is not yet wired for offline use; it needs: ${missing.join('; ')}`);
}

// Records the page's 'annotator:offline' events in window.offlineEvents, from the first script on.
const recordOfflineEvents = () => {
  window.offlineEvents = [];
  window.addEventListener('annotator:offline', (event) => window.offlineEvents.push(event.detail));
};

async function waitUntilReady(page) {
  await waitFor(page, 'the page to be ready (body[data-ready="true"])',
    () => document.body.dataset.ready && document.body.dataset.ready !== 'false');
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true',
    `the core did not load: ${await page.locator('#status').textContent()}`);
}

async function cacheState(page) {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('news-annotator '));
    const entries = {};
    for (const name of names) entries[name] = (await (await caches.open(name)).keys()).map((request) => request.url).sort();
    return entries;
  });
}

async function analyseSample(page) {
  const result = await page.evaluate((documents) => window.annotator.analyze(documents), sample);
  assert.ok(!result.error, `window.annotator.analyze failed: ${result.error}`);
  const names = (result.entities ?? []).map((entity) => entity.name ?? entity.canonical ?? entity.text);
  assert.ok((result.entities ?? []).length >= 2, `entities expected in the sample, got ${JSON.stringify(result.entities)}`);
  return names;
}

// A second static server, for a copy of the site that the update test changes.
function serveDirectory(dir) {
  return new Promise((resolveStart) => {
    const server = createServer((request, response) => {
      let pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = resolve(dir, '.' + pathname);
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' }[/\.[a-z]+$/.exec(file)?.[0]];
      response.writeHead(200, { 'content-type': type ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    });
    server.listen(0, '127.0.0.1', () => resolveStart({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

before(async () => {
  for (const name of siteFiles) {
    assert.ok(existsSync(join(publicDir, name)),
      `${join(publicDir, name)} is missing: build the site first (bash tools/build.sh copies web/ and writes precache.js)`);
  }
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(artifactsDir, { recursive: true });
  await startServer();
});

after(stopServer);

test('index.html loads offline.js and allows the worker and the manifest in its CSP', () => {
  assertIntegrated();
});

test('over http: stored for offline use, installable, and working with the network off', { timeout: 120_000 }, async () => {
  assertIntegrated();
  const precache = readPrecache(publicDir);
  await withPage(async ({ page, pageErrors, consoleErrors }) => {
    const context = page.context();
    await page.addInitScript(recordOfflineEvents);
    await page.goto(pageUrl('http'));
    await waitUntilReady(page);

    // First visit: every precached file stored, the page controlled, 'ready' announced once.
    await waitFor(page, "the 'annotator:offline' event with state 'ready'",
      () => window.offlineEvents.some((detail) => detail.state === 'ready'));
    await waitFor(page, 'the page to be controlled by the service worker', () => navigator.serviceWorker.controller !== null);
    const offline = await page.evaluate(() => ({
      events: window.offlineEvents, status: { ...window.NewsAnnotator.offline },
      scope: navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL,
    }));
    assert.deepEqual(offline.events, [{ state: 'ready', version: precache.version, message: null }], 'one ready event with the built version');
    assert.deepEqual(offline.status, { state: 'ready', version: precache.version });
    assert.equal(offline.scope, `${origin}/sw.js`);
    const cached = await cacheState(page);
    assert.deepEqual(Object.keys(cached), [`news-annotator ${origin}/ ${precache.version}`], 'one cache, named after scope and version');
    assert.deepEqual(Object.values(cached)[0], precache.files.map((file) => `${origin}/${file}`).sort(), 'the cache holds exactly the precached files');
    for (const file of ['index.html', 'style.css', 'app.js', 'offline.js', 'annotator-core.js', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png']) {
      assert.ok(precache.files.includes(file), `precache.js lists ${file}`);
    }

    // The manifest: linked by offline.js, parsed by Chromium without errors, the page installable.
    const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
    assert.equal(manifestUrl, `${origin}/manifest.webmanifest`);
    const manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.name, 'News Annotator');
    assert.equal(manifest.start_url, './index.html');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.equal(parsed.url, manifestUrl);
    assert.deepEqual(parsed.errors, [], 'Chromium parses the manifest without errors');
    assert.equal(JSON.parse(parsed.data).name, 'News Annotator');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium finds the page installable');

    // Icons: 192 and 512 px PNGs, as declared, loaded by the page.
    for (const wanted of ['192x192', '512x512']) {
      const icon = manifest.icons.find((candidate) => candidate.sizes === wanted && candidate.type === 'image/png' && (candidate.purpose ?? 'any').includes('any'));
      assert.ok(icon, `the manifest declares a ${wanted} PNG icon for any purpose`);
    }
    for (const icon of manifest.icons) {
      const [width, height] = icon.sizes.split('x').map(Number);
      assert.deepEqual(pngSize(readFileSync(join(publicDir, icon.src))), { width, height }, `${icon.src} is a ${icon.sizes} PNG`);
      const loaded = await page.evaluate((source) => new Promise((done) => {
        const image = new Image();
        image.onload = () => done({ width: image.naturalWidth, height: image.naturalHeight });
        image.onerror = () => done(null);
        image.src = source;
      }), icon.src);
      assert.deepEqual(loaded, { width, height }, `${icon.src} loads in the page at ${icon.sizes}`);
    }

    // Offline: no network and no server; everything comes from the worker's cache.
    await context.setOffline(true);
    await stopServer();
    const responses = [];
    page.on('response', (response) => responses.push({ url: response.url(), fromWorker: response.fromServiceWorker(), status: response.status() }));
    await page.reload();
    await waitUntilReady(page);
    const http = responses.filter((response) => response.url.startsWith('http'));
    assert.ok(http.some((response) => response.url.endsWith('/index.html')), `the reload loaded index.html: ${JSON.stringify(http)}`);
    assert.deepEqual(http.filter((response) => !response.fromWorker || response.status !== 200), [], 'every response came from the service worker');
    const entities = await analyseSample(page);
    assert.ok(entities.length >= 2, `entities of the sample, offline: ${JSON.stringify(entities)}`);
    assert.deepEqual(await page.evaluate(() => window.offlineEvents), [], 'no event on a visit that finds the offline copy current');
    await page.fill('#paste-text', sample[0].text);
    await page.click('#add-article');
    await waitFor(page, 'the pasted article to be analysed, offline', idleWithArticles, 1);
    assert.ok(await page.locator('#article-view mark.mention').count() >= 2, 'the pasted article is annotated offline');
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(artifactsDir, 'offline-http.png'), fullPage: true });

    // Other addresses of the page, offline: ./ and a query string, both the stored index.html.
    for (const address of [`${origin}/`, `${origin}/index.html?from=test`]) {
      await page.goto(address);
      await waitUntilReady(page);
    }

    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  });
});

test('over http: a changed build is stored on the next visit, announced, and the old cache dropped', { timeout: 120_000 }, async () => {
  assertIntegrated();
  const siteCopy = mkdtempSync(join(tmpdir(), 'annotator-site-'));
  cpSync(publicDir, siteCopy, { recursive: true });
  const { server, origin: copyOrigin } = await serveDirectory(siteCopy);
  try {
    await withPage(async ({ page, pageErrors, consoleErrors }) => {
      await page.addInitScript(recordOfflineEvents);
      await page.goto(`${copyOrigin}/index.html`);
      await waitUntilReady(page);
      const first = readPrecache(siteCopy).version;
      await waitFor(page, "the 'annotator:offline' event with state 'ready'",
        () => window.offlineEvents.some((detail) => detail.state === 'ready'));

      // A new build: one changed file, precache.js written again as tools/build.sh does.
      appendFileSync(join(siteCopy, 'style.css'), '\nbody { --offline-test-build: 2; }\n');
      execFileSync('python3', [join(repositoryRoot, 'tools', 'make-precache.py'), siteCopy]);
      const second = readPrecache(siteCopy).version;
      assert.notEqual(second, first, 'a changed file changes the version');

      // The next visit still shows the stored build, finds the new one, stores and announces it.
      await page.reload();
      await waitUntilReady(page);
      await waitFor(page, "the 'annotator:offline' event with state 'update'",
        () => window.offlineEvents.some((detail) => detail.state === 'update'));
      assert.deepEqual(await page.evaluate(() => window.offlineEvents), [{ state: 'update', version: second, message: null }]);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--offline-test-build').trim()), '',
        'the page that found the update still runs the old build');
      assert.deepEqual(Object.keys(await cacheState(page)), [`news-annotator ${copyOrigin}/ ${second}`], 'only the new version is stored');

      // A reload runs the new build, from the cache, with nothing more to announce.
      await page.context().setOffline(true);
      await page.reload();
      await waitUntilReady(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--offline-test-build').trim()), '2',
        'after a reload the page runs the new build');
      assert.deepEqual(await page.evaluate(() => ({ events: window.offlineEvents, status: { ...window.NewsAnnotator.offline } })),
        { events: [], status: { state: 'ready', version: second } });

      // A broken build (a listed file missing) is not installed: reported, the stored one kept.
      writeFileSync(join(siteCopy, 'precache.js'),
        `self.PRECACHE = ${JSON.stringify({ version: 'broken', files: ['index.html', 'missing.js'] })};\n`);
      await page.context().setOffline(false);
      await page.reload();
      await waitUntilReady(page);
      await waitFor(page, "the 'annotator:offline' event with state 'error'",
        () => window.offlineEvents.some((detail) => detail.state === 'error'));
      assert.deepEqual(await page.evaluate(() => ({ events: window.offlineEvents, status: { ...window.NewsAnnotator.offline } })), {
        events: [{ state: 'error', version: null, message: 'a new version could not be stored; the stored one stays in use' }],
        status: { state: 'ready', version: second },
      });
      assert.deepEqual(Object.keys(await cacheState(page)), [`news-annotator ${copyOrigin}/ ${second}`],
        'the stored version is kept, nothing of the broken one');
      assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
      assert.deepEqual(consoleErrors, [], 'errors in the console');
    });
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(siteCopy, { recursive: true, force: true });
  }
});

test('from disk (file://): no service worker registration, nothing logged', { timeout: 60_000 }, async () => {
  assertIntegrated();
  await withPage(async ({ page, pageErrors, consoleErrors }) => {
    await page.addInitScript(() => {
      window.registrationAttempts = 0;
      const container = window.ServiceWorkerContainer?.prototype;
      if (!container) return;
      const register = container.register;
      container.register = function (...args) {
        window.registrationAttempts += 1;
        return register.apply(this, args);
      };
    });
    await page.addInitScript(recordOfflineEvents);
    await page.goto(pageUrl('file'));
    await waitUntilReady(page);
    await analyseSample(page);
    const state = await page.evaluate(() => ({
      loaded: Boolean(window.NewsAnnotator?.offline),
      manifestLinks: document.querySelectorAll('link[rel="manifest"]').length,
      status: window.NewsAnnotator?.offline && { ...window.NewsAnnotator.offline },
      attempts: window.registrationAttempts,
      events: window.offlineEvents,
    }));
    assert.ok(state.loaded, 'offline.js ran (window.NewsAnnotator.offline is defined)');
    assert.deepEqual(state, { loaded: true, manifestLinks: 0, status: { state: 'off', version: null }, attempts: 0, events: [] });
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  });
});
