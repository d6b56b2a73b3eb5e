// Robustness of the core (issue 7): every input gets a result or a clear error, never a
// crash, a hang or unbounded memory. Through the WebAssembly module as the page loads it
// and through the CLI: empty and blank text, NUL bytes, lone surrogates, invalid UTF-8,
// right-to-left scripts, combining marks, emoji and astral characters (every mention must
// still slice out of the text), binary files, markup nested 100,000 deep, a 1 MB line with
// no sentence end, a big document, 10,000 tiny documents, and the module's own limit.
// Timings are sanity bounds only; the figures go to the test's diagnostics, and with
// ROBUSTNESS_FULL=1 the slow measures of docs/robustness.md ("Limits") run too: 50 MB
// through the CLI, 32 MB (the module's limit) and a 24 MB line in WebAssembly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotate, loadCore, noise, root, seedDocuments } from './support.mjs';

const full = process.env.ROBUSTNESS_FULL === '1';
const scratch = mkdtempSync(join(tmpdir(), 'robustness-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const file = (name, bytes) => {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
};
const cli = (args, input) => spawnSync(annotate, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
// A module of its own, so that its memory (which only grows) measures one analysis.
const freshCore = () => createRequire(import.meta.url)(join(root, 'public', 'annotator-core.js'))();
const seconds = (since) => (performance.now() - since) / 1000;
const megabytes = (bytes) => Math.round(bytes / 1048576);

// What is wrong with the offsets of a result: every sentence and mention must lie inside
// its text, and every mention's text must be the slice of the text at its offsets.
function offsetProblems(result) {
  const problems = [];
  for (const document of result.documents) {
    const length = document.text.length;
    for (const sentence of document.sentences) {
      if (!(sentence.start >= 0 && sentence.start < sentence.end && sentence.end <= length)) {
        problems.push(`${document.id}: sentence ${sentence.start}-${sentence.end} outside 0-${length}`);
      }
    }
    for (const mention of document.mentions) {
      const slice = document.text.slice(mention.start, mention.end);
      if (slice !== mention.text) problems.push(`${document.id}: ${mention.start}-${mention.end} is "${slice}", not "${mention.text}"`);
      if (problems.length > 10) return problems;
    }
  }
  return problems;
}

// News text of about `size` characters: the seed articles one after the other.
function newsText(size) {
  const seeds = seedDocuments().map((document) => document.text);
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    parts.push(seeds[i % 2], '\n\n');
    length += seeds[i % 2].length + 2;
  }
  return parts.join('');
}

// One line of `size` characters with no sentence end, of `phrase` again and again.
const endlessLine = (phrase, size) => phrase.repeat(Math.ceil(size / phrase.length)).slice(0, size);

test('empty and blank documents give a result with a warning, never an error', async () => {
  const core = await loadCore();
  const blanks = ['', ' ', '\n\n\n', ' \t\r\n\f\v ', '\u00a0\u2003\u3000'];
  const result = core.analyzeDocuments(blanks.map((text, i) => ({ id: `blank-${i}`, text })));
  assert.equal(result.error, undefined);
  assert.deepEqual(result.documents.map((document) => document.text), blanks, 'the text comes back as given');
  assert.deepEqual(result.documents.flatMap((document) => document.mentions), []);
  assert.deepEqual(result.entities, []);
  assert.deepEqual(result.events, []);
  const empty = result.warnings.filter((warning) => warning.message === 'the document is empty').map((warning) => warning.document);
  assert.deepEqual(empty, ['blank-0', 'blank-1', 'blank-2', 'blank-3'], 'ASCII-blank documents are said to be empty');
  assert.deepEqual(core.analyzeDocuments([]), { schema: 'annotator/1', documents: [], entities: [], events: [], warnings: [] });

  const fromCli = cli([], ' \t\n  \n');
  assert.equal(fromCli.status, 0);
  assert.match(fromCli.stderr, /warning: stdin: the document is empty/);
  assert.equal(JSON.parse(fromCli.stdout).documents[0].mentions.length, 0);
});

test('NUL bytes: the collection is refused with a message naming the document and the offset', async () => {
  const core = await loadCore();
  const [first, second] = seedDocuments();
  const result = core.analyzeDocuments([first, { id: 'pasted.txt', text: second.text.slice(0, 500) + '\u0000' + second.text.slice(500) }]);
  assert.match(result.error, /^document 'pasted\.txt' is not text: it looks like a binary file \(a NUL byte at offset \d+\)$/);
  assert.equal(core.analyzeDocuments([first]).error, undefined, 'the module goes on working');

  const withNul = cli([file('nul.txt', Buffer.concat([Buffer.from(first.text), Buffer.from([0]), Buffer.from('more text')]))]);
  assert.equal(withNul.status, 1);
  assert.match(withNul.stderr.trim(), /^annotate: document 'nul\.txt' is not text: it looks like a binary file \(a NUL byte at offset \d+\)$/);
});

test('lone surrogates anywhere become U+FFFD with a warning; the text keeps its length and offsets slice', async () => {
  const core = await loadCore();
  const texts = [
    '\ud800Sergei Lavrov met Ri Yong Ho in Moscow on Monday.',
    'Sergei Lavrov met Ri Yong Ho in Moscow on Monday.\udbff',
    'Sergei Lavrov\udc00 met Ri Yong Ho\ud83d in Moscow \udc00\ud800 on Monday.',
    'Emmanuel Macron 😀 met Angela Merkel \ud83d\ude00\ud83d in Berlin.',
  ];
  const result = core.analyzeDocuments(texts.map((text, i) => ({ id: `t${i}`, text })), { reference_date: '2018-04-10' });
  assert.equal(result.error, undefined);
  result.documents.forEach((document, i) => {
    assert.equal(document.text.length, texts[i].length, `${document.id} keeps its length`);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(document.text), `${document.id}: no lone surrogate left`);
  });
  assert.deepEqual(offsetProblems(result), []);
  assert.equal(result.documents[3].text, 'Emmanuel Macron 😀 met Angela Merkel 😀\ufffd in Berlin.', 'pairs stay, the lone one goes');
  const names = result.documents.map((document) => document.mentions.filter((m) => m.type === 'PERSON').map((m) => m.text));
  assert.deepEqual(names[0], ['Sergei Lavrov', 'Ri Yong Ho']);
  assert.deepEqual(names[3], ['Emmanuel Macron', 'Angela Merkel']);
  assert.equal(result.warnings.length, 4);
  assert.match(result.warnings[2].message, /^4 lone surrogate\(s\) replaced with U\+FFFD$/);
});

// Text in which one character is several UTF-16 code units, or several code points, or
// written right to left: the offsets are UTF-16 code units however the text is made.
const mixedScripts = [
  'وزير الخارجية الروسي سيرغي لافروف يلتقي Ri Yong Ho في موسكو يوم الاثنين.',
  'שר החוץ הרוסי סרגיי לברוב נפגש עם Emmanuel Macron בפריז.',
  'Jose\u0301 Mari\u0301a Aznar met Franc\u0327ois Hollande in Zu\u0308rich on 5 March 2016.',  // combining marks
  'Z̷̢̛a̸l̴g̵o̶ text, then Angela Merkel visited Paris on Monday.',
  '👩‍👩‍👧‍👦 🇫🇷🇩🇪 👍🏽 Emmanuel Macron met Angela Merkel 🤝 in Berlin on 𝟓 March 2024; 𝕏 posts followed.',
  '𠜎𠜱𠝹 北京 习近平 met Moon Jae-in in Seoul on Tuesday, April 10, 2018.',
  '\u202eRLO override\u202c Sergei Lavrov\u200b met\u200d Ri Yong Ho\ufeff in Moscow on Monday.',
];

test('right-to-left scripts, combining marks, emoji and astral characters: every mention slices out of its text', async () => {
  const core = await loadCore();
  const documents = mixedScripts.map((text, i) => ({ id: `mixed-${i}`, text }));
  const result = core.analyzeDocuments(documents, { reference_date: '2018-04-10' });
  assert.equal(result.error, undefined);
  assert.deepEqual(result.documents.map((document) => document.text), mixedScripts, 'the text comes back as given');
  assert.deepEqual(offsetProblems(result), []);
  const all = result.documents.flatMap((document) => document.mentions.map((m) => m.text));
  for (const name of ['Ri Yong Ho', 'Emmanuel Macron', 'Angela Merkel', 'François Hollande'.normalize('NFD'), 'Moon Jae-in', 'Sergei Lavrov']) {
    assert.ok(all.includes(name), `"${name}" is found, with its exact span (found: ${all.join(' | ')})`);
  }
  // The command line gives the same analysis, byte for byte.
  const paths = documents.map((document) => file(document.id, document.text));
  const fromCli = cli(['--date', '2018-04-10', ...paths]);
  assert.equal(fromCli.status, 0, fromCli.stderr);
  assert.equal(fromCli.stdout.trim(), core.analyzeDocumentsJson(documents, { reference_date: '2018-04-10' }).trim());
});

test('invalid UTF-8 through the CLI: every kind of bad sequence repaired, said, and the offsets slice', () => {
  const bad = Buffer.concat([
    Buffer.from('Sergei Lavrov met '),
    Buffer.from([0xc0, 0xaf]),              // overlong "/"
    Buffer.from(' Ri Yong Ho in Z'),
    Buffer.from([0xfc]),                    // Latin-1 ü
    Buffer.from('rich '),
    Buffer.from([0xed, 0xa0, 0x80]),        // a UTF-16 surrogate, encoded
    Buffer.from(' on Monday '),
    Buffer.from([0x80, 0x80, 0xbf]),        // continuation bytes alone
    Buffer.from(' and Tuesday '),
    Buffer.from([0xf4, 0x90, 0x80, 0x80]),  // past U+10FFFF
    Buffer.from([0xff, 0xfe]),
    Buffer.from(' 😀 '),
    Buffer.from([0xe2, 0x82]),              // cut off at the end
  ]);
  const result = cli(['--date', '2018-04-10', file('broken.txt', bad)]);
  assert.equal(result.status, 0);
  assert.match(result.stderr, /warning: broken\.txt: \d+ invalid UTF-8 sequence\(s\) replaced with U\+FFFD, the first at byte 18/);
  const json = JSON.parse(result.stdout);
  assert.equal(json.documents[0].text, new TextDecoder().decode(bad), 'repaired exactly as a browser decodes it');
  assert.deepEqual(offsetProblems(json), []);
  assert.deepEqual(json.documents[0].mentions.filter((m) => m.type === 'PERSON').map((m) => m.text), ['Sergei Lavrov', 'Ri Yong Ho']);

  // Inside --jsonl the bytes of a JSON string are repaired the same way.
  const line = Buffer.concat([Buffer.from('{"id": "a", "text": "Caf'), Buffer.from([0xe9]), Buffer.from(' talks on Monday."}\n')]);
  const jsonl = cli(['--jsonl', file('latin1.jsonl', line)]);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  assert.equal(JSON.parse(jsonl.stdout).documents[0].text, 'Caf\ufffd talks on Monday.');
});

test('binary files through the CLI: PDF, PNG, ZIP and random bytes named .txt exit 1 with one line', () => {
  const files = {
    'report.pdf.txt': Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'), noise(4096), Buffer.from('\nendstream\n')]),
    'photo.png.txt': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), noise(2048, 3)]),
    'archive.zip.txt': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), noise(2048, 5)]),
    'noise.txt': noise(65536, 11),
  };
  for (const [name, bytes] of Object.entries(files)) {
    const result = cli([file(name, bytes)]);
    assert.equal(result.status, 1, name);
    assert.match(result.stderr.trim(), new RegExp(`^annotate: document '${name.replace(/\./g, '\\.')}' is not text: it looks like a binary file \\(`), name);
    assert.equal(result.stderr.trim().split('\n').length, 1, `${name}: one line`);
    assert.equal(result.stdout, '', `${name}: no half result`);
  }
});

test('markup nested 100,000 deep is text to the core: kept as given, analysed in seconds', async (t) => {
  const core = await loadCore();
  const depth = 100_000;
  const html = '<div>'.repeat(depth) + 'Sergei Lavrov met Ri Yong Ho in Moscow on Monday.' + '</div>'.repeat(depth);
  const started = performance.now();
  const result = core.analyzeDocuments([{ id: 'deep.html', text: html }]);
  const took = seconds(started);
  t.diagnostic(`markup nested 100,000 deep (1.1 MB) in WebAssembly: ${took.toFixed(1)} s`);
  assert.equal(result.error, undefined);
  assert.equal(result.documents[0].text, html);
  assert.deepEqual(offsetProblems(result), []);
  assert.ok(took < 30, `took ${took.toFixed(1)} s`);
});

test('a 1 MB line with no sentence end is analysed in seconds, not minutes (it used to take hours)', async (t) => {
  const core = await loadCore();
  const cases = {
    'names.txt': endlessLine('Sergei Lavrov met Ri Yong Ho in Moscow on Monday and ', 1 << 20),
    'words.txt': endlessLine('the minister said that talks with officials from several countries would continue and ', 1 << 20),
  };
  for (const [id, text] of Object.entries(cases)) {
    const started = performance.now();
    const result = core.analyzeDocuments([{ id, text }], { reference_date: '2018-04-10' });
    const took = seconds(started);
    t.diagnostic(`${id}: 1 MB line in WebAssembly: ${took.toFixed(1)} s, ${result.documents?.[0].mentions.length} mentions`);
    assert.equal(result.error, undefined);
    assert.ok(took < 60, `${id}: took ${took.toFixed(1)} s`);
    assert.deepEqual(offsetProblems(result), []);
  }
  const started = performance.now();
  const fromCli = cli([file('names.txt', cases['names.txt'])]);
  const took = seconds(started);
  t.diagnostic(`names.txt: 1 MB line through the CLI: ${took.toFixed(1)} s`);
  assert.equal(fromCli.status, 0, fromCli.stderr);
  assert.ok(took < 60, `CLI took ${took.toFixed(1)} s`);
  const document = JSON.parse(fromCli.stdout).documents[0];
  assert.ok(document.mentions.length > 70000, 'the names all along the line are found');
  assert.equal(document.mentions.at(-1).end > (1 << 20) - 100, true, 'to its end');
});

test('a 4 MB document in WebAssembly: time and memory within bounds; 50 MB refused at once with the limit', async (t) => {
  const core = await freshCore();
  const before = core.HEAP8.length;
  const text = newsText(4 << 20);
  const started = performance.now();
  const result = core.analyzeDocuments([{ id: 'big.txt', text }]);
  const took = seconds(started);
  const heap = core.HEAP8.length;
  t.diagnostic(`4 MB of news in WebAssembly: ${took.toFixed(1)} s, module memory ${megabytes(before)} → ${megabytes(heap)} MB, ` +
    `${result.documents?.[0].mentions.length} mentions`);
  assert.equal(result.error, undefined);
  assert.ok(took < 60, `took ${took.toFixed(1)} s`);
  assert.ok(heap < 1024 << 20, `module memory ${megabytes(heap)} MB`);
  assert.deepEqual(offsetProblems(result), []);

  const fifty = newsText(50 << 20);
  const refusedAt = performance.now();
  const refused = core.analyzeDocuments([{ id: 'huge.txt', text: fifty }]);
  assert.match(refused.error, /^The documents have 50\.0 MB of text together, over the limit of 32 MB for one analysis in WebAssembly \(its memory is at most 2 GB\): analyse them in smaller groups, or with the command line, build\/annotate\.$/);
  assert.ok(seconds(refusedAt) < 5, 'refused before any work');
  // The limit is the collection's: many documents under it each, over it together.
  const pieces = Array.from({ length: 10 }, (_, i) => ({ id: `part-${i}`, text: fifty.slice(i * 5_000_000, (i + 1) * 5_000_000) }));
  assert.match(core.analyzeDocuments(pieces).error, /over the limit of 32 MB/);
  assert.equal(core.stopped, null, 'a refusal does not stop the module');
  assert.equal(core.analyzeDocuments(seedDocuments()).error, undefined, 'the module goes on working');
});

test('10,000 tiny documents in one call: all back, in order, in seconds', async (t) => {
  const core = await loadCore();
  const documents = Array.from({ length: 10_000 }, (_, i) => ({ id: `note-${i}.txt`, text: `Lavrov met Ri in Moscow on Monday. Note ${i}.` }));
  const started = performance.now();
  const result = core.analyzeDocuments(documents, { reference_date: '2018-04-10' });
  const took = seconds(started);
  t.diagnostic(`10,000 tiny documents in WebAssembly: ${took.toFixed(1)} s`);
  assert.equal(result.error, undefined);
  assert.ok(took < 60, `took ${took.toFixed(1)} s`);
  assert.deepEqual(result.documents.map((document) => document.id), documents.map((document) => document.id));
  const moscow = result.entities.find((entity) => entity.name === 'Moscow');
  assert.equal(moscow?.documents.length, 10_000, 'one entity across all of them');
  assert.deepEqual(offsetProblems(result), []);
});

// The slow measures for docs/robustness.md: about four minutes and 3 GB of memory.
test('measures at the limits: 50 MB through the CLI, 32 MB and a 24 MB line in WebAssembly', { skip: !full && 'set ROBUSTNESS_FULL=1', timeout: 900_000 }, async (t) => {
  const fifty = newsText(50 << 20);
  const path = file('fifty.txt', fifty);
  let started = performance.now();
  const fromCli = spawnSync('/usr/bin/time', ['-f', '%M', annotate, path], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const rss = Number(fromCli.stderr.trim().split('\n').at(-1)) * 1024;
  t.diagnostic(`50 MB through the CLI: ${seconds(started).toFixed(1)} s, peak memory ${megabytes(rss)} MB, ${megabytes(fromCli.stdout.length)} MB of JSON`);
  assert.equal(fromCli.status, 0);

  let core = await freshCore();
  started = performance.now();
  const atLimit = core.analyzeDocumentsJson([{ id: 'limit.txt', text: fifty.slice(0, 32 << 20) }], {});
  t.diagnostic(`32 MB of news in WebAssembly: ${seconds(started).toFixed(1)} s, module memory ${megabytes(core.HEAP8.length)} MB, ${megabytes(atLimit.length)} MB of JSON`);
  assert.ok(!atLimit.startsWith('{"error"'), atLimit.slice(0, 200));

  core = await freshCore();
  started = performance.now();
  const line = endlessLine('the minister said that talks with officials from several countries would continue and ', 24 << 20);
  const outOfMemory = core.analyzeDocuments([{ id: 'line.txt', text: line }]);
  t.diagnostic(`24 MB line in WebAssembly: ${seconds(started).toFixed(1)} s, then: ${outOfMemory.error}`);
  assert.match(outOfMemory.error, /^The annotator core stopped: it ran out of memory \(2 GB\) on these documents/);
  assert.equal(core.stopped, outOfMemory.error, 'the module says it stopped');
  assert.equal(core.analyzeDocuments(seedDocuments()).error, outOfMemory.error, 'and answers every later call the same');
});
