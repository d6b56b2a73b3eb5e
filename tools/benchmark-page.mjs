// Benchmarks the built page (public/) in headless Chromium, served over http and opened from
// disk (file://), and writes docs/page.md:
//   1. page weight: every file the page loads, its bytes and its gzip -9 size, by part;
//   2. time to ready: navigation start → the first analysis shown, over N reloads of a
//      workspace holding the two seed articles, with the phases in between;
//   3. the seed pair analysed through the page's public API (window.annotator.analyze);
//   4. the machine, which is shared: its load average at the start and at the end.
// Run it with `bash tools/benchmark-page.sh` after `bash tools/build.sh`.
//
// What it adds to the page, to time it without changing it (an init script, before the
// page's own scripts): a wrapper around the Worker constructor that notes when the core's
// worker is created and when it is first asked for an analysis (the saved articles read),
// and a MutationObserver that notes when <body data-ready> turns 'true'. The page's own mark 'annotator:first-analysis' gives
// the first analysis shown.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chromiumPath, idleWithArticles, origin, pageUrl, publicDir, seedFiles, seedsDir,
  startServer, stopServer, waitFor, withPage,
} from '../tests/browser/support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = join(root, 'docs', 'page.md');

const RELOADS = 7;
const ANALYSIS_WARM_UP_RUNS = 5;
const ANALYSIS_TIMED_RUNS = 30;
const PHASE_RUNS = 3;            // fresh instrumented workers per mode, for the phase table
const MICRO_RUNS = 5;            // main-thread copies of the core's source, per mode
const SETTLE_MS = 300;           // pause between reloads, so that one load's leftovers end
const IDLE_MS = 3000;            // the page left alone after a load, as a user reads it, before
                                 // the seed pair is timed again (Chromium tiers wasm up meanwhile)
const TARGETS = {
  gzipBytes: 2_000_000,          // total page weight, gzip -9 (MB = 10^6 bytes)
  firstAnalysisMs: 1000,         // median, navigation start → first analysis shown
  analysisMs: 20,                // median of the seed pair through window.annotator.analyze
};
const MODES = ['http', 'file'];
const MODE_NAMES = { http: 'http', file: 'file://' };
const PAYLOAD_START = 'var annotatorWasmBase64 = "';

// ----------------------------------------------------------------------------------------
// Numbers

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

function median(values) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const middle = Math.floor(s.length / 2);
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
}

// Nearest rank: the smallest value with at least p of the values at or below it.
function percentile(values, p) {
  const s = sorted(values);
  return s.length ? s[Math.max(0, Math.ceil(p * s.length) - 1)] : NaN;
}

function summary(values) {
  const present = values.filter((value) => Number.isFinite(value));
  return present.length
    ? { median: median(present), min: Math.min(...present), max: Math.max(...present), count: present.length }
    : null;
}

const ms = (value, digits = 0) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—');
const kb = (bytes) => (bytes / 1000).toFixed(1);
const mark = (ok) => (ok ? '✓' : '✗');

// ----------------------------------------------------------------------------------------
// The machine

function machine() {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? cpu;
  } catch { /* not Linux */ }
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* reported as unknown */ }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* not a checkout */ }
  return { cores: availableParallelism(), cpu, chromium, node: process.version, commit, loadAtStart: loadavg() };
}

// ----------------------------------------------------------------------------------------
// Page weight

function partOf(file) {
  if (file === 'annotator-core.js') return 'wasm module';
  const extension = extname(file).toLowerCase();
  if (extension === '.js' || extension === '.mjs') return 'scripts';
  if (extension === '.css') return 'styles';
  if (extension === '.html') return 'HTML';
  return 'icons/manifest';
}
const PARTS = ['wasm module', 'scripts', 'styles', 'HTML', 'icons/manifest'];

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

// The file of public/ that a request of the page reads, or null (blob:, data:, elsewhere).
function publicFileOf(url) {
  let path;
  if (url.startsWith('file:')) path = fileURLToPath(url);
  else if (origin && url.startsWith(origin + '/')) path = join(publicDir, decodeURIComponent(new URL(url).pathname));
  else return null;
  if (path.endsWith(sep)) path = join(path, 'index.html');
  return path.startsWith(publicDir + sep) ? relative(publicDir, path).split(sep).join('/') : null;
}

function weigh(file) {
  const bytes = readFileSync(join(publicDir, file));
  return { file, part: partOf(file), bytes: bytes.length, gzip: gzipSize(bytes) };
}

// annotator-core.js as its two halves: the wasm binary as base64 text, and the JS around it.
function splitCore() {
  const text = readFileSync(join(publicDir, 'annotator-core.js'), 'latin1');
  const start = text.indexOf(PAYLOAD_START);
  if (start < 0) return null;
  const from = start + PAYLOAD_START.length;
  const to = text.indexOf('"', from);
  const payload = Buffer.from(text.slice(from, to), 'latin1');
  const glue = Buffer.concat([Buffer.from(text.slice(0, from), 'latin1'), Buffer.from(text.slice(to), 'latin1')]);
  const wasm = Buffer.from(payload.toString('latin1'), 'base64');
  return {
    payload: { bytes: payload.length, gzip: gzipSize(payload) },
    glue: { bytes: glue.length, gzip: gzipSize(glue) },
    wasm: { bytes: wasm.length, gzip: gzipSize(wasm) },
  };
}

// ----------------------------------------------------------------------------------------
// In the page

// Runs before the page's scripts on every load (see the header).
export function instrument() {
  const times = {};
  const stamp = (name) => { if (!(name in times)) times[name] = performance.now(); };
  const NativeWorker = window.Worker;
  window.__benchmark = { times, NativeWorker };
  if (typeof NativeWorker === 'function') {
    const Worker = function Worker(url, options) {
      stamp('workerCreating');
      const worker = new NativeWorker(url, options);
      stamp('workerCreated');
      const post = worker.postMessage;
      worker.postMessage = function (message) {
        if (message && message.type === 'analyse') stamp('analysisRequested');
        return post.apply(this, arguments);
      };
      return worker;
    };
    Worker.prototype = NativeWorker.prototype;
    window.Worker = Worker;
  }
  new MutationObserver(() => {
    const data = document.body && document.body.dataset;
    if (!data) return;
    if (data.ready === 'true') stamp('ready');
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

// The timings of the load the page is showing, all from its navigation start.
function readLoad() {
  const navigation = performance.getEntriesByType('navigation')[0];
  const core = performance.getEntriesByType('resource').find((entry) => /\/annotator-core\.js$/.test(entry.name));
  const first = performance.getEntriesByName('annotator:first-analysis')[0];
  const times = window.__benchmark.times;
  return {
    domContentLoaded: navigation ? navigation.domContentLoadedEventStart : null,
    domContentLoadedEnd: navigation ? navigation.domContentLoadedEventEnd : null,
    loadEnd: navigation ? navigation.loadEventEnd : null,
    deliveryType: navigation ? navigation.deliveryType || 'network' : null,
    coreResponseEnd: core ? core.responseEnd : null,
    workerCreated: times.workerCreated ?? null,
    workerConstructor: times.workerCreated != null ? times.workerCreated - times.workerCreating : null,
    ready: times.ready ?? null,
    analysisRequested: times.analysisRequested ?? null,
    firstAnalysis: first ? first.startTime : null,
  };
}

const loaded = () => document.body.dataset.ready === 'true' && document.body.dataset.restored === 'true' &&
  performance.getEntriesByName('annotator:first-analysis').length > 0;

// The seed pair through the page's public API: warm-up runs, then timed runs (ms each).
async function timeAnalysis(page, documents) {
  return page.evaluate(async ({ documents, warmUp, timed }) => {
    const durations = [];
    for (let run = 0; run < warmUp + timed; run++) {
      const start = performance.now();
      const result = await window.annotator.analyze(documents);
      const duration = performance.now() - start;
      if (!result || result.error) throw new Error(`analyze failed: ${result && result.error}`);
      if (run >= warmUp) durations.push(duration);
    }
    return durations;
  }, { documents, warmUp: ANALYSIS_WARM_UP_RUNS, timed: ANALYSIS_TIMED_RUNS });
}

// The wasm's base64 text, wherever annotator-core.js keeps it: a global beside the module's
// function (sent to the worker by message), or inside that function (the worker's Blob
// carries it). In the page.
function payloadOf(marker) {
  if (typeof window.annotatorWasmBase64 === 'string') return { text: window.annotatorWasmBase64, global: true };
  const source = String(window.annotatorCoreSource);
  const from = source.indexOf(marker);
  if (from < 0) return { text: '', global: false };
  return { text: source.slice(from + marker.length, source.indexOf('"', from + marker.length)), global: false };
}

// What the page does on its own thread to start the worker (core-client.js): the module's
// function as text, a Blob URL of it, and, where the wasm's base64 is a global, posting it
// to the worker; and, for comparison, decoding the base64 (the worker does it in
// createCore). Median ms of a few runs.
export async function timeMainThreadSteps(page) {
  const runs = await page.evaluate(async ({ count, marker, payloadOfSource }) => {
    const payloadOf = new Function('return ' + payloadOfSource)();
    const payload = payloadOf(marker);
    const idle = new window.__benchmark.NativeWorker(URL.createObjectURL(new Blob(['onmessage = function () {};'], { type: 'text/javascript' })));
    const results = [];
    for (let run = 0; run < count; run++) {
      const t0 = performance.now();
      const source = String(window.annotatorCoreSource) + '\n;/* run ' + run + ' */\n';
      const t1 = performance.now();
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const t2 = performance.now();
      URL.revokeObjectURL(url);
      if (payload.global) idle.postMessage({ type: 'start', wasmBase64: payload.text });
      const t3 = performance.now();
      const bytes = Uint8Array.fromBase64(payload.text);
      const t4 = performance.now();
      results.push({ sourceLength: source.length, toString: t1 - t0, blob: t2 - t1,
        post: payload.global ? t3 - t2 : NaN, decode: bytes.length ? t4 - t3 : NaN });
      await new Promise((done) => setTimeout(done, 50));
    }
    idle.terminate();
    return results;
  }, { count: MICRO_RUNS, marker: PAYLOAD_START, payloadOfSource: payloadOf.toString() });
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]));
}

// The core's start in a fresh worker, phase by phase, as core-client.js starts it (the
// module's function as a Blob; the base64 by message where it is a global), with stamps after
// the module's source: `new Worker` → the worker's first statement (reading and compiling the
// script), the module factory, createCore (base64 decode, wasm compile and instantiate,
// runtime set-up), the warm-up analysis, the same again, then the seed pair twice. A second
// worker times WebAssembly.compile alone. Each worker gets the wasm with its own custom
// section appended, so that no compiled code is shared with the page's worker or an earlier
// run (V8 can share a module compiled from the same bytes); the decode still runs, as in
// the page.
export async function timeWorkerPhases(page, documents) {
  return page.evaluate(async ({ documents, marker, payloadOfSource }) => {
    const payloadOf = new Function('return ' + payloadOfSource)();
    const NativeWorker = window.__benchmark.NativeWorker;
    const now = () => performance.timeOrigin + performance.now();
    const source = String(window.annotatorCoreSource);
    const payload = payloadOf(marker);
    const wasm = Uint8Array.fromBase64(payload.text);
    function unique() {
      const name = new TextEncoder().encode('benchmark-' + Math.random().toString(36).slice(2, 12));
      const bytes = new Uint8Array(wasm.length + 3 + name.length);
      bytes.set(wasm);
      bytes.set([0, 1 + name.length, name.length], wasm.length);  // custom section: id, size, name
      bytes.set(name, wasm.length + 3);
      return bytes;
    }
    function run(body) {
      return new Promise((resolveRun, rejectRun) => {
        const url = URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
        const bytes = unique();
        // Where the page posts the base64 text, so does this; else the bytes replace the
        // module's own (createCore decodes its embedded base64 all the same).
        const message = payload.global ? { wasmBase64: bytes.toBase64() } : { wasmBinary: bytes };
        const created = now();
        const worker = new NativeWorker(url);
        if (payload.global) worker.postMessage(message);
        else worker.postMessage(message, [bytes.buffer]);
        worker.onmessage = (event) => {
          worker.terminate();
          URL.revokeObjectURL(url);
          if (event.data.error) rejectRun(new Error(event.data.error));
          else resolveRun({ created, ...event.data });
        };
        worker.onerror = (event) => { worker.terminate(); rejectRun(new Error(event.message || 'worker error')); };
      });
    }
    const probe = (steps) => `
;(function () {
  var now = function () { return performance.timeOrigin + performance.now(); };
  var t = { evaluated: now() };
  onmessage = function (event) {
    t.received = now();
    var options = event.data;
    (async function () { ${steps} })().then(function () { postMessage(t); },
      function (error) { postMessage({ error: String(error && error.stack || error) }); });
  };
})();
`;
    const core = await run(source + probe(`
    var createCore = annotatorCoreSource();
    t.factory = now();
    var module = await createCore(options);
    t.instantiated = now();
    module.analyzeDocuments([{ id: 'warm-up', text: 'Ready.' }], {});
    t.warmedUp = now();
    module.analyzeDocuments([{ id: 'warm-up', text: 'Ready.' }], {});
    t.warmedUpAgain = now();
    var documents = ${JSON.stringify(documents)};
    module.analyzeDocuments(documents, {});
    t.seedFirst = now();
    module.analyzeDocuments(documents, {});
    t.seedSecond = now();`));
    const compile = await run(probe(`
    var bytes = options.wasmBinary || Uint8Array.fromBase64(options.wasmBase64);
    t.start = now();
    await WebAssembly.compile(bytes);
    t.compiled = now();`));
    return {
      scriptEvaluated: core.evaluated - core.created,
      received: payload.global ? core.received - core.evaluated : NaN,
      factory: core.factory - core.received,
      createCore: core.instantiated - core.factory,
      compile: compile.compiled - compile.start,
      warmUp: core.warmedUp - core.instantiated,
      warmUpAgain: core.warmedUpAgain - core.warmedUp,
      seedFirst: core.seedFirst - core.warmedUpAgain,
      seedSecond: core.seedSecond - core.seedFirst,
    };
  }, { documents, marker: PAYLOAD_START, payloadOfSource: payloadOf.toString() });
}

// ----------------------------------------------------------------------------------------
// One mode: a fresh profile, the seed articles pasted, reloads, the API, the phases.

async function measure(mode, seeds) {
  return withPage(async (session) => {
    const { page } = session;
    const context = page.context();
    const requests = [];
    let stage = 'first visit';
    context.on('request', (request) => {
      requests.push({ url: request.url(), stage, byServiceWorker: Boolean(request.serviceWorker?.()) });
    });
    await context.addInitScript(instrument);

    // First visit: an empty workspace, no code cache, nothing stored.
    await page.goto(pageUrl(mode));
    await waitFor(page, 'the core to start and the workspace to be restored',
      () => document.body.dataset.ready === 'true' && document.body.dataset.restored === 'true');
    const firstVisit = await page.evaluate(readLoad);

    for (const [index, text] of seeds.entries()) {
      await page.fill('#paste-text', text);
      await page.click('#add-article');
      await waitFor(page, `${index + 1} analysed articles`, idleWithArticles, index + 1);
    }
    await waitFor(page, 'the workspace to be saved', () => document.body.dataset.saved === 'true');
    // Over http the page stores itself for offline use (a service worker): wait for it to
    // finish, so that the reloads all find it in the same state.
    const offline = await page.waitForFunction(() => {
      const state = window.NewsAnnotator && window.NewsAnnotator.offline && window.NewsAnnotator.offline.state;
      return state && state !== 'pending' ? state : !state ? 'none' : false;
    }, null, { timeout: 30_000 }).then((handle) => handle.jsonValue(), () => 'pending');

    stage = 'reloads';
    const loads = [];
    const servedBy = new Set();
    for (let reload = 0; reload < RELOADS; reload++) {
      await page.waitForTimeout(SETTLE_MS);
      const response = await page.reload({ waitUntil: 'load' });
      servedBy.add(response?.fromServiceWorker() ? 'service worker' : mode === 'http' ? 'server' : 'disk');
      await waitFor(page, `reload ${reload + 1}: the first analysis with 2 articles`, loaded);
      const load = await page.evaluate(readLoad);
      load.articles = await page.evaluate(() => document.body.dataset.articles);
      if (load.articles !== '2') throw new Error(`reload ${reload + 1} shows ${load.articles} articles instead of 2`);
      loads.push(load);
    }

    stage = 'measures';
    const seedDocuments = seeds.map((text, index) => ({ id: seedFiles[index], text }));
    const analysisAfterLoad = await timeAnalysis(page, seedDocuments);
    await page.waitForTimeout(IDLE_MS);
    const analysis = await timeAnalysis(page, seedDocuments);
    const mainThread = await timeMainThreadSteps(page);
    const phases = [];
    for (let run = 0; run < PHASE_RUNS; run++) {
      phases.push(await timeWorkerPhases(page, seeds.map((text, index) => ({ id: seedFiles[index], text }))));
    }
    const phaseMedians = Object.fromEntries(Object.keys(phases[0]).map((key) => [key, median(phases.map((phase) => phase[key]))]));

    const pageFiles = new Set();
    const serviceWorkerFiles = new Set();
    for (const request of requests) {
      const file = publicFileOf(request.url);
      if (!file) continue;
      (request.byServiceWorker ? serviceWorkerFiles : pageFiles).add(file);
    }
    return {
      mode, firstVisit, loads, analysis, analysisAfterLoad, mainThread, phases: phaseMedians, offline,
      servedBy: [...servedBy].sort().join(', '),
      pageFiles: [...pageFiles].sort(), serviceWorkerFiles: [...serviceWorkerFiles].sort(),
      pageErrors: session.pageErrors, consoleErrors: session.consoleErrors,
    };
  });
}

// ----------------------------------------------------------------------------------------
// The report

function weightSection(results) {
  const loadedIn = Object.fromEntries(results.map((result) => [result.mode, new Set(result.pageFiles)]));
  const files = [...new Set(results.flatMap((result) => result.pageFiles))]
    .filter((file) => existsSync(join(publicDir, file)))
    .map(weigh)
    .sort((a, b) => PARTS.indexOf(a.part) - PARTS.indexOf(b.part) || b.gzip - a.gzip || a.file.localeCompare(b.file));
  const split = splitCore();
  const total = { bytes: 0, gzip: 0 };
  const lines = [
    '| Part | File | Bytes | gzip -9 | http | file:// |',
    '|---|---|---:|---:|:-:|:-:|',
  ];
  const perPart = [];
  for (const part of PARTS) {
    const inPart = files.filter((file) => file.part === part);
    if (inPart.length === 0) continue;
    const sum = { bytes: 0, gzip: 0 };
    for (const file of inPart) {
      sum.bytes += file.bytes;
      sum.gzip += file.gzip;
      lines.push(`| ${part} | ${file.file} | ${file.bytes.toLocaleString('en')} | ${file.gzip.toLocaleString('en')} | ` +
        `${loadedIn.http?.has(file.file) ? '✓' : ''} | ${loadedIn.file?.has(file.file) ? '✓' : ''} |`);
      if (file.file === 'annotator-core.js' && split) {
        lines.push(`| | ↳ base64 wasm payload | ${split.payload.bytes.toLocaleString('en')} | ${split.payload.gzip.toLocaleString('en')} | | |`);
        lines.push(`| | ↳ JS glue | ${split.glue.bytes.toLocaleString('en')} | ${split.glue.gzip.toLocaleString('en')} | | |`);
      }
    }
    perPart.push({ part, count: inPart.length, ...sum });
    total.bytes += sum.bytes;
    total.gzip += sum.gzip;
  }
  lines.push(`| **total** | ${files.length} files | **${total.bytes.toLocaleString('en')}** | **${total.gzip.toLocaleString('en')}** | | |`);

  const partLines = ['| Part | Files | Bytes | gzip -9 | Share of gzip |', '|---|---:|---:|---:|---:|'];
  for (const part of perPart) {
    partLines.push(`| ${part.part} | ${part.count} | ${part.bytes.toLocaleString('en')} | ${part.gzip.toLocaleString('en')} | ${(100 * part.gzip / total.gzip).toFixed(1)} % |`);
  }
  partLines.push(`| **total** | ${files.length} | **${total.bytes.toLocaleString('en')}** | **${total.gzip.toLocaleString('en')}** | 100 % |`);

  const serviceWorker = results.find((result) => result.mode === 'http')?.serviceWorkerFiles ?? [];
  const swWeight = serviceWorker.filter((file) => existsSync(join(publicDir, file))).map(weigh)
    .reduce((sum, file) => ({ bytes: sum.bytes + file.bytes, gzip: sum.gzip + file.gzip }), { bytes: 0, gzip: 0 });
  return { total, split, swFiles: serviceWorker.length, swWeight, text: [
    '## 1. Page weight',
    '',
    'Every file of public/ that the page requested (first visit and reloads), as it is on disk and',
    'gzipped at level 9 (what a server with compression would send; `file://` reads the bytes).',
    'The worker\'s script is a Blob made on the page from the module\'s function in annotator-core.js:',
    'no download, but a copy that the worker reads and compiles again (its size is under "Where the',
    'start goes").',
    '',
    ...lines,
    '',
    ...partLines,
    '',
    split ? `The wasm payload decoded is ${split.wasm.bytes.toLocaleString('en')} bytes, ` +
      `${split.wasm.gzip.toLocaleString('en')} gzipped: shipped as a binary .wasm file it would weigh ` +
      `${kb(split.payload.gzip - split.wasm.gzip)} kB (gzip) less than as base64.` : 'annotator-core.js holds no base64 payload.',
    '',
    serviceWorker.length
      ? `Over http the service worker also fetches ${serviceWorker.length} files on the first visit to keep the page ` +
        `offline (${swWeight.bytes.toLocaleString('en')} bytes, ${swWeight.gzip.toLocaleString('en')} gzipped): ` +
        'the first visit downloads the page twice.'
      : 'No service worker fetched anything.',
    '',
    `Target: total ≤ ${(TARGETS.gzipBytes / 1e6).toFixed(0)} MB gzipped (MB = 10^6 bytes): ` +
      `${(total.gzip / 1e6).toFixed(2)} MB ${mark(total.gzip <= TARGETS.gzipBytes)}`,
  ] };
}

const LOAD_ROWS = [
  ['domContentLoaded', 'DOMContentLoaded (HTML parsed, every script run)'],
  ['coreResponseEnd', 'annotator-core.js received (resource timing)'],
  ['workerCreated', 'core worker created (app start: render, core source → Blob)'],
  ['domContentLoadedEnd', 'DOMContentLoaded handlers done'],
  ['analysisRequested', 'saved articles read (IndexedDB), their analysis asked of the worker'],
  ['ready', 'core ready (worker started and warm)'],
  ['firstAnalysis', '**first analysis shown**'],
];

function readySection(results) {
  const lines = [
    '## 2. Time to ready',
    '',
    'A fresh profile opens the page, pastes the two seed articles and waits until they are saved;',
    `then the page is reloaded ${RELOADS} times. Each time is from navigation start, per load. "Core ready"`,
    'is when `<body data-ready>` turns `true`, noted by a MutationObserver (no polling); "first',
    'analysis shown" is the page\'s mark `annotator:first-analysis`; the worker\'s creation and its',
    'first request are noted by a wrapper around `Worker` (see the header of the script).',
    '',
    `| From navigation start to | ${results.map((result) => `${MODE_NAMES[result.mode]} median (min–max)`).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`,
  ];
  for (const [key, label] of LOAD_ROWS) {
    const cells = results.map((result) => {
      const stats = summary(result.loads.map((load) => load[key]));
      return stats ? `${ms(stats.median)} (${stats.min.toFixed(0)}–${stats.max.toFixed(0)})` : '—';
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  const phase = (result, from, to) => summary(result.loads.map((load) => load[to] - load[from]));
  const phaseRows = [
    ['DOMContentLoaded → worker created', 'domContentLoaded', 'workerCreated'],
    ['worker created → core ready', 'workerCreated', 'ready'],
    ['core ready → first analysis shown', 'ready', 'firstAnalysis'],
  ];
  lines.push('', `| Between | ${results.map((result) => `${MODE_NAMES[result.mode]} median (min–max)`).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`);
  for (const [label, from, to] of phaseRows) {
    lines.push(`| ${label} | ${results.map((result) => {
      const stats = phase(result, from, to);
      return stats ? `${ms(stats.median)} (${stats.min.toFixed(0)}–${stats.max.toFixed(0)})` : '—';
    }).join(' | ')} |`);
  }
  lines.push('', `| Also | ${results.map((result) => MODE_NAMES[result.mode]).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`,
    `| first visit, fresh profile: core ready | ${results.map((result) => ms(result.firstVisit.ready)).join(' | ')} |`,
    `| reloads served by | ${results.map((result) => result.servedBy).join(' | ')} |`,
    `| offline copy (service worker) before the reloads | ${results.map((result) => result.offline).join(' | ')} |`);
  lines.push('', `Target: first analysis shown ≤ ${TARGETS.firstAnalysisMs} ms (median): ` +
    results.map((result) => {
      const value = median(result.loads.map((load) => load.firstAnalysis));
      return `${MODE_NAMES[result.mode]} ${ms(value)} ${mark(value <= TARGETS.firstAnalysisMs)}`;
    }).join(', '));
  return lines;
}

function phasesSection(results) {
  const sourceSize = (result) => `${(result.mainThread.sourceLength / 1e6).toFixed(2)} MB`;
  const rows = [
    ['page: `String(annotatorCoreSource)`, the worker\'s source (core-client.js, workerUrl)', (result) => result.mainThread.toString],
    ['page: a Blob and Blob URL of it (blocks the page\'s thread)', (result) => result.mainThread.blob],
    ['page: posting the base64 to the worker (where annotator-core.js keeps it apart)', (result) => result.mainThread.post],
    ['worker: `new Worker` → its first statement (script read and compiled)', (result) => result.phases.scriptEvaluated],
    ['worker: first statement → the base64 received by message', (result) => result.phases.received],
    ['worker: `annotatorCoreSource()`, the module factory', (result) => result.phases.factory],
    ['worker: `createCore()` (base64 decode, wasm compile and instantiate, runtime set-up)', (result) => result.phases.createCore],
    ['— for comparison: base64 decode alone (`Uint8Array.fromBase64`, on the page)', (result) => result.mainThread.decode],
    ['— for comparison: `WebAssembly.compile` alone (another worker)', (result) => result.phases.compile],
    ['worker: warm-up analysis of "Ready." (before core-client.js says `ready`)', (result) => result.phases.warmUp],
    ['worker: the same once more', (result) => result.phases.warmUpAgain],
    ['worker: seed pair, first time after the warm-up', (result) => result.phases.seedFirst],
    ['worker: seed pair, second time', (result) => result.phases.seedSecond],
  ];
  return [
    '## Where the start goes',
    '',
    `The core's start replayed on the loaded page, outside its own flow: the page's steps ${MICRO_RUNS} times, the`,
    `worker's in ${PHASE_RUNS} fresh workers started as core-client.js starts its own, with stamps after the`,
    'module\'s source and wasm bytes of their own (no compiled code shared with another worker);',
    'medians. On a quiet page these add up to less than "worker created → core ready" above,',
    'where the worker competes with the page\'s own start for the cores.',
    '',
    `| Step | ${results.map((result) => MODE_NAMES[result.mode]).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`,
    `| the worker's source (\`String(annotatorCoreSource)\`) | ${results.map(sourceSize).join(' | ')} |`,
    ...rows.map(([label, value]) => `| ${label} | ${results.map((result) => ms(value(result), 1)).join(' | ')} |`),
  ];
}

function analysisSection(results) {
  const lines = [
    '## 3. Seed pair analysed in the page',
    '',
    '`await window.annotator.analyze([{id, text}, {id, text}])` with the two seed articles, through the',
    `worker, timed with performance.now() in the page: ${ANALYSIS_WARM_UP_RUNS} warm-up runs, then ${ANALYSIS_TIMED_RUNS} timed runs,`,
    `once right after the last reload, while Chromium still compiles the wasm's optimised code in the`,
    `background, and once more after the page was left alone for ${IDLE_MS / 1000} s, as when a user reads before`,
    'adding an article. The target is read on the second.',
    '',
    `| | ${results.map((result) => `${MODE_NAMES[result.mode]}, right after load | ${MODE_NAMES[result.mode]}, after ${IDLE_MS / 1000} s`).join(' | ')} |`,
    `|---|${results.map(() => '---:|---:').join('|')}|`,
  ];
  const row = (label, value) => lines.push(`| ${label} | ${results.map((result) =>
    `${ms(value(result.analysisAfterLoad), 1)} | ${ms(value(result.analysis), 1)}`).join(' | ')} |`);
  row('median', median);
  row('p90', (values) => percentile(values, 0.9));
  row('min', (values) => Math.min(...values));
  row('max', (values) => Math.max(...values));
  lines.push('', `Target: median ≤ ${TARGETS.analysisMs} ms: ` + results.map((result) => {
    const value = median(result.analysis);
    return `${MODE_NAMES[result.mode]} ${ms(value, 1)} ${mark(value <= TARGETS.analysisMs)}`;
  }).join(', '));
  return lines;
}

function report(host, results, seedBytes, seconds) {
  const weight = weightSection(results);
  const load = (values) => values.map((value) => value.toFixed(2)).join(' / ');
  const problems = results.flatMap((result) => [
    ...result.pageErrors.map((message) => `${MODE_NAMES[result.mode]}: page error: ${message}`),
    ...result.consoleErrors.map((message) => `${MODE_NAMES[result.mode]}: console error: ${message}`),
  ]);
  const text = [
    '# The page\'s speed and weight',
    '',
    'How heavy the built page (public/) is and how fast it gets to work, in headless Chromium, served',
    'over http by a local static server (no compression, `cache-control: no-store`) and opened from',
    'disk (`file://`). Regenerate with `bash tools/benchmark-page.sh` after `bash tools/build.sh`;',
    'it writes this file and prints a summary.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${host.cpu} |`,
    `| cores (nproc) | ${host.cores} |`,
    `| browser | ${host.chromium}, headless |`,
    `| node | ${host.node} |`,
    `| load average (1/5/15 min) at start | ${load(host.loadAtStart)} |`,
    `| load average at end | ${load(host.loadAtEnd)} |`,
    `| commit | ${host.commit} (public/ as built then) |`,
    `| run | ${host.date}, ${seconds.toFixed(0)} s |`,
    '',
    'The machine is shared: a load average above the number of cores means other work competed for',
    'the CPU, and every time below is longer than on an idle machine.',
    '',
    ...weight.text,
    '',
    ...readySection(results),
    '',
    ...phasesSection(results),
    '',
    ...analysisSection(results),
    '',
    '## Targets',
    '',
    '| Target | Measured | |',
    '|---|---|:-:|',
    `| page weight ≤ ${(TARGETS.gzipBytes / 1e6).toFixed(0)} MB gzipped | ${(weight.total.gzip / 1e6).toFixed(2)} MB | ${mark(weight.total.gzip <= TARGETS.gzipBytes)} |`,
    ...results.map((result) => {
      const value = median(result.loads.map((entry) => entry.firstAnalysis));
      return `| first analysis shown ≤ ${TARGETS.firstAnalysisMs} ms, ${MODE_NAMES[result.mode]} | ${ms(value)} | ${mark(value <= TARGETS.firstAnalysisMs)} |`;
    }),
    ...results.map((result) => {
      const value = median(result.analysis);
      return `| seed pair (${(seedBytes / 1000).toFixed(1)} kB) ≤ ${TARGETS.analysisMs} ms, ${MODE_NAMES[result.mode]} (after ${IDLE_MS / 1000} s idle; right after load ${ms(median(result.analysisAfterLoad), 1)}) | ${ms(value, 1)} | ${mark(value <= TARGETS.analysisMs)} |`;
    }),
    '',
    '## Errors seen',
    '',
    problems.length ? problems.map((problem) => `- ${problem}`).join('\n') : 'None: no page error and no console error.',
    '',
  ].join('\n');
  return { text, weight };
}

// ----------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(publicDir, 'index.html')) || !existsSync(join(publicDir, 'annotator-core.js'))) {
    console.error(`benchmark-page: ${publicDir} has no built page; run bash tools/build.sh first`);
    process.exit(1);
  }
  const started = Date.now();
  const host = machine();
  host.date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const seeds = seedFiles.map((name) => readFileSync(join(seedsDir, name), 'utf8'));
  const seedBytes = seeds.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(`benchmark-page: ${host.cores} cores, load ${host.loadAtStart.map((value) => value.toFixed(2)).join(' ')}, ${host.chromium}`);

  await startServer();
  const results = [];
  try {
    for (const mode of MODES) {
      process.stdout.write(`benchmark-page: ${MODE_NAMES[mode]}… `);
      const result = await measure(mode, seeds);
      results.push(result);
      console.log(`first analysis ${ms(median(result.loads.map((load) => load.firstAnalysis)))}, ` +
        `analyze ${ms(median(result.analysis), 1)}`);
    }
  } finally {
    await stopServer();
  }
  host.loadAtEnd = loadavg();
  const seconds = (Date.now() - started) / 1000;
  const { text, weight } = report(host, results, seedBytes, seconds);
  writeFileSync(outputPath, text);

  const line = (label, value) => console.log(`  ${label.padEnd(44)} ${value}`);
  console.log(`\nwrote ${relative(root, outputPath)} in ${seconds.toFixed(0)} s; load average ${host.loadAtStart[0].toFixed(2)} → ${host.loadAtEnd[0].toFixed(2)} on ${host.cores} cores`);
  line('page weight, gzip -9', `${(weight.total.gzip / 1e6).toFixed(2)} MB (${(weight.total.bytes / 1e6).toFixed(2)} MB raw) ${mark(weight.total.gzip <= TARGETS.gzipBytes)}`);
  if (weight.split) line('  of which base64 wasm payload', `${(weight.split.payload.gzip / 1e6).toFixed(2)} MB gzip`);
  for (const result of results) {
    const name = MODE_NAMES[result.mode];
    const first = summary(result.loads.map((load) => load.firstAnalysis));
    const ready = summary(result.loads.map((load) => load.ready));
    const dcl = summary(result.loads.map((load) => load.domContentLoaded));
    line(`${name}: first analysis shown (median, min–max)`, `${ms(first.median)} (${first.min.toFixed(0)}–${first.max.toFixed(0)}) ${mark(first.median <= TARGETS.firstAnalysisMs)}`);
    line(`${name}: core ready / DOMContentLoaded`, `${ms(ready.median)} / ${ms(dcl.median)}`);
    line(`${name}: seed pair right after load (median, p90)`, `${ms(median(result.analysisAfterLoad), 1)}, ${ms(percentile(result.analysisAfterLoad, 0.9), 1)}`);
    line(`${name}: seed pair after ${IDLE_MS / 1000} s idle (median, p90)`, `${ms(median(result.analysis), 1)}, ${ms(percentile(result.analysis, 0.9), 1)} ${mark(median(result.analysis) <= TARGETS.analysisMs)}`);
    line(`${name}: worker script / createCore / warm-up (replay)`, `${ms(result.phases.scriptEvaluated)} / ${ms(result.phases.createCore)} / ${ms(result.phases.warmUp)}`);
    for (const problem of [...result.pageErrors, ...result.consoleErrors]) console.log(`  ${name}: error: ${problem}`);
  }
}

// Run as a program; imported (by a one-off experiment), it only exports its measures.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`benchmark-page: ${error.stack || error}`);
    process.exit(1);
  });
}
