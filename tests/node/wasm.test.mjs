// The WebAssembly module, as built into public/, against the native CLI and the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, entityClusterProblems, eventProblems, expected, firstDateValue, loadCore, root, seedDocuments, seedFiles, seedsDir } from './support.mjs';

test('wasm and CLI give byte-identical JSON for the seed articles', async () => {
  const core = await loadCore();
  const wasm = core.analyzeJson(JSON.stringify({ documents: seedDocuments() }));
  const cli = execFileSync(annotate, seedFiles.map((f) => join(seedsDir, f)), { encoding: 'utf8' });
  assert.equal(wasm + '\n', cli);
});

test('wasm result equals the reviewed golden file', async () => {
  const core = await loadCore();
  const golden = JSON.parse(readFileSync(join(root, 'tests', 'golden', 'seeds.json'), 'utf8'));
  assert.deepEqual(core.analyzeDocuments(seedDocuments()), golden);
});

test('every date of expected.json is found with its value', async () => {
  const core = await loadCore();
  const result = core.analyzeDocuments(seedDocuments());
  for (const date of expected.dates) {
    const document = result.documents.find((d) => d.id === date.doc);
    const found = document.mentions.some(
      (m) => m.type === 'DATE' && m.text === date.text && m.value === date.value);
    assert.ok(found, `${date.doc}: "${date.text}" = ${date.value}`);
  }
  for (const doc of expected.documents) {
    assert.equal(result.documents.find((d) => d.id === doc.file).date, doc.date, doc.file);
  }
});

test('offsets are UTF-16: text.slice(start, end) is the mention, in any script', async () => {
  const core = await loadCore();
  const texts = [
    'Café déjà vu: Ri arrived on Monday.',
    '北京 talks: 金正恩 met Xi on Monday, said officials.',
    '🎉🇰🇵 Kim 👨‍👩‍👧 arrived on Monday, and left on Tuesday at 10 a.m.',
    'Ünïcödé e\u0301 since 2011.',
  ];
  const result = core.analyzeDocuments(texts.map((text, i) => ({ id: `t${i}`, text })), { reference_date: '2018-04-10' });
  for (const [i, document] of result.documents.entries()) {
    assert.equal(document.text, texts[i]);
    assert.ok(document.mentions.length > 0, texts[i]);
    for (const m of document.mentions) assert.equal(document.text.slice(m.start, m.end), m.text);
    for (const s of document.sentences) assert.ok(s.end <= document.text.length);
  }
});

test('bad requests and binary text give an error field', async () => {
  const core = await loadCore();
  assert.ok(JSON.parse(core.analyzeJson('not json')).error);
  assert.ok(JSON.parse(core.analyzeJson('{"documents":[{"id":"a"}]}')).error.includes('text'));
  const binary = core.analyzeDocuments([{ id: 'x.bin', text: '\u0000PK' }]);
  assert.match(binary.error, /binary/);
  const badDate = core.analyzeDocuments([{ id: 'a', text: 'x' }], { reference_date: 'April' });
  assert.match(badDate.error, /reference_date/);
});

test('lone surrogates become U+FFFD with a warning, the rest of the text intact', async () => {
  const core = await loadCore();
  const result = core.analyzeDocuments([{ id: 'a', text: 'x\ud800y met on Monday \udc00z' }], { reference_date: '2018-04-10' });
  const document = result.documents[0];
  assert.equal(document.text, 'x\ufffdy met on Monday \ufffdz');
  assert.equal(firstDateValue(document), '2018-04-09');
  assert.equal(result.warnings.length, 1);
});

test('pasted HTML comes back as the same text', async () => {
  const core = await loadCore();
  const html = '<script>alert(1)</script><img src=x onerror=alert(2)> on Monday';
  assert.equal(core.analyzeDocuments([{ id: 'a', text: html }]).documents[0].text, html);
});

test('a large document is analysed, and one over the limit is refused with a message', async () => {
  const core = await loadCore();
  const paragraph = 'Ri Yong Ho arrived in Moscow on Monday and met Sergei Lavrov on Tuesday. ';
  const big = paragraph.repeat(Math.ceil((2 << 20) / paragraph.length));  // about 2 MiB
  const result = core.analyzeDocuments([{ id: 'big', text: big }], { reference_date: '2018-04-10' });
  assert.equal(result.error, undefined);
  assert.ok(result.documents[0].mentions.length > 50000);
  const tooBig = core.analyzeDocuments([{ id: 'huge', text: 'a'.repeat((64 << 20) + 1) }]);
  assert.match(tooBig.error, /limit/);
});

test('every entity form of expected.json is a mention with its full span and type, wherever it occurs', async () => {
  const core = await loadCore();
  const result = core.analyzeDocuments(seedDocuments());
  const squash = (text) => text.replace(/\s/g, ' ');  // keeps every offset
  const allForms = expected.entities.flatMap((e) => e.forms);
  const problems = [];
  for (const document of result.documents) {
    const text = squash(document.text);  // hard wraps become spaces; offsets keep their place
    const byStart = new Map(document.mentions.map((m) => [m.start, m]));
    for (const entity of expected.entities) {
      for (const form of entity.forms) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}.-])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-]|\\.\\p{L})`, 'gu');
        for (const match of text.matchAll(pattern)) {
          // An occurrence inside a longer expected form ("Ri" in "Ri Yong Ho") is that form's.
          const inside = allForms.some((longer) => longer.length > form.length && longer.includes(form) &&
            text.slice(Math.max(0, match.index - longer.length), match.index + longer.length).includes(longer));
          if (inside) continue;
          const mention = byStart.get(match.index);
          if (!mention || squash(mention.text) !== form || mention.type !== entity.type) {
            problems.push(`${document.id}: "${form}" at ${match.index} is ${mention ? `${mention.type} "${mention.text}"` : 'not a mention'}, expected ${entity.type}`);
          }
        }
      }
    }
    // Nothing of a not_mentions phrase may light up where it occurs.
    for (const wrong of expected.not_mentions) {
      for (let at = text.indexOf(wrong); at >= 0; at = text.indexOf(wrong, at + 1)) {
        for (const mention of document.mentions) {
          if (mention.start < at + wrong.length && at < mention.end) {
            problems.push(`${document.id}: "${mention.text}" lights up inside "${wrong}"`);
          }
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the entities of expected.json hold exactly, with their canonical names', async () => {
  const core = await loadCore();
  assert.deepEqual(entityClusterProblems(core.analyzeDocuments(seedDocuments())), []);
});

test('a name in Cyrillic joins its Latin spelling (ICU transliteration in the module)', async () => {
  const core = await loadCore();
  const text = 'Russian Foreign Minister Sergei Lavrov met reporters. The minister, Сергей Лавров, said talks went well.';
  const result = core.analyzeDocuments([{ id: 'a', text }]);
  const byText = new Map(result.documents[0].mentions.map((m) => [m.text, m]));
  const latin = byText.get('Sergei Lavrov'), cyrillic = byText.get('Сергей Лавров');
  assert.ok(latin && cyrillic, 'both spellings are mentions');
  assert.equal(cyrillic.entity, latin.entity);
  const entity = result.entities[latin.entity];
  assert.equal(entity.name, 'Sergei Lavrov');
  assert.deepEqual(entity.aliases, [{ text: 'Сергей Лавров', reason: 'transliteration' }]);
});

test('the events of expected.json are each one card, and its not_events none', async () => {
  const core = await loadCore();
  assert.deepEqual(eventProblems(core.analyzeDocuments(seedDocuments())), []);
});

test('the module tells its progress through onProgress, and the result is the same', async () => {
  const core = await loadCore();
  const steps = [];
  const withProgress = core.analyzeDocuments(seedDocuments(), { onProgress: (stage, done, total) => steps.push(`${stage} ${done}/${total}`) });
  assert.deepEqual(steps, ['documents 1/2', 'documents 2/2', 'entities 0/1', 'events 0/1', 'events 1/1']);
  assert.deepEqual(withProgress, core.analyzeDocuments(seedDocuments()));
});
