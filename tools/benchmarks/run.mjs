// Runs every benchmark of docs/benchmarks.md and writes it: the core natively, as wasm in
// node and in headless Chromium, beside compromise and wink-nlp, on the same texts; the
// core at 10 to 5,000 articles; start-up and page weight; a callgrind profile. Started by
// tools/benchmarks.sh (which installs and builds what is missing).
//   node tools/benchmarks/run.mjs             measure everything, write the doc
//   node tools/benchmarks/run.mjs --report    rewrite the doc from the last measures
//                                             (build/benchmarks.json)
// BENCHMARKS_QUICK=1 makes every set small, to try the harness (the doc then says so).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as browserMain } from './browser.mjs';
import { scaleArticles, scalePoolSize, throughputSets, wordsOf } from './corpora.mjs';
import { main as nativeMain, shortName } from './native.mjs';
import { publicFiles, wasmWeight } from './weight.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const publicDir = join(root, 'public');
const docPath = join(root, 'docs', 'benchmarks.md');
const resultsPath = join(root, 'build', 'benchmarks.json');
const quick = Boolean(process.env.BENCHMARKS_QUICK);

// Best of, for ours and wink on each throughput set: this shared machine's speed drifts by a
// fifth from minute to minute, and the best of five reads the code more than the neighbours.
const RUNS = 5;
const STARTUP_REPEATS = 3;             // fresh processes / profiles, median
const SIZES = quick
  ? [{ count: 10, runs: 2 }, { count: 100, runs: 1 }]
  : [{ count: 10, runs: 5 }, { count: 100, runs: 3 }, { count: 1000, runs: 3 }, { count: 5000, runs: 2 }];  // a first run at a size pays the memory it grows to
const PROFILE_COPIES = 50;             // callgrind: copies of each seed article
const PROFILE_SIZES = quick ? [10, 40] : [100, 400];  // callgrind: articles, to see what grows
const TARGETS = {
  wasmWordsPerSecond: 300_000,
  timesCompromise: 10,
  browserThousandSeconds: 10,
};
const SYSTEMS = ['ours', 'compromise', 'wink'];
const GROWTH_FLAG = 2;                 // a stage whose time per word grows more than this is flagged

const started = Date.now();
const log = (message) => console.error(`[benchmarks ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);

// ----------------------------------------------------------------------------------------
// Measuring

function machine() {
  const read = (command, args) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? cpu;
  } catch { /* not Linux */ }
  const packageVersion = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cpu,
    cores: availableParallelism(),
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    chromium: read(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version']).replace(/^.*?(Chromium)/s, '$1'),
    compiler: read('c++', ['--version']).split('\n')[0],
    emscripten: read('emcc', ['--version']).split('\n')[0],
    commit: read('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    versions: { compromise: packageVersion('compromise'), 'wink-nlp': packageVersion('wink-nlp'), 'wink-eng-lite-web-model': packageVersion('wink-eng-lite-web-model') },
    loadAtStart: loadavg(),
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  };
}

// One measure of node.mjs in its own process.
function inNode(...args) {
  const run = spawnSync(process.execPath, [join(here, 'node.mjs'), ...args.map(String)],
    { encoding: 'utf8', maxBuffer: 1 << 28, env: process.env });
  if (run.status !== 0) throw new Error(`node.mjs ${args.join(' ')}: ${run.stderr.slice(-3000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function measure() {
  const results = { quick, machine: machine(), sizes: SIZES, runs: RUNS, startupRepeats: STARTUP_REPEATS, profileCopies: PROFILE_COPIES, profileSizes: PROFILE_SIZES };
  const sets = throughputSets();
  results.sets = Object.fromEntries(Object.entries(sets).map(([key, set]) => [key, { label: set.label, documents: set.documents.length, words: wordsOf(set.documents) }]));
  results.scalePool = { distinct: scalePoolSize(), words: wordsOf(scaleArticles(scalePoolSize())) };

  log('page weight');
  results.weight = { wasm: wasmWeight(root, publicDir), files: publicFiles(publicDir) };

  log('native');
  results.native = nativeMain({ root, runs: RUNS, sizes: SIZES, profileCopies: PROFILE_COPIES, profileSizes: PROFILE_SIZES });

  log('node: start-up');
  results.node = { startup: {}, throughput: {}, scale: [] };
  for (const name of SYSTEMS) {
    results.node.startup[name] = Array.from({ length: STARTUP_REPEATS }, () => inNode('startup', name));
  }
  for (const name of SYSTEMS) {
    log(`node: throughput, ${name}`);
    results.node.throughput[name] = inNode('throughput', name, RUNS);
  }
  for (const { count, runs } of SIZES) {
    log(`node: scale, ${count} articles`);
    results.node.scale.push(inNode('scale', count, runs));
  }

  log('Chromium');
  results.browser = await browserMain({ runs: RUNS, sizes: SIZES, startupRepeats: STARTUP_REPEATS });

  results.machine.loadAtEnd = loadavg();
  results.machine.seconds = (Date.now() - started) / 1000;
  return results;
}

// ----------------------------------------------------------------------------------------
// Numbers

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const integer = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—');
const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? integer(value) : fixed(value, 1)) + ' ms' : '—');
const seconds = (value) => (Number.isFinite(value) ? fixed(value / 1000, 2) + ' s' : '—');
const mb = (bytes) => (Number.isFinite(bytes) ? fixed(bytes / 1e6, 1) + ' MB' : '—');
const kb = (bytes) => (Number.isFinite(bytes) ? fixed(bytes / 1e3, 1) + ' kB' : '—');
const percent = (part, whole) => (Number.isFinite(part / whole) ? fixed((100 * part) / whole, 1) + ' %' : '—');
const mark = (ok) => (ok ? '✓' : '✗');
const wordsPerSecond = (words, milliseconds) => (words / milliseconds) * 1000;
const load = (values) => values.map((value) => value.toFixed(2)).join(' / ');
const ratio = (value) => (Number.isFinite(value) ? `${fixed(value, 1)}×` : '—');

// ----------------------------------------------------------------------------------------
// The report

function report(results) {
  const { machine: host, sets, native, node, browser, weight, sizes: SIZES, startupRepeats, profileCopies } = results;
  const setKeys = Object.keys(sets);
  const lines = [];
  const add = (...more) => lines.push(...more);
  // Columns after the first `textColumns` are numbers, aligned right.
  const table = (header, rows, textColumns = 1) => {
    add(`| ${header.join(' | ')} |`, `|${header.map((cell, i) => (i < textColumns ? '---' : '---:')).join('|')}|`);
    for (const row of rows) add(`| ${row.join(' | ')} |`);
    add('');
  };
  const nodeOurs = node.throughput.ours.sets;
  const mainThread = browser.mainThread;
  const api = browser.api;

  // Words per second of each system and environment, by set: {label: {set: {wall, cpu}}}.
  const throughputRows = [
    ['ours, native (C++, `build/benchmark --request`)', native.sets, true],
    ['ours, wasm in node (`analyzeDocuments`)', nodeOurs, true],
    ['ours, wasm in Chromium, page main thread (`analyzeDocuments`)', mainThread.ours.sets, true],
    ['ours, wasm in Chromium, the page\'s worker (`window.annotator.analyze`)', api.sets, true],
    ['compromise, node', node.throughput.compromise.sets, true],
    ['compromise, Chromium main thread', mainThread.compromise.sets, true],
    ['wink-nlp, node', node.throughput.wink.sets, true],
    ['wink-nlp, Chromium main thread', mainThread.wink.sets, true],
  ];

  add('# Benchmarks', '');
  if (results.quick) add('**Quick run (BENCHMARKS_QUICK=1): small sets, figures not comparable with a full run.**', '');
  add(
    'How fast the whole pipeline (text, tokens, sentences, dates, entities, aliases, events, JSON',
    'out: one `analyzeDocuments` call on a collection) runs natively, as WebAssembly in node and in',
    'headless Chromium, beside two JavaScript libraries doing less on the same texts; how it scales',
    'to 5,000 articles; how long it takes to start and what the page weighs; where the',
    'instructions go. Regenerate everything with one command (five to seven minutes here, plus a',
    'build when one is needed):',
    '',
    '    bash tools/benchmarks.sh',
    '',
    'It installs the npm packages of `tools/benchmarks/` (`npm ci`) and of `tests/browser/`',
    '(playwright-core) if missing, builds with `tools/build.sh` if `build/` or `public/` is',
    'missing or older than its sources (native and wasm must be the same code; `--no-build` skips',
    'that), runs `tools/benchmarks/run.mjs` and writes this file; the raw measures go to',
    '`build/benchmarks.json` (`node tools/benchmarks/run.mjs --report` rewrites this file from',
    'them). The page\'s own start (time to first analysis shown) is measured by',
    '`tools/benchmark-page.sh` in [page.md](page.md). What each optimisation bought, measured',
    'as it was made, is in [optimisations.md](optimisations.md).',
    '',
    '## Machine and method',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${host.cpu}, ${host.cores} cores, ${fixed(host.memoryGb, 0)} GiB |`,
    `| load average (1/5/15 min) at start | ${load(host.loadAtStart)} |`,
    `| load average at end | ${load(host.loadAtEnd)} |`,
    `| native | ${host.compiler}, Release (-O3) |`,
    `| wasm | ${host.emscripten}; public/annotator-core.js as the page ships it |`,
    `| node | ${host.node} |`,
    `| browser | ${host.chromium}, headless |`,
    `| npm packages | compromise ${host.versions.compromise}, wink-nlp ${host.versions['wink-nlp']} with wink-eng-lite-web-model ${host.versions['wink-eng-lite-web-model']} |`,
    `| commit | ${host.commit} (build/ and public/ as built then) |`,
    `| run | ${host.date}, ${fixed(host.seconds / 60, 1)} min |`,
    '',
    'The machine is shared with other work: with a load average above the number of cores, every',
    'wall-clock time below is longer than on a quiet machine (up to about twice: compare the',
    'native and node CPU times with their wall times). Times are wall clock (performance.now(),',
    'steady_clock), the best of several runs after a warm-up. Beside them, CPU time, which other',
    'work disturbs less: native, the process\'s `clock()`; node, `process.cpuUsage()` (V8\'s compiler',
    'and GC threads included); Chromium, the renderer\'s own counters through the DevTools protocol',
    '(`Performance.getMetrics`): `ThreadTime` of the page\'s main thread for what runs there,',
    '`ProcessTime` of the whole renderer (page, worker, compiler and GC threads) for the page\'s API.',
    'Less disturbed is not undisturbed: the two cores share caches, so CPU times too vary from run',
    'to run by a fifth or more here; instruction counts (section 5) do not.',
    '',
    '**Words** are counted the same way for every system: the whitespace-separated tokens of the',
    'input text (`countWords` in tools/benchmarks/corpora.mjs). **Texts**, built once in',
    'tools/benchmarks/corpora.mjs and given to every system as the same strings:',
    '',
  );
  table(['set', 'what', 'documents', 'words'], [
    ['seeds', 'the two seed articles of ../shared/examples/seeds (plain text as a user pastes it), 50 copies of each', integer(sets.seeds.documents), integer(sets.seeds.words)],
    ['conll', 'CoNLL-2003 eng.train and eng.testa, one document per -DOCSTART-', integer(sets.conll.documents), integer(sets.conll.words)],
    ['ecbplus', 'ECB+, every token file of every topic here, one document each', integer(sets.ecbplus.documents), integer(sets.ecbplus.words)],
  ], 2);
  add(
    'CoNLL-2003 and ECB+ are tokenised corpora, so their texts are **detokenised naively**: the',
    'tokens of a sentence joined by one space, sentences by a blank line (as the native tagger',
    'benchmark does). Punctuation keeps a space before it ("Germany \'s", "U.S. ,") and quotes',
    'are the corpus\'s (`` \'\'); every system reads the same such text.',
    '',
    'What each system is asked (tools/benchmarks/systems.mjs, the same code in node and in the',
    'page): **ours**, the whole analysis of the collection at once, result parsed into JS objects;',
    '**compromise**, `nlp(text)` then `.people()`, `.places()` and `.organizations()` as text, per',
    'document; **wink-nlp**, `winkNLP(model, [\'sbd\', \'pos\', \'ner\'])`, then',
    '`readDoc(text).entities().out(its.detail)` per document. In Chromium, compromise is its UMD',
    'build (`builds/compromise.js`) by a `<script>` tag; wink-nlp and its model ship CommonJS',
    'files only, no browser build, so the harness wraps each file unchanged in a function behind a',
    'small `require` (no bundler) and loads that by a `<script>` tag. The three run one after the',
    'other on blank pages of one profile; ours also runs through the product page',
    '(public/index.html), in its worker. The harness serves the pages cross-origin isolated (COOP',
    'and COEP headers) so that `performance.measureUserAgentSpecificMemory()` is available.',
    '',
  );

  // Summary
  add('## Summary', '');
  {
    const real = setKeys.filter((key) => key !== 'seeds');
    const rate = (bySet, key) => wordsPerSecond(sets[key].words, bySet[key].ms);
    const range = (bySet) => real.map((key) => `${integer(rate(bySet, key))} (${key})`).join(', ');
    const cpuRange = (bySet) => real.map((key) => integer(wordsPerSecond(sets[key].words, bySet[key].cpuMs))).join(', ');
    const versus = (oursSets, theirSets) => setKeys.map((key) => `${ratio(theirSets[key].ms / oursSets[key].ms)} (${key})`).join(', ');
    const thousandApi = api.scale.find((entry) => entry.count === 1000);
    add(
      `- Whole pipeline, words/s on the real corpora: native ${range(native.sets)} (by CPU time ${cpuRange(native.sets)});` +
      ` wasm in node ${range(nodeOurs)} (CPU ${cpuRange(nodeOurs)}); wasm in Chromium, main thread ${range(mainThread.ours.sets)};` +
      ` through the page's worker ${range(api.sets)}. Target ≥ ${integer(TARGETS.wasmWordsPerSecond)} words/s in wasm: ` +
      `${mark([nodeOurs, mainThread.ours.sets, api.sets].every((bySet) => real.every((key) => rate(bySet, key) >= TARGETS.wasmWordsPerSecond)))}` +
      ` (by CPU time ${mark([nodeOurs, mainThread.ours.sets].every((bySet) => real.every((key) => wordsPerSecond(sets[key].words, bySet[key].cpuMs) >= TARGETS.wasmWordsPerSecond)))}, node and main thread).`,
      `- Against compromise (ours ÷ theirs, words/s): node ${versus(nodeOurs, node.throughput.compromise.sets)}; Chromium ${versus(mainThread.ours.sets, mainThread.compromise.sets)}.` +
      ` Target ≥ ${TARGETS.timesCompromise}×: ${mark([[nodeOurs, node.throughput.compromise.sets], [mainThread.ours.sets, mainThread.compromise.sets]].every(([o, t]) => setKeys.every((key) => t[key].ms / o[key].ms >= TARGETS.timesCompromise)))}` +
      ` (by CPU time: node ${setKeys.map((key) => ratio(node.throughput.compromise.sets[key].cpuMs / nodeOurs[key].cpuMs)).join(', ')}; Chromium ${setKeys.map((key) => ratio(mainThread.compromise.sets[key].cpuMs / mainThread.ours.sets[key].cpuMs)).join(', ')})` +
      `. wink-nlp, whose NER finds numbers, dates and the like but no names, runs at ${setKeys.map((key) => `${ratio(nodeOurs[key].ms / node.throughput.wink.sets[key].ms)} (${key})`).join(', ')} our speed in node.`,
      `- By CPU time, which the shared machine disturbs less than wall-clock time, wasm in node runs at ${real.map((key) => `${percent(native.sets[key].cpuMs, nodeOurs[key].cpuMs)} (${key})`).join(', ')} of native speed` +
      ` (node's CPU time includes V8's compiler and GC threads).`,
      thousandApi ? `- 1,000 articles (${integer(thousandApi.words)} words) through the page: ${seconds(thousandApi.ms)}; target under ${TARGETS.browserThousandSeconds} s: ${mark(thousandApi.ms < TARGETS.browserThousandSeconds * 1000)}.` : '- 1,000 articles: not measured in this run.',
      `- Page weight: ${mb(weight.files.reduce((sum, file) => sum + file.gzip, 0))} gzipped, ${percent(weight.files.find((file) => file.file === 'annotator-core.js')?.gzip, weight.files.reduce((sum, file) => sum + file.gzip, 0))} of it the core; in the wasm the models weigh ${kb(weight.wasm.parts.models?.bytes)} (${kb(weight.wasm.parts.models?.gzip)} gzipped), the code ${kb(weight.wasm.parts.code?.bytes)}.`,
      '',
    );
  }

  // 1. Throughput
  add('## 1. Throughput of the whole pipeline', '');
  add(`Words per second, best of ${results.runs} runs after a warm-up (compromise: one run of each set, ` +
      'after a warm-up on ten seed documents; it takes tens of seconds per corpus). In brackets: by CPU time.', '');
  table(['system, environment', ...setKeys.map((key) => `${key} (${integer(sets[key].words)} words)`)],
    throughputRows.map(([label, bySet, hasCpu]) => [label, ...setKeys.map((key) => {
      const entry = bySet[key];
      if (!entry) return '—';
      const wall = integer(wordsPerSecond(entry.words ?? sets[key].words, entry.ms));
      return hasCpu && Number.isFinite(entry.cpuMs) ? `${wall} (${integer(wordsPerSecond(entry.words ?? sets[key].words, entry.cpuMs))})` : wall;
    })]));
  add(
    'The page\'s worker adds to the module\'s own time: the documents cloned into the worker, the',
    'result sent back as JSON text and parsed on the page (core-client.js), progress messages.',
    '',
    'Where the time of one analysis goes, ours on CoNLL (best run): **documents** (text checks,',
    'tokens, sentences, dates, entity tagging; per document), **aliases** (entities across',
    'documents), **events**, **output** (the result as JSON, into a JS string), **parse**',
    '(`JSON.parse` of it; native has none). From the core\'s progress callbacks.',
    '',
  );
  const stageNames = ['documents', 'aliases', 'events', 'output', 'parse'];
  const stageRow = (label, entry) => [label, ...stageNames.map((stage) => {
    const value = entry.stages?.[stage];
    return Number.isFinite(value) ? `${ms(value)} (${percent(value, entry.ms)})` : '—';
  }), ms(entry.ms)];
  table(['CoNLL', ...stageNames, 'total'], [
    stageRow('native', native.sets.conll),
    stageRow('wasm, node', nodeOurs.conll),
    stageRow('wasm, Chromium main thread', mainThread.ours.sets.conll),
  ]);
  const nativeConll = native.sets.conll;
  const nodeConll = nodeOurs.conll;
  add('wasm in node against native, stage by stage on CoNLL (time ratio, wall clock): ' +
    ['documents', 'aliases', 'events', 'output'].map((stage) => `${stage} ${ratio(nodeConll.stages[stage] / nativeConll.stages[stage])}`).join(', ') +
    `; whole call ${ratio(nodeConll.ms / nativeConll.ms)}.`, '');

  // 2. Side by side
  add('## 2. Side by side, same run, same texts', '');
  const ratioRows = [];
  for (const [environment, oursSets, theirs] of [['node', nodeOurs, node.throughput], ['Chromium main thread', mainThread.ours.sets, mainThread]]) {
    for (const key of setKeys) {
      const ours = wordsPerSecond(sets[key].words, oursSets[key].ms);
      const compromise = wordsPerSecond(sets[key].words, theirs.compromise.sets[key].ms);
      const wink = wordsPerSecond(sets[key].words, theirs.wink.sets[key].ms);
      const byCpu = theirs.compromise.sets[key].cpuMs / oursSets[key].cpuMs;
      ratioRows.push([environment, key, integer(ours), integer(compromise), `${ratio(ours / compromise)} ${mark(ours / compromise >= TARGETS.timesCompromise)}`,
        `${ratio(byCpu)} ${mark(byCpu >= TARGETS.timesCompromise)}`, integer(wink), ratio(ours / wink)]);
    }
  }
  add('Words per second (wall clock) and ours ÷ theirs, by wall clock and by CPU time; the target is ours ≥ 10× compromise.', '');
  table(['environment', 'set', 'ours', 'compromise', 'ours ÷ compromise', 'the same by CPU time', 'wink-nlp', 'ours ÷ wink-nlp'], ratioRows, 2);

  add('What each extracts (not a quality comparison: counts of what each returns on the same texts; ' +
      'ours counts mentions by type, then entities across the collection, then events):', '');
  const oursFound = (key) => {
    const found = nodeOurs[key].found;
    const mentions = Object.entries(found.mentions).sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${integer(count)}`).join(', ');
    const entities = Object.values(found.entities).reduce((sum, count) => sum + count, 0);
    return `mentions: ${mentions}; ${integer(entities)} entities; ${integer(found.events)} events (${integer(found.eventMentions)} event mentions)`;
  };
  const countsOf = (found) => Object.entries(found).sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${integer(count)}`).join(', ');
  table(['set', 'ours', 'compromise (people, places, organizations)', 'wink-nlp (entities by type)'],
    setKeys.map((key) => [key, oursFound(key), countsOf(node.throughput.compromise.sets[key].found), countsOf(node.throughput.wink.sets[key].found)]), 4);
  add(
    'wink-eng-lite-web-model\'s NER finds numbers, dates, times, money, percentages, e-mail',
    'addresses, URLs, hashtags and the like; it has no person, organisation or place types, so it',
    'does far less than either of the others.',
    '',
  );
  {
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const differing = [];
    for (const [name, nodeSets, pageSets] of [['ours', nodeOurs, mainThread.ours.sets], ['ours (page worker)', nodeOurs, api.sets],
      ['compromise', node.throughput.compromise.sets, mainThread.compromise.sets], ['wink-nlp', node.throughput.wink.sets, mainThread.wink.sets]]) {
      for (const key of setKeys) if (!same(nodeSets[key].found, pageSets[key].found)) differing.push(`${name} on ${key}`);
    }
    add(differing.length ? `Node and Chromium found different counts for: ${differing.join(', ')}.`
      : 'Every system found exactly the same in node and in Chromium (for ours, also through the page\'s worker).', '');
  }

  // Targets
  add('### Targets', '');
  const targetRows = [];
  for (const [label, bySet] of [['wasm in node', nodeOurs], ['wasm in Chromium, main thread', mainThread.ours.sets], ['wasm in Chromium, page worker', api.sets]]) {
    for (const key of setKeys) {
      const value = wordsPerSecond(sets[key].words, bySet[key].ms);
      const byCpu = wordsPerSecond(sets[key].words, bySet[key].cpuMs);
      targetRows.push([`whole pipeline ≥ ${integer(TARGETS.wasmWordsPerSecond)} words/s, ${label}, ${key}`, `${integer(value)} words/s`, mark(value >= TARGETS.wasmWordsPerSecond),
        `${integer(byCpu)} words/s`, mark(byCpu >= TARGETS.wasmWordsPerSecond)]);
    }
  }
  for (const [label, oursSets, theirs] of [['node', nodeOurs, node.throughput], ['Chromium', mainThread.ours.sets, mainThread]]) {
    for (const key of setKeys) {
      const value = theirs.compromise.sets[key].ms / oursSets[key].ms;
      const byCpu = theirs.compromise.sets[key].cpuMs / oursSets[key].cpuMs;
      targetRows.push([`≥ ${TARGETS.timesCompromise}× compromise, ${label}, ${key}`, ratio(value), mark(value >= TARGETS.timesCompromise), ratio(byCpu), mark(byCpu >= TARGETS.timesCompromise)]);
    }
  }
  const thousand = api.scale.find((entry) => entry.count === 1000);
  if (thousand) {
    targetRows.push([`1,000 articles (${integer(thousand.words)} words) in under ${TARGETS.browserThousandSeconds} s in the browser (page worker)`,
      seconds(thousand.ms), mark(thousand.ms < TARGETS.browserThousandSeconds * 1000), `${seconds(thousand.cpuMs)} (renderer)`, mark(thousand.cpuMs < TARGETS.browserThousandSeconds * 1000)]);
  }
  add('Judged on wall-clock time, what a user waits, and on CPU time, what the machine\'s other work',
    'leaves out (for the page\'s worker the whole renderer\'s CPU, which counts V8\'s compiler and GC',
    'threads as well, so it may exceed the wall-clock time).', '');
  table(['target', 'wall clock', '', 'CPU time', ''], targetRows);

  // 3. Scale
  add('## 3. Scale', '');
  add(
    `Articles of news size from the real corpora: ECB+ then CoNLL-2003 documents in corpus order,`,
    `consecutive ones joined until an article has at least 250 words, which gives ${integer(results.scalePool.distinct)} distinct`,
    `articles of ${integer(results.scalePool.words / results.scalePool.distinct)} words on average; larger sizes cycle through them again`,
    '(so 5,000 articles hold each one four or five times: the same names recur, which may make',
    'alias resolution cheaper than on 5,000 different articles). All the articles of a size are',
    `analysed together, in one call. Best of ${SIZES.map((size) => `${size.runs} at ${integer(size.count)}`).join(', ')}.`,
    '',
  );
  const nodeScale = node.scale;
  const rows = SIZES.map(({ count }, index) => {
    const n = native.scale[index];
    const w = nodeScale[index];
    const b = api.scale[index];
    const renderer = b?.renderers?.length ? Math.max(...b.renderers.map((r) => r.peakKb)) * 1024 : NaN;
    return [integer(count), integer(w.words),
      `${seconds(n.ms)} (CPU ${seconds(n.cpuMs)})`, ms(n.ms / count), mb(n.time.maxRssKb * 1024),
      `${seconds(w.ms)} (CPU ${seconds(w.cpuMs)})`, ms(w.ms / count), mb(w.maxRssKb * 1024), mb(w.heapBytes),
      b ? seconds(b.ms) : '—', b ? ms(b.ms / count) : '—', mb(renderer), b?.memory ? mb(b.memory.bytes) : '—'];
  });
  table(['articles', 'words', 'native', 'per article', 'max RSS', 'wasm, node', 'per article', 'max RSS', 'wasm heap',
    'Chromium, page worker', 'per article', 'renderer peak RSS', 'JS memory'], rows);
  const atReady = api.renderersAtReady?.length ? Math.max(...api.renderersAtReady.map((r) => r.peakKb)) * 1024 : NaN;
  add(
    'Memory: native, the peak RSS of `build/benchmark --request` (`/usr/bin/time -v`), which holds',
    'the request, the analysis and the JSON result; node, the process\'s peak RSS',
    '(`process.resourceUsage().maxRSS`) and the module\'s wasm memory after the call (HEAP8; it',
    'never shrinks, so it is its peak); Chromium, the peak RSS (VmHWM) of the page\'s renderer',
    `process, page and worker together (${mb(atReady)} once the page is ready, before any of these; sizes run`,
    'in increasing order on one page, so each peak is that size\'s), and',
    '`performance.measureUserAgentSpecificMemory()` right after the call with the result held:',
    'the JS heaps of page and worker, which do not include the wasm memory. The worker\'s wasm',
    'memory cannot be reached through the page\'s API; it is the same module on the same input as',
    'in node, so the node column gives it.',
    '',
  );
  if (results.native.cli) {
    const cli = results.native.cli;
    add(`The command-line tool, \`build/annotate --jsonl\` on the ${integer(cli.count)} articles (reading JSON lines, printing the`,
      `result): ${fixed(cli.elapsedSeconds, 2)} s, max RSS ${mb(cli.maxRssKb * 1024)}, ${mb(cli.outputBytes)} of JSON out.`, '');
  }
  // Per stage, per article, at each size; growth = per-word time at the largest size over at 100.
  add('Per stage, ms per 1,000 words at each size, in **CPU time** (from the core\'s progress callbacks:',
    'native `clock()`, node `process.cpuUsage()`), which other work on the machine disturbs less than',
    'wall-clock time; a linear stage keeps the same figure at every size. At 10 articles fixed costs',
    'dominate, so growth is read from 100 articles on.', '');
  const stageKeys = ['documents', 'aliases', 'events', 'output'];
  const perThousandWords = (entry, stage) => ((entry.stagesCpu ?? entry.stages)[stage] / entry.words) * 1000;
  const baseIndex = SIZES.findIndex((size) => size.count === 100);
  const laterIndexes = SIZES.map((size, index) => index).filter((index) => baseIndex >= 0 && index > baseIndex);
  const small = (value) => (Number.isFinite(value) ? (value < 10 ? fixed(value, 2) : fixed(value, 1)) + ' ms' : '—');
  const stageRows = [];
  const flagged = [];
  for (const [label, list] of [['native', native.scale], ['wasm, node', nodeScale]]) {
    const row = (name, values) => {
      const growths = laterIndexes.map((index) => values[index] / values[baseIndex]);
      const worst = Math.max(...growths);
      if (name && worst > GROWTH_FLAG) flagged.push(`${name} (${label}, up to ${ratio(worst)})`);
      stageRows.push([label, name ?? '**whole call**', ...values.map(small), ...growths.map((growth) => `${ratio(growth)}${name && growth > GROWTH_FLAG ? ' ⚠' : ''}`)]);
    };
    for (const stage of stageKeys) row(stage, list.map((entry) => perThousandWords(entry, stage)));
    row(null, list.map((entry) => ((entry.cpuMs ?? entry.ms) / entry.words) * 1000));
  }
  table(['', 'stage', ...SIZES.map((size) => `${integer(size.count)} articles`),
    ...laterIndexes.map((index) => `growth ${integer(SIZES[baseIndex].count)} → ${integer(SIZES[index].count)}`)], stageRows, 2);
  add(flagged.length
    ? `Growing faster than the collection (time per word up by more than ${GROWTH_FLAG}× from ${integer(SIZES[baseIndex]?.count)} articles to a larger size, ⚠): ${flagged.join('; ')}. ` +
      'Sizes up to 1,000 are (nearly) all different articles; 5,000 repeats them, so a stage whose cost grows with the number of distinct names (aliases) can look cheaper there than it would on 5,000 different articles. ' +
      `Best of ${SIZES.map((size) => size.runs).join(', ')} runs: smaller factors are within the noise of this machine.`
    : `No stage grows clearly faster than the collection (time per word up by less than ${GROWTH_FLAG}×).`, '');

  // 4. Start-up
  add('## 4. Start-up', '');
  add(
    `Median of ${startupRepeats} fresh node processes and ${startupRepeats} fresh Chromium profiles (a blank page per system,`,
    'main thread). **Load**: node `require()` / Chromium a `<script>` tag until its load event',
    `(read, parse, run; for ours that includes the ${mb(weight.wasm.base64Bytes)} of base64 text); **instantiate**: ours`,
    '`createCore()` (base64 decode, wasm compile and instantiation), wink-nlp `winkNLP(model)` (its',
    'model read), compromise nothing; **first call**: one call on "Ready."; ours loads its models,',
    'lexicons and ICU data lazily here; **second call**: the same again.',
    '',
  );
  const startupRow = (label, list) => {
    const step = (key) => median(list.map((entry) => entry.steps?.[key] ?? entry[key]));
    const total = step('load') + step('instantiate') + step('firstCall');
    return [label, ms(step('load')), ms(step('instantiate')), ms(step('firstCall')), ms(step('secondCall')), ms(total)];
  };
  table(['system, environment', 'load', 'instantiate', 'first call', 'second call', 'load → first result'], [
    startupRow('ours, node', node.startup.ours),
    startupRow('ours, Chromium', browser.startup.ours),
    startupRow('compromise, node', node.startup.compromise),
    startupRow('compromise, Chromium', browser.startup.compromise),
    startupRow('wink-nlp, node', node.startup.wink),
    startupRow('wink-nlp, Chromium', browser.startup.wink),
  ]);
  add(`The product page in this harness's profile became ready (\`data-ready\`) ${ms(api.readyMs)} after navigation began` +
    ' (first visit, nothing cached); see [page.md](page.md) for time to ready over reloads.', '');

  add('### Page weight', '');
  const files = weight.files;
  const partOf = (file) => (file === 'annotator-core.js' ? 'the core (annotator-core.js)' : /\.m?js$/.test(file) ? 'scripts' : file.endsWith('.css') ? 'styles' : file.endsWith('.html') ? 'HTML' : 'icons, manifest');
  const parts = {};
  for (const file of files) {
    const part = partOf(file.file);
    parts[part] ??= { bytes: 0, gzip: 0, files: 0 };
    parts[part].bytes += file.bytes;
    parts[part].gzip += file.gzip;
    parts[part].files += 1;
  }
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const totalGzip = files.reduce((sum, file) => sum + file.gzip, 0);
  add('Every file of public/, on disk and gzipped at level 9 (each file alone):', '');
  table(['part', 'files', 'bytes', 'gzip -9', 'share of gzip'], [
    ...Object.entries(parts).sort((a, b) => b[1].gzip - a[1].gzip).map(([part, value]) => [part, integer(value.files), integer(value.bytes), integer(value.gzip), percent(value.gzip, totalGzip)]),
    ['**total**', integer(files.length), integer(totalBytes), integer(totalGzip), '100 %'],
  ]);
  const wasm = weight.wasm;
  add(
    `annotator-core.js is the JS glue (${integer(wasm.glueBytes)} bytes, ${integer(wasm.glueGzip)} gzipped) and the wasm as base64 text`,
    `(${integer(wasm.base64Bytes)} bytes); the wasm itself is ${integer(wasm.wasmBytes)} bytes, ${integer(wasm.wasmGzip)} gzipped. Inside it, by part`,
    '(tools/benchmarks/weight.mjs reads the wasm\'s sections; the embedded files of core/CMakeLists.txt are',
    'found in its data segments by their bytes; each part gzipped alone):',
    '',
  );
  const wasmParts = Object.entries(wasm.parts);
  table(['part of the wasm', 'bytes', 'share', 'gzip -9 alone'], wasmParts.map(([part, value]) => [part, integer(value.bytes), percent(value.bytes, wasm.wasmBytes), value.gzip == null ? '—' : integer(value.gzip)]));
  const models = wasm.files.filter((file) => file.kind === 'models');
  add(
    `The models: ${models.map((file) => `${file.path} ${integer(file.fileBytes)} bytes on disk, ${integer(file.wasmBytes)} in the wasm`).join('; ')}.`,
    'wasm-opt leaves runs of zero bytes out of the data segments (memory starts zeroed), and most',
    `of a model's bytes are zero weights. The price is in the segments' headers: the data section is cut`,
    `into ${integer(wasm.segments)} segments, whose headers (address and length each) take ${integer(wasm.parts['data segment headers']?.bytes)} bytes. The data as one`,
    `contiguous image (zeros included) would be ${integer(wasm.memoryImage?.bytes)} bytes but ${integer(wasm.memoryImage?.gzip)} gzipped, against`,
    `${integer(wasm.dataSectionGzip)} gzipped for the data section as it is.`,
    '',
  );

  // 5. Profile
  const profile = native.callgrind;
  add('## 5. Profile (callgrind, native)', '');
  add(
    `${integer(profile.documents)} seed documents (${profileCopies} copies of each seed article, ${integer(profile.words)} words), one analysis after a warm-up`,
    `call, collected alone: **${integer(profile.total)} instructions, ${integer(profile.total / profile.words)} per word**. To reproduce (REQUEST.json holding`,
    `\`{"documents": [...]}\`, e.g. written by tools/benchmarks/native.mjs):`,
    '',
    `    ${profile.command}`,
    '    callgrind_annotate --inclusive=yes callgrind.out.*',
    '',
    'Top functions by inclusive instructions (the function and all it calls):',
    '',
  );
  const shown = new Set();
  const inclusiveRows = [];
  for (const row of profile.inclusive) {
    const name = shortName(row.name);
    if (shown.has(name) || /^(annotator::analyseRequestJson|annotator::analyse)$/.test(name) && inclusiveRows.length > 2) continue;
    shown.add(name);
    inclusiveRows.push([`\`${name}\``, integer(row.instructions / profile.words), percent(row.instructions, profile.total)]);
    if (inclusiveRows.length >= 22) break;
  }
  table(['function', 'instructions per word', 'share'], inclusiveRows);
  add('Top functions by their own instructions (not counting what they call):', '');
  table(['function', 'instructions per word', 'share'], profile.self.slice(0, 12).map((row) =>
    [`\`${shortName(row.name)}\``, integer(row.instructions / profile.words), percent(row.instructions, profile.total)]));

  // Profile at two collection sizes: instructions per word of each function, and growth.
  const [smallProfile, largeProfile] = native.scaleProfiles ?? [];
  const byName = (profileRows) => {
    const map = new Map();
    for (const row of profileRows) if (!map.has(shortName(row.name))) map.set(shortName(row.name), row.instructions);
    return map;
  };
  if (smallProfile && largeProfile) {
    const small = byName(smallProfile.inclusive);
    const large = byName(largeProfile.inclusive);
    add(`### The same at ${integer(smallProfile.count)} and ${integer(largeProfile.count)} articles`, '');
    add(
      `${integer(smallProfile.count)} and ${integer(largeProfile.count)} of the scale articles of section 3 (${integer(smallProfile.words)} and ${integer(largeProfile.words)} words), each analysed as one collection:`,
      `${integer(smallProfile.total / smallProfile.words)} and ${integer(largeProfile.total / largeProfile.words)} instructions per word. Instruction counts do not depend on the machine's load, so`,
      'the growth of a function\'s instructions per word from one size to the other shows what costs more',
      'as the collection grows: a function whose work is per document stays near 1.0×.',
      '',
    );
    const rows = [...large.entries()]
      .filter(([name]) => !/^annotator::(analyseRequestJson|analyse)$/.test(name))
      .slice(0, 24)
      .map(([name, instructions]) => {
        const perWordLarge = instructions / largeProfile.words;
        const perWordSmall = (small.get(name) ?? NaN) / smallProfile.words;
        const growth = perWordLarge / perWordSmall;
        return [`\`${name}\``, integer(perWordSmall), integer(perWordLarge), `${ratio(growth)}${growth > 1.3 ? ' ⚠' : ''}`, percent(instructions, largeProfile.total)];
      });
    table(['function', `per word, ${integer(smallProfile.count)} articles`, `per word, ${integer(largeProfile.count)} articles`, 'growth', `share at ${integer(largeProfile.count)}`], rows);
  }

  // Hot spots: functions that each do one job (none of them calls another of the list),
  // by inclusive share in the largest profile, where the collection is most like a user's.
  const candidates = {
    'annotator::tagSentence': 'the tagger\'s perceptron: every token\'s feature weights summed, for both stages',
    'annotator::tellsOf': 'events: whether two events tell of the same happening, tried for pairs of events across the collection (it rebuilds both events\' participants() for every pair)',
    'annotator::nameSimilarity': 'aliases: two names compared, for pairs of names across the collection (spellingSimilarity computes both words\' spellingKey for every comparison, then jaroWinkler)',
    'annotator::FeatureExtractor::FeatureExtractor': 'the tagger\'s per-document preparation: every word case-folded (foldCase) and hashed once',
    'annotator::viterbi': 'the tagger\'s best tag sequence per sentence',
    'annotator::findReports': 'events: each sentence read for triggers, speakers and arguments (DocumentReader::readSentence)',
    'annotator::matchDates': 'dates: the date rules tried over each sentence\'s tokens',
    'annotator::toJson': 'the result as JSON (UTF-16 offsets through Utf16Index::toUtf16, strings escaped)',
    'annotator::tokenize': 'tokens (UTF-8 decoding, character classes)',
  };
  const basis = largeProfile ?? { ...profile, count: null };
  const basisRows = byName(basis.inclusive);
  const smallRows = smallProfile ? byName(smallProfile.inclusive) : new Map();
  const hot = Object.entries(candidates).map(([name, what]) => {
    const instructions = basisRows.get(name);
    if (!instructions) return null;
    const growth = smallProfile ? (instructions / basis.words) / ((smallRows.get(name) ?? NaN) / smallProfile.words) : NaN;
    return { name, what, share: instructions / basis.total, perWord: instructions / basis.words, growth };
  }).filter(Boolean).sort((a, b) => b.share - a.share);
  add('### The three most promising hot spots', '');
  add(basis.count
    ? `Functions that each do one job, by inclusive share at ${integer(basis.count)} articles (a collection like a user's; the seed profile above has few distinct names, so the cross-document stages are cheap there):`
    : 'Functions that each do one job, by inclusive share of the profile above:', '');
  hot.slice(0, 3).forEach((spot, index) => add(`${index + 1}. \`${spot.name}\`, ${spot.what}: ${percent(spot.share, 1)} of instructions, ${integer(spot.perWord)} per word` +
    (Number.isFinite(spot.growth) ? `, ${ratio(spot.growth)} per word from ${integer(smallProfile.count)} to ${integer(basis.count)} articles${spot.growth > 1.3 ? ': it grows with the collection' : ''}.` : '.')));
  add('');
  const rest = hot.slice(3).map((spot) => `\`${spot.name}\` ${percent(spot.share, 1)}`).join(', ');
  if (rest) add(`Then: ${rest}.`, '');
  if (flagged.length) {
    add(`Section 3's stage times, up to 5,000 articles, flag as growing faster than the collection: ${flagged.join('; ')}.`, '');
  }

  add('## Errors seen', '');
  const errors = [...(browser.startup.errors ?? []), ...SYSTEMS.flatMap((name) => mainThread[name].errors ?? []), ...(api.errors ?? [])];
  add(errors.length ? errors.map((error) => `- ${error}`).join('\n') : 'None: no page error and no console error in Chromium.', '');
  return lines.join('\n');
}

async function main() {
  let results;
  if (process.argv.includes('--report')) {
    results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  } else {
    results = await measure();
    mkdirSync(dirname(resultsPath), { recursive: true });
    writeFileSync(resultsPath, JSON.stringify(results, null, 1));
  }
  writeFileSync(docPath, report(results));
  log(`wrote ${docPath}`);
}

main().catch((error) => {
  console.error(`benchmarks: ${error.stack || error}`);
  process.exit(1);
});
