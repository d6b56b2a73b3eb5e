// The browser half of the benchmark, in headless Chromium (Debian's /usr/bin/chromium,
// driven by tests/browser's playwright-core). Prints its result as one line of JSON.
//
// Pages, each in a fresh profile:
//   - a blank page of this harness, where each system runs on the page's main thread: ours
//     as public/annotator-core.js (the page's module, its factory called on the page), and
//     compromise (its UMD build) and wink-nlp beside it, loaded by <script> from
//     node_modules. wink-nlp and its model ship CommonJS files only, no browser build: the
//     harness wraps each file in a function behind a small require (no bundler, their code
//     unchanged), see commonJsScript below;
//   - the product page, public/index.html, analysing through its public API
//     window.annotator.analyze, i.e. in its Web Worker, with the result sent back as JSON
//     text and parsed on the page.
// The server sends every file with Cross-Origin-Opener-Policy and -Embedder-Policy, so that
// the pages are cross-origin isolated and performance.measureUserAgentSpecificMemory()
// runs (made eager by a Blink flag): the page's memory, its worker included.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleArticles, throughputSets, wordsOf } from './corpora.mjs';
import * as systems from './systems.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const publicDir = process.env.ANNOTATOR_PUBLIC_DIR ? resolve(process.env.ANNOTATOR_PUBLIC_DIR) : join(root, 'public');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const { chromium } = createRequire(join(root, 'tests', 'browser', 'package.json'))('playwright-core');
const moduleRequire = createRequire(import.meta.url);
const modulesDir = join(here, 'node_modules');

// ----------------------------------------------------------------------------------------
// What the server holds beside public/

// wink-nlp and its model as one classic script: each CommonJS file (and JSON file) a
// function of (module, exports, require) in a table, require a lookup in that table.
// Defines the globals named in `entries`.
function commonJsScript(entries) {
  const files = new Map();  // path → {source, requires: {specifier: path}}
  const queue = Object.values(entries);
  while (queue.length) {
    const path = queue.shift();
    if (files.has(path)) continue;
    const text = readFileSync(path, 'utf8');
    const source = path.endsWith('.json') ? `module.exports = JSON.parse(${JSON.stringify(text)});` : text;
    const requires = {};
    for (const match of text.matchAll(/require\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g)) {
      let target = resolve(dirname(path), match[2]);
      if (!existsSync(target) && existsSync(target + '.js')) target += '.js';
      if (!existsSync(target)) continue;  // not a file here: require() throws if it is ever called
      requires[match[2]] = target;
      queue.push(target);
    }
    files.set(path, { source, requires });
  }
  const ids = new Map([...files.keys()].map((path, index) => [path, index]));
  const table = [...files.entries()].map(([path, file]) => {
    const requires = Object.fromEntries(Object.entries(file.requires).map(([specifier, target]) => [specifier, ids.get(target)]));
    return `/* ${relative(modulesDir, path)} */ [${JSON.stringify(requires)}, function (module, exports, require) {\n${file.source}\n}]`;
  });
  const globals = Object.entries(entries).map(([name, path]) => `window[${JSON.stringify(name)}] = load(${ids.get(path)});`);
  return `(function () {
var table = [\n${table.join(',\n')}\n];
var cache = [];
function load(id) {
  if (cache[id]) return cache[id].exports;
  var module = cache[id] = { exports: {} };
  var requires = table[id][0];
  table[id][1].call(module.exports, module, module.exports, function (specifier) {
    if (!(specifier in requires)) throw new Error('cannot require ' + specifier + ' in the page');
    return load(requires[specifier]);
  });
  return module.exports;
}
${globals.join('\n')}
})();
`;
}

function systemsScript() {
  const functions = ['extractWithCompromise', 'extractWithWink', 'summariseOurs', 'timedCoreCall']
    .map((name) => `  ${name}: ${systems[name].toString()}`);
  return `window.benchmarkSystems = {\n${functions.join(',\n')}\n};\n`;
}

const BLANK_PAGE = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>benchmark</title><body>benchmark</body>\n';

function virtualFiles(dataSets) {
  const files = {
    '/__benchmark/blank.html': ['text/html; charset=utf-8', BLANK_PAGE],
    '/__benchmark/systems.js': ['text/javascript; charset=utf-8', systemsScript()],
    '/__benchmark/compromise.js': ['text/javascript; charset=utf-8', readFileSync(join(modulesDir, 'compromise', 'builds', 'compromise.js'))],
    '/__benchmark/wink.js': ['text/javascript; charset=utf-8', commonJsScript({
      winkNLP: moduleRequire.resolve('wink-nlp'),
      winkEngLiteWebModel: moduleRequire.resolve('wink-eng-lite-web-model'),
    })],
  };
  for (const [name, documents] of Object.entries(dataSets)) {
    // A script, not JSON: the product page's CSP allows scripts of its origin, not fetch.
    files[`/__benchmark/data/${name}.js`] = ['text/javascript; charset=utf-8',
      `(window.benchmarkData = window.benchmarkData || {})[${JSON.stringify(name)}] = ${JSON.stringify(documents)};\n`];
  }
  return files;
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

// public/ and the virtual files, on 127.0.0.1, cross-origin isolated.
function serve(virtual) {
  return new Promise((resolveStart, rejectStart) => {
    const server = createServer((request, response) => {
      const headers = {
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cache-control': 'no-store',
      };
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      if (virtual[pathname]) {
        response.writeHead(200, { ...headers, 'content-type': virtual[pathname][0] }).end(virtual[pathname][1]);
        return;
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = resolve(publicDir, '.' + pathname);
      if (!file.startsWith(publicDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404, headers).end('not found');
        return;
      }
      response.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] || 'application/octet-stream' });
      response.end(readFileSync(file));
    });
    server.on('error', rejectStart);
    server.listen(0, '127.0.0.1', () => resolveStart(server));
  });
}

// A fresh headless Chromium profile and page for `work(page)`; closed and removed after.
async function withPage(work) {
  const profile = mkdtempSync(join(tmpdir(), 'annotator-benchmarks-'));
  const errors = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--enable-blink-features=ForceEagerMeasureMemory'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text().slice(0, 300)); });
    const result = await work(page, profile);
    return { ...result, errors };
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// The renderer processes of the Chromium started on `profile` (Linux: read from /proc):
// their peak resident memory (VmHWM) and current (VmRSS), in kB. A page's memory as the
// system sees it: its JS heaps, its worker's, the wasm memory, the DOM, all together.
function rendererMemory(profile) {
  const renderers = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Chromium rewrites its arguments into one string: match words of it.
      const words = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!words.includes('--type=renderer') || !words.includes(`--user-data-dir=${profile}`) ||
          words.includes('--top-chrome-webui')) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const field = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      renderers.push({ pid: Number(name), peakKb: field('VmHWM'), currentKb: field('VmRSS') });
    } catch { /* ended meanwhile */ }
  }
  return renderers;
}

// ----------------------------------------------------------------------------------------
// In the page

// Adds a classic script by URL and resolves with the ms from insertion to its load event
// (fetch, parse and run).
function loadScript(url) {
  return new Promise((done, fail) => {
    const script = document.createElement('script');
    const start = performance.now();
    script.onload = () => done(performance.now() - start);
    script.onerror = () => fail(new Error(`could not load ${url}`));
    script.src = url;
    document.head.appendChild(script);
  });
}

// The documents of a data set of the server (loaded as a script, then forgotten by the page).
async function documentsOf(set) {
  await window.__loadScript(`/__benchmark/data/${set}.js`);
  const documents = window.benchmarkData[set];
  delete window.benchmarkData[set];
  return documents;
}

// Starts a system on the blank page; window.benchmarkSystem is then what `pass` takes.
async function startSystem(name) {
  const warmUp = [{ id: 'warm-up', text: 'Ready.' }];
  const S = window.benchmarkSystems;
  const now = () => performance.now();
  const steps = {};
  if (name === 'ours') {
    steps.load = await window.__loadScript('/annotator-core.js');
    let t = now();
    const createCore = window.annotatorCoreSource();
    window.benchmarkSystem = await createCore({});
    steps.instantiate = now() - t;
    t = now();
    window.benchmarkSystem.analyzeDocuments(warmUp, {});
    steps.firstCall = now() - t;
    t = now();
    window.benchmarkSystem.analyzeDocuments(warmUp, {});
    steps.secondCall = now() - t;
  } else if (name === 'compromise') {
    steps.load = await window.__loadScript('/__benchmark/compromise.js');
    steps.instantiate = 0;
    window.benchmarkSystem = window.nlp;
    let t = now();
    S.extractWithCompromise(window.nlp, warmUp);
    steps.firstCall = now() - t;
    t = now();
    S.extractWithCompromise(window.nlp, warmUp);
    steps.secondCall = now() - t;
  } else {
    steps.load = await window.__loadScript('/__benchmark/wink.js');
    let t = now();
    window.benchmarkSystem = window.winkNLP(window.winkEngLiteWebModel, ['sbd', 'pos', 'ner']);
    steps.instantiate = now() - t;
    t = now();
    S.extractWithWink(window.benchmarkSystem, warmUp);
    steps.firstCall = now() - t;
    t = now();
    S.extractWithWink(window.benchmarkSystem, warmUp);
    steps.secondCall = now() - t;
  }
  return steps;
}

// The documents of a set, kept by the page while it works on that set only.
async function documentsKept(set) {
  if (!window.__kept || window.__kept.set !== set) {
    window.__kept = null;
    window.__kept = { set, documents: await window.__documents(set) };
  }
  return window.__kept.documents;
}

// One pass of the started system over a data set of the server.
async function pass({ name, set }) {
  const S = window.benchmarkSystems;
  const documents = await window.__documentsKept(set);
  if (name === 'ours') {
    const call = S.timedCoreCall(window.benchmarkSystem, documents);
    return { ms: call.ms, stages: call.stages, bytes: call.bytes, found: S.summariseOurs(call.result), heapBytes: window.benchmarkSystem.HEAP8.length };
  }
  const start = performance.now();
  const found = name === 'compromise' ? S.extractWithCompromise(window.benchmarkSystem, documents)
    : S.extractWithWink(window.benchmarkSystem, documents);
  return { ms: performance.now() - start, found };
}

// Runs before the product page's scripts: notes when the core's worker reports the end of
// its stages (progress messages; the worker sends one at least when a stage is done).
function watchWorkerProgress() {
  const NativeWorker = window.Worker;
  window.__progress = [];
  window.Worker = function Worker(url, options) {
    const worker = new NativeWorker(url, options);
    worker.addEventListener('message', (event) => {
      const data = event.data || {};
      if (data.type === 'progress' && data.done === data.total) window.__progress.push({ stage: data.stage, at: performance.now() });
    });
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;
}

// One analysis of a data set through the page's API: its time, the stage ends seen from the
// page, and, when asked, the page's memory right after (the result still held).
async function apiPass({ set, measureMemory }) {
  const documents = await window.__documentsKept(set);
  window.__progress = [];
  const start = performance.now();
  const result = await window.annotator.analyze(documents);
  const ms = performance.now() - start;
  if (!result || result.error) throw new Error(`analyze failed: ${result && result.error}`);
  const at = (stage) => { const mark = window.__progress.filter((p) => p.stage === stage).pop(); return mark ? mark.at - start : null; };
  const outcome = { ms, found: window.benchmarkSystems.summariseOurs(result), stageEnds: { documents: at('documents'), events: at('events') } };
  if (measureMemory && self.crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
    const memory = await performance.measureUserAgentSpecificMemory();
    const byScope = {};
    for (const entry of memory.breakdown) {
      const scope = entry.attribution.length ? entry.attribution.map((a) => a.scope).join('+') : 'shared/other';
      byScope[scope] = (byScope[scope] || 0) + entry.bytes;
    }
    outcome.memory = { bytes: memory.bytes, byScope };
  }
  return outcome;
}

// CPU time of a page's renderer, from Chromium's own counters (DevTools protocol,
// Performance.getMetrics): ThreadTime, the page's main thread; ProcessTime, the whole
// renderer process (its workers too). In ms.
async function cpuClock(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name) => (metrics.find((metric) => metric.name === name)?.value ?? NaN) * 1000;
    return { thread: value('ThreadTime'), process: value('ProcessTime') };
  };
}

// The best (shortest) of `runs` calls of `step` in the page, with the CPU time of each
// (`which`: 'thread' or 'process'); the memory, where asked, is measured after the last.
async function bestOf(page, clock, which, step, argument, runs) {
  let fastest = null;
  let memory = null;  // measured after the last run
  const times = [];
  const cpuTimes = [];
  for (let run = 0; run < runs; run++) {
    const before = await clock();
    const result = await page.evaluate(step, { ...argument, measureMemory: argument.measureMemory && run === runs - 1 });
    const after = await clock();
    result.cpuMs = after[which] - before[which];
    times.push(result.ms);
    cpuTimes.push(result.cpuMs);
    if (result.memory) memory = result.memory;
    if (!fastest || result.ms < fastest.ms) fastest = result;
  }
  return { ...fastest, memory, runs: times, cpuRuns: cpuTimes };
}

// ----------------------------------------------------------------------------------------
// The measures

const SYSTEMS = ['ours', 'compromise', 'wink'];
const started = Date.now();
const log = (message) => console.error(`[browser ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);

// A new blank page of the context, set up for the harness, for `work(page)`; closed after.
async function onBlankPage(context, origin, work) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/__benchmark/blank.html`);
    await page.evaluate(`window.__loadScript = ${loadScript.toString()}; window.__documents = ${documentsOf.toString()}; window.__documentsKept = ${documentsKept.toString()};`);
    await page.evaluate(() => window.__loadScript('/__benchmark/systems.js'));
    return await work(page);
  } finally {
    await page.close();
  }
}

// Each system started on its own page, in `repeats` fresh profiles (nothing cached).
async function startups(origin, repeats) {
  const results = Object.fromEntries(SYSTEMS.map((name) => [name, []]));
  for (let repeat = 0; repeat < repeats; repeat++) {
    const { errors } = await withPage(async (page) => {
      for (const name of SYSTEMS) {
        results[name].push(await onBlankPage(page.context(), origin, (blank) => blank.evaluate(startSystem, name)));
      }
      return {};
    });
    if (errors.length) results.errors = [...(results.errors ?? []), ...errors];
  }
  return results;
}

// Each system on its own page of one profile, one after the other.
async function mainThreadThroughput(origin, sets, runs) {
  return withPage(async (page) => {
    const results = {};
    for (const name of SYSTEMS) {
      results[name] = await onBlankPage(page.context(), origin, async (blank) => {
        const steps = await blank.evaluate(startSystem, name);
        const clock = await cpuClock(blank);
        // Warm-up: the engine's optimising tiers (compromise: a tenth of the seed set).
        await blank.evaluate(pass, { name, set: name === 'compromise' ? 'warmUp' : 'seeds' });
        const bySet = {};
        for (const set of Object.keys(sets)) {
          bySet[set] = await bestOf(blank, clock, 'thread', pass, { name, set }, name === 'compromise' ? 1 : runs);
          bySet[set].words = wordsOf(sets[set].documents);
          bySet[set].documents = sets[set].documents.length;
        }
        return { steps, sets: bySet };
      });
    }
    return results;
  });
}

// The product page: throughput sets and the scale sizes through window.annotator.analyze.
async function pageApi(origin, sets, runs, sizes, settleMs) {
  return withPage(async (page, profile) => {
    await page.addInitScript(watchWorkerProgress);
    const t0 = Date.now();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    const readyMs = Date.now() - t0;
    await page.evaluate(`window.__loadScript = ${loadScript.toString()}; window.__documents = ${documentsOf.toString()}; window.__documentsKept = ${documentsKept.toString()};`);
    await page.evaluate(() => window.__loadScript('/__benchmark/systems.js'));
    const crossOriginIsolated = await page.evaluate(() => self.crossOriginIsolated);
    const renderersAtReady = rendererMemory(profile);
    await page.waitForTimeout(settleMs);  // Chromium tiers the wasm up meanwhile (docs/page.md)
    const clock = await cpuClock(page);
    await page.evaluate(apiPass, { set: 'warmUp' });
    // The scale sizes first, in increasing order, so that each peak of the renderer's
    // memory is that size's; then the throughput sets.
    const scale = [];
    for (const { count, runs: sizeRuns } of sizes) {
      const result = await bestOf(page, clock, 'process', apiPass, { set: `scale-${count}`, measureMemory: true }, sizeRuns);
      scale.push({ count, words: wordsOf(scaleArticles(count)), ...result, renderers: rendererMemory(profile) });
    }
    const bySet = {};
    for (const set of Object.keys(sets)) {
      bySet[set] = await bestOf(page, clock, 'process', apiPass, { set }, runs);
      bySet[set].words = wordsOf(sets[set].documents);
      bySet[set].documents = sets[set].documents.length;
    }
    return { readyMs, crossOriginIsolated, renderersAtReady, sets: bySet, scale };
  });
}

export async function main({ runs = 3, sizes, settleMs = 3000, startupRepeats = 3 }) {
  const sets = throughputSets();
  const data = Object.fromEntries(Object.entries(sets).map(([key, set]) => [key, set.documents]));
  data.warmUp = sets.seeds.documents.slice(0, 10);
  for (const { count } of sizes) data[`scale-${count}`] = scaleArticles(count);
  const server = await serve(virtualFiles(data));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    log('start-up');
    const startup = await startups(origin, startupRepeats);
    log('throughput on the main thread');
    const mainThread = await mainThreadThroughput(origin, sets, runs);
    log('the page\'s API: throughput and scale');
    const api = await pageApi(origin, sets, runs, sizes, settleMs);
    log('done');
    return { startup, mainThread, api };
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] || '10:5,100:3,1000:3,5000:2').split(',').map((item) => {
    const [count, sizeRuns] = item.split(':').map(Number);
    return { count, runs: sizeRuns || 1 };
  });
  main({ runs: Number(process.argv[3]) || 3, sizes }).then((result) => console.log(JSON.stringify(result)), (error) => {
    console.error(`benchmarks/browser: ${error.stack || error}`);
    process.exit(1);
  });
}
