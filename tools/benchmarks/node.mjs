// The node half of the benchmark: one measure per process, so that each starts clean and
// its peak memory is its own. Prints its result as one line of JSON.
//   node node.mjs startup ours|compromise|wink   loading, instantiating, the first calls
//   node node.mjs throughput ours|compromise|wink [RUNS]   the throughput sets, best of RUNS
//   node node.mjs scale COUNT [RUNS]             ours on COUNT news-sized articles together
// Ours is the page's module, public/annotator-core.js, required as the page's worker runs it.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleArticles, throughputSets, wordsOf } from './corpora.mjs';
import { extractWithCompromise, extractWithWink, summariseOurs, timedCoreCall } from './systems.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const publicDir = process.env.ANNOTATOR_PUBLIC_DIR ? resolve(process.env.ANNOTATOR_PUBLIC_DIR) : join(root, 'public');
const require = createRequire(import.meta.url);
const now = () => performance.now();
const WARM_UP = [{ id: 'warm-up', text: 'Ready.' }];
// CPU time of the process in ms (user + system; V8's helper threads count too).
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

// Each system's start: the steps from nothing to a first result, in ms.
const starters = {
  async ours() {
    const t0 = now();
    const createCore = require(join(publicDir, 'annotator-core.js'));
    const t1 = now();
    const module = await createCore({});
    const t2 = now();
    module.analyzeDocuments(WARM_UP, {});
    const t3 = now();
    module.analyzeDocuments(WARM_UP, {});
    const t4 = now();
    return {
      system: module,
      steps: { load: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2, secondCall: t4 - t3 },
      heapBytes: module.HEAP8.length,
    };
  },
  async compromise() {
    const t0 = now();
    const nlp = require('compromise');
    const t1 = now();
    extractWithCompromise(nlp, WARM_UP);
    const t2 = now();
    extractWithCompromise(nlp, WARM_UP);
    const t3 = now();
    return { system: nlp, steps: { load: t1 - t0, instantiate: 0, firstCall: t2 - t1, secondCall: t3 - t2 } };
  },
  async wink() {
    const t0 = now();
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const t1 = now();
    const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
    const t2 = now();
    extractWithWink(nlp, WARM_UP);
    const t3 = now();
    extractWithWink(nlp, WARM_UP);
    const t4 = now();
    return { system: nlp, steps: { load: t1 - t0, instantiate: t2 - t1, firstCall: t3 - t2, secondCall: t4 - t3 } };
  },
};

// One pass of a system over documents: ms, and what it found.
function pass(name, system, documents) {
  if (name === 'ours') {
    const call = timedCoreCall(system, documents, cpuNow);
    return { ms: call.ms, stages: call.stages, stagesCpu: call.stagesCpu, bytes: call.bytes, found: summariseOurs(call.result) };
  }
  const start = now();
  const found = name === 'compromise' ? extractWithCompromise(system, documents) : extractWithWink(system, documents);
  return { ms: now() - start, found };
}

// The best of `runs` passes (the shortest), with every run's time and the CPU time of the
// best one (user + system of the whole process, so V8's helper threads count too).
function best(name, system, documents, runs) {
  let fastest = null;
  const times = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const result = pass(name, system, documents);
    const used = process.cpuUsage(cpu);
    result.cpuMs = (used.user + used.system) / 1000;
    times.push(result.ms);
    if (!fastest || result.ms < fastest.ms) fastest = result;
  }
  return { ...fastest, runs: times };
}

async function startup(name) {
  const started = await starters[name]();
  return { steps: started.steps, heapBytes: started.heapBytes ?? null, maxRssKb: process.resourceUsage().maxRSS };
}

// The throughput sets, after a warm-up (the engines' optimising tiers). The slow system,
// compromise (about a minute a corpus), runs each set once, after a warm-up on a tenth of
// the seed set.
async function throughput(name, runs) {
  const { system } = await starters[name]();
  const sets = throughputSets();
  pass(name, system, name === 'compromise' ? sets.seeds.documents.slice(0, 10) : sets.seeds.documents);
  const results = {};
  for (const [key, set] of Object.entries(sets)) {
    const times = name === 'compromise' ? 1 : runs;
    results[key] = { words: wordsOf(set.documents), documents: set.documents.length, ...best(name, system, set.documents, times) };
  }
  return { sets: results, heapBytes: name === 'ours' ? system.HEAP8.length : null, maxRssKb: process.resourceUsage().maxRSS };
}

async function scale(count, runs) {
  const articles = scaleArticles(count);
  const { system } = await starters.ours();
  const rssBefore = process.memoryUsage().rss;
  const result = best('ours', system, articles, runs);
  return {
    count, words: wordsOf(articles), ...result,
    heapBytes: system.HEAP8.length,
    rssBeforeBytes: rssBefore,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

const [command, argument, runsArgument] = process.argv.slice(2);
const commands = {
  startup: () => startup(argument),
  throughput: () => throughput(argument, Number(runsArgument) || 3),
  scale: () => scale(Number(argument), Number(runsArgument) || 1),
};
if (!commands[command] || (command !== 'scale' && !starters[argument])) {
  console.error('usage: node node.mjs startup|throughput ours|compromise|wink [RUNS] | scale COUNT [RUNS]');
  process.exit(2);
}
commands[command]().then((result) => console.log(JSON.stringify(result)), (error) => {
  console.error(`benchmarks/node: ${error.stack || error}`);
  process.exit(1);
});
