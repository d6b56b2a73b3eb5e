// The native half of the benchmark: build/benchmark --request (the page module's call, JSON
// in and out, in C++) on the same documents as node and Chromium, each size under
// /usr/bin/time -v for its peak memory, the command-line tool (build/annotate) on the
// 1,000 articles, and callgrind on the seed set and on 100 and 400 articles.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleArticles, seedDocuments, throughputSets, wordsOf } from './corpora.mjs';

// Lines of JSON that a command printed.
const jsonLines = (text) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));

function timeVerbose(stderr) {
  const field = (label) => new RegExp(`${label}: (.+)`).exec(stderr)?.[1]?.trim();
  const elapsed = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '';
  const parts = elapsed.split(':').map(Number);
  return {
    maxRssKb: Number(field('Maximum resident set size \\(kbytes\\)')),
    elapsedSeconds: parts.reduce((sum, part) => sum * 60 + part, 0),
  };
}

// One `benchmark --request` process: its runs, and what /usr/bin/time saw.
function request(benchmark, path, runs) {
  const run = spawnSync('/usr/bin/time', ['-v', benchmark, '--request', path, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${benchmark} --request ${path}: ${run.stderr.split('\n').slice(-20).join('\n')}`);
  const runs_ = jsonLines(run.stdout).map((line) => ({
    ms: line.wall * 1000,
    cpuMs: line.cpu * 1000,
    bytes: line.result_bytes,
    maxRssKb: line.max_rss_kb,
    stages: {
      documents: line.documents * 1000,
      aliases: (line.events_start - line.entities_start) * 1000,
      events: (line.events_end - line.events_start) * 1000,
      output: (line.wall - line.events_end) * 1000,
    },
    stagesCpu: {
      documents: line.cpu_documents * 1000,
      aliases: (line.cpu_events_start - line.cpu_entities_start) * 1000,
      events: (line.cpu_events_end - line.cpu_events_start) * 1000,
      output: (line.cpu - line.cpu_events_end) * 1000,
    },
  }));
  const best = runs_.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, runs: runs_.map((r) => r.ms), cpuRuns: runs_.map((r) => r.cpuMs), time: timeVerbose(run.stderr) };
}

// The documents as a request file and as JSON lines (for annotate --jsonl).
function writeRequest(dir, name, documents) {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ documents }));
  const lines = join(dir, `${name}.jsonl`);
  writeFileSync(lines, documents.map((document) => JSON.stringify(document)).join('\n') + '\n');
  return { path, lines };
}

// callgrind_annotate's lines "N (P%)  file:function [object]", as {instructions, name}.
function annotateLines(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!match || match[2] === 'PROGRAM TOTALS') continue;
    let name = match[2].replace(/ \[[^\]]*\]$/, '');
    name = name.replace(/^\?\?\?:/, '').replace(/^\S*?\.(?:c|cc|cpp|cxx|h|hpp|S|s):/, '');  // "???:" or "file.cpp:" before the name
    rows.push({ instructions: Number(match[1].replace(/,/g, '')), name });
  }
  return rows;
}

// A C++ signature without its parameter list and template arguments, for a table.
export function shortName(name) {
  let depth = 0;
  let out = '';
  const plain = name.replace(/\[abi:cxx11\]/g, '').replace(/ \[clone [^\]]*\]/g, '').replace(/\(anonymous namespace\)::/g, '');
  for (const character of plain) {
    if (character === '<' || character === '(') depth++;
    if (depth === 0) out += character;
    if ((character === '>' || character === ')') && depth > 0) {
      depth--;
      if (depth === 0 && character === '>') out += '<…>';
    }
  }
  return out.replace(/^.*\s(?=\S*::)/, '').replace(/ const$/, '').trim();
}

export function profile(benchmark, documents) {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-callgrind-'));
  try {
    const { path } = writeRequest(dir, 'profile', documents);
    const out = join(dir, 'callgrind.out');
    const args = ['--tool=callgrind', `--callgrind-out-file=${out}`, '--collect-atstart=no', '--toggle-collect=*timedAnalysis*',
                  benchmark, '--request', path, '1'];
    const run = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`callgrind: ${run.stderr.split('\n').slice(-10).join('\n')}`);
    const total = Number(/Collected : (\d+)/.exec(run.stderr)?.[1]);
    const annotate = (inclusive) => annotateLines(execFileSync('callgrind_annotate', [`--inclusive=${inclusive ? 'yes' : 'no'}`, '--threshold=100', out],
      { encoding: 'utf8', maxBuffer: 1 << 26 }));
    return {
      words: wordsOf(documents),
      documents: documents.length,
      total,
      // Callers above the analysis (main, the C runtime) are the whole run: left out.
      inclusive: annotate(true).filter((row) => !/^(main|\(below main\)|0x[0-9a-f]+|.*timedAnalysis)$/.test(shortName(row.name)) &&
        !/libc_start|below main/.test(row.name)),
      self: annotate(false),
      command: "valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*timedAnalysis*' build/benchmark --request REQUEST.json 1",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const log = (message) => console.error(`[native] ${message}`);

export function main({ root, runs = 3, sizes, profileCopies = 50, profileSizes = [100, 400] }) {
  const benchmark = join(root, 'build', 'benchmark');
  const annotate = join(root, 'build', 'annotate');
  const dir = mkdtempSync(join(tmpdir(), 'annotator-native-'));
  try {
    const sets = {};
    for (const [key, set] of Object.entries(throughputSets())) {
      log(`throughput: ${key}`);
      const { path } = writeRequest(dir, key, set.documents);
      sets[key] = { words: wordsOf(set.documents), documents: set.documents.length, ...request(benchmark, path, runs) };
    }
    const scale = [];
    let cli = null;
    for (const { count, runs: sizeRuns } of sizes) {
      log(`scale: ${count} articles`);
      const articles = scaleArticles(count);
      const { path, lines } = writeRequest(dir, `scale-${count}`, articles);
      scale.push({ count, words: wordsOf(articles), ...request(benchmark, path, sizeRuns) });
      if (count === 1000) {
        const run = spawnSync('/usr/bin/time', ['-v', annotate, '--jsonl', lines], { encoding: 'utf8', maxBuffer: 1 << 30 });
        if (run.status !== 0) throw new Error(`annotate --jsonl: ${run.stderr.slice(-2000)}`);
        cli = { count, words: wordsOf(articles), outputBytes: run.stdout.length, ...timeVerbose(run.stderr) };
      }
    }
    log(`callgrind: ${profileCopies} copies of each seed article`);
    const callgrind = profile(benchmark, seedDocuments(profileCopies * 2));
    // The same at two collection sizes, to see which functions cost more per word as the
    // collection grows (instruction counts do not depend on the machine's load).
    const scaleProfiles = [];
    for (const count of profileSizes) {
      log(`callgrind: ${count} articles`);
      scaleProfiles.push({ count, ...profile(benchmark, scaleArticles(count)) });
    }
    return { sets, scale, cli, callgrind, scaleProfiles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
