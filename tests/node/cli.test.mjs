// The CLI as a user runs it: arguments, exit codes, messages, input forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotate, entityClusterProblems, eventProblems, firstDateValue, seedFiles, seedsDir } from './support.mjs';

const run = (args, input) => spawnSync(annotate, args, { input, encoding: 'utf8' });
const scratch = mkdtempSync(join(tmpdir(), 'annotate-'));
const file = (name, bytes) => {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
};

test('analyses several files together; ids are base names', () => {
  const result = run(seedFiles.map((f) => join(seedsDir, f)));
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.schema, 'annotator/1');
  assert.deepEqual(json.documents.map((d) => d.id), seedFiles);
});

test('the seeds analysed together hold the entities of expected.json', () => {
  const result = run(seedFiles.map((f) => join(seedsDir, f)));
  assert.deepEqual(entityClusterProblems(JSON.parse(result.stdout)), []);
});

test('the seeds analysed together give the events of expected.json as merged cards', () => {
  const result = run(seedFiles.map((f) => join(seedsDir, f)));
  assert.deepEqual(eventProblems(JSON.parse(result.stdout)), []);
});

test('reads standard input with no file or -, as document "stdin"', () => {
  for (const args of [[], ['-']]) {
    const result = run(args, 'Ri arrived on Monday.');
    assert.equal(result.status, 0);
    assert.equal(JSON.parse(result.stdout).documents[0].id, 'stdin');
  }
});

test('--date is the reference for documents without a dateline', () => {
  const result = run(['--date', '2018-04-10'], 'Ri arrived on Monday.');
  assert.equal(firstDateValue(JSON.parse(result.stdout).documents[0]), '2018-04-09');
  const dated = run(['--date', '2020-01-01', join(seedsDir, seedFiles[1])]);
  assert.equal(JSON.parse(dated.stdout).documents[0].date, '2018-04-10', 'the dateline wins over --date');
});

test('--jsonl reads one document per line, with its own date', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'Ri arrived on Monday.', date: '2018-04-10' }),
    '',
    JSON.stringify({ id: 'b', text: 'Talks were held last month.' }),
  ].join('\n');
  const result = run(['--jsonl', '--date', '2018-01-05'], lines);
  assert.equal(result.status, 0, result.stderr);
  const [a, b] = JSON.parse(result.stdout).documents;
  assert.equal(firstDateValue(a), '2018-04-09');
  assert.equal(firstDateValue(b), '2017-12');
});

test('--pretty indents the same JSON', () => {
  const plain = run([join(seedsDir, seedFiles[1])]).stdout;
  const pretty = run(['--pretty', join(seedsDir, seedFiles[1])]).stdout;
  assert.ok(pretty.includes('\n  "documents"'));
  assert.deepEqual(JSON.parse(pretty), JSON.parse(plain));
});

test('bad arguments exit 2 with the usage', () => {
  for (const args of [['--frobnicate'], ['--date'], ['--date', '10/04/2018']]) {
    const result = run(args, '');
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /usage: annotate/);
  }
  assert.equal(run(['--help']).status, 0);
});

test('unreadable, binary and malformed input exit 1 with one clear line', () => {
  const cases = [
    [[join(scratch, 'missing.txt')], /cannot read .*missing\.txt/],
    [[file('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))], /photo\.jpg.*binary/],
    [['--jsonl', file('bad.jsonl', '{"id": "a", "text": "x"}\n{not json}\n')], /line 2 is not valid JSON/],
    [['--jsonl', file('notext.jsonl', '{"id": "a"}\n')], /has no "text"/],
  ];
  for (const [args, message] of cases) {
    const result = run(args);
    assert.equal(result.status, 1, args.join(' '));
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  }
});

test('invalid UTF-8 is repaired with U+FFFD and a warning naming the byte', () => {
  const result = run([file('latin1.txt', Buffer.from('Caf\xe9 talks on Monday.', 'latin1'))]);
  assert.equal(result.status, 0);
  assert.match(result.stderr, /warning: latin1\.txt: 1 invalid UTF-8 sequence\(s\) replaced with U\+FFFD, the first at byte 3/);
  const json = JSON.parse(result.stdout);
  assert.equal(json.documents[0].text, 'Caf\ufffd talks on Monday.');
  assert.equal(json.warnings.length, 1);
});

test('an empty file is a document with a warning, not a failure', () => {
  const result = run([file('empty.txt', '')]);
  assert.equal(result.status, 0);
  assert.equal(JSON.parse(result.stdout).documents[0].mentions.length, 0);
  assert.match(result.stderr, /empty/);
});

test('--conll keeps every line and adds one column: the predicted tag in IOB2', () => {
  const input = [
    '-DOCSTART- -X- -X- O', '',
    'Sergei NNP B-NP I-PER', 'Lavrov NNP I-NP I-PER', 'met VBD B-VP O', 'Ri NNP B-NP I-PER', 'in IN B-PP O',
    'Moscow NNP B-NP I-LOC', '. . O O', '',
    'Russian JJ B-NP I-MISC', 'officials NNS I-NP O', 'said VBD B-VP O', '. . O O', '',
  ].join('\n');
  const result = run(['--conll', file('sample.conll', input)]);
  assert.equal(result.status, 0, result.stderr);
  const inLines = input.replace(/\n$/, '').split('\n');
  const outLines = result.stdout.replace(/\n$/, '').split('\n');
  assert.equal(outLines.length, inLines.length);
  let previous = 'O';
  for (const [i, line] of inLines.entries()) {
    if (line === '') {
      assert.equal(outLines[i], '');
      previous = 'O';
      continue;
    }
    assert.ok(outLines[i].startsWith(line + ' '), outLines[i]);
    const tag = outLines[i].slice(line.length + 1);
    assert.match(tag, /^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    if (tag.startsWith('I-')) assert.ok(previous !== 'O' && previous.slice(2) === tag.slice(2), `${tag} after ${previous}`);
    previous = tag;
  }
  const tags = outLines.map((line) => line.split(' ').pop());
  assert.deepEqual(tags.slice(2, 4), ['B-PER', 'I-PER']);
  assert.equal(tags[7], 'B-LOC');
  assert.equal(tags[10], 'B-MISC', 'NORP is written as MISC');
});

test('--names scores each pair: name1, name2, score, same or different', () => {
  const input = 'name1\tname2\tlabel\nSergei Lavrov\tSergey Lavrov\tsame\nZobaida Jalal\tMassouda Jalal\tdifferent\n';
  const result = run(['--names', file('pairs.tsv', input)]);
  assert.equal(result.status, 0, result.stderr);
  const rows = result.stdout.trim().split('\n').map((line) => line.split('\t'));
  assert.equal(rows.length, 2, 'the header line is skipped');
  assert.deepEqual([rows[0][0], rows[0][1], rows[0][3]], ['Sergei Lavrov', 'Sergey Lavrov', 'same']);
  assert.deepEqual([rows[1][0], rows[1][1], rows[1][3]], ['Zobaida Jalal', 'Massouda Jalal', 'different']);
  for (const row of rows) assert.match(row[2], /^[01]\.\d{3}$/);
  const bad = run(['--names', file('bad.tsv', 'only one name\n')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /line 1 has no second name/);
});
