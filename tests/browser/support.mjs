// Shared by the browser tests: paths, a static server for public/, a fresh headless
// Chromium profile per page, and waiting with a message that says what was awaited.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync, statSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const publicDir = process.env.ANNOTATOR_PUBLIC_DIR ? resolve(process.env.ANNOTATOR_PUBLIC_DIR) : resolve(here, '..', '..', 'public');
export const seedsDir = resolve(here, '..', '..', '..', 'shared', 'examples', 'seeds');
export const artifactsDir = resolve(here, '..', 'artifacts');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const seedFiles = ['000_f69547d81110a782.txt', '004_4d6ec85c132eac13.txt'];
export const timeout = 20_000;

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
export let origin;

// A tiny static server for public/, on 127.0.0.1 and a free port, serving nothing outside it.
export function startServer() {
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

export async function stopServer() {
  if (server) {
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
    server = null;
  }
}

// Waits for a condition in the page, failing with a message that says what was awaited.
export async function waitFor(page, what, predicate, argument) {
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

export const idleWithArticles = (count) => document.body.dataset.articles === String(count) && document.body.dataset.state === 'idle';

export async function selectTab(page, id) {
  const tab = page.locator(`#tabs [role="tab"][data-id="${id}"]`);
  assert.equal(await tab.count(), 1, `there should be exactly one tab for ${id}`);
  await tab.click();
  await waitFor(page, `tab ${id} to be active`,
    (wanted) => document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === wanted, id);
}

export function launch(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    // Instant scrolling: a click while the page still scrolls smoothly to the last mention
    // shown can land beside its button (Next clicked twice and counted once).
    reducedMotion: 'reduce',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function pageUrl(mode) {
  return mode === 'http' ? `${origin}/index.html` : pathToFileURL(join(publicDir, 'index.html')).href;
}

// Runs `work` with a fresh Chromium profile and page, collecting the page's errors, its
// console errors and every request it makes; closes the browser and removes the profile.
export async function withPage(work) {
  const profile = mkdtempSync(join(tmpdir(), 'annotator-chromium-'));
  const session = { requests: [], pageErrors: [], consoleErrors: [] };
  let context;
  try {
    context = await launch(profile);
    context.on('request', (request) => session.requests.push(request.url()));
    session.page = context.pages()[0] ?? await context.newPage();
    session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
    session.page.on('console', (message) => { if (message.type() === 'error') session.consoleErrors.push(message.text().slice(0, 300)); });
    return await work(session);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}


// The requests that left the page: anything but public/ (from disk) or the local server
// (over http). blob: URLs are the page's own memory (the core's worker), never a network.
export function outsideRequests(mode, requests) {
  const inside = mode === 'http'
    ? (address) => new URL(address).origin === origin
    : (address) => address.startsWith(pathToFileURL(publicDir).href + '/');
  return requests.filter((address) => !inside(address) && !address.startsWith('blob:'));
}
