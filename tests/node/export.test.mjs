// The export and import formats (web/export.js) on the real seeds result
// (tests/golden/seeds.json) and on small hand-made results for the edge cases: the
// collection file read back, CSV parsed back by an RFC 4180 reader written here, every Web
// Annotation selector checked against the text, brat offsets sliced by code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

const exports = createRequire(import.meta.url)(join(root, 'web', 'export.js'));
const seeds = JSON.parse(readFileSync(join(root, 'tests', 'golden', 'seeds.json'), 'utf8'));

// Slices by Unicode code points, the unit of brat and of the Web Annotation selectors.
const codePoints = (text, start, end) => Array.from(text).slice(start, end).join('');

// An RFC 4180 reader: records end with CRLF, quoted fields may hold anything (quotes
// doubled); a bare CR or LF outside quotes, or a quote inside an unquoted field, is an error.
function parseCsv(text) {
  const records = [];
  let record = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) { records.push(record); record = []; i += 2; continue; }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  assert.equal(record.length, 0, 'the last record ends with CRLF');
  return records;
}

// Records as objects keyed by the header.
function csvObjects(text) {
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) assert.equal(row.length, header.length, `row ${row[0]} has every column`);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
}

const workspace = {
  format: 'news-annotator/workspace',
  version: 1,
  reference_date: '2018-04-12',
  articles: [
    { id: seeds.documents[0].id, text: seeds.documents[0].text, title: 'A title, typed "by hand"', date: '2018-04-10' },
    { id: seeds.documents[1].id, text: seeds.documents[1].text, title: null, date: null },
  ],
  corrections: [
    { id: 'c1', op: 'rename', entity: { type: 'PERSON', name: 'Ri Yong Ho' }, name: 'Ri Yong-ho' },
    { id: 'c2', op: 'merge', entities: [{ type: 'LOCATION', name: 'North' }, { type: 'LOCATION', name: 'North Korea' }] },
  ],
};

// ---------------------------------------------------------------------------------------
// The collection file and reading files back.

test('collectionJson: the result unchanged plus the workspace, read back to the same workspace', () => {
  const text = exports.collectionJson(workspace, seeds);
  assert.ok(text.startsWith('{\n  "schema": "annotator/1",\n'), 'pretty-printed with 2 spaces, the contract first');
  const parsed = JSON.parse(text);
  const { workspace: stored, ...rest } = parsed;
  assert.deepEqual(rest, seeds);
  assert.deepEqual(stored, workspace);

  const read = exports.readCollection(text);
  assert.equal(read.error, undefined);
  assert.deepEqual(read.workspace, workspace);
  assert.deepEqual(read.warnings, []);
});

test('collectionJson without a result holds the workspace alone, and reads back', () => {
  const text = exports.collectionJson(workspace, null);
  assert.deepEqual(Object.keys(JSON.parse(text)), ['workspace']);
  assert.deepEqual(exports.readCollection(text).workspace, workspace);
});

test('readCollection: a bare workspace, with a byte order mark', () => {
  const read = exports.readCollection('\ufeff' + JSON.stringify(workspace));
  assert.deepEqual(read.workspace, workspace);
});

test('readCollection: a plain core result becomes articles without titles, dates or corrections', () => {
  const read = exports.readCollection(JSON.stringify(seeds));
  assert.equal(read.error, undefined);
  assert.deepEqual(read.workspace, {
    format: 'news-annotator/workspace',
    version: 1,
    reference_date: '',
    articles: seeds.documents.map((document) => ({ id: document.id, text: document.text, title: null, date: null })),
    corrections: [],
  });
});

test('readCollection: duplicate and missing ids made unique, unusable fields left out with a warning', () => {
  const read = exports.readCollection(JSON.stringify({
    articles: [
      { id: 'a.txt', text: 'one', title: '   ', date: '2018-02-30' },
      { id: 'a.txt', text: 'two', title: 'Two', date: '2018-02-28' },
      { id: 'a.txt', text: 'three', extra: 'dropped' },
      { text: 'four' },
      { id: 7, text: 'five' },
      { id: 'notes', text: 'six' },
      { id: 'notes', text: 'seven' },
    ],
    reference_date: 'yesterday',
    corrections: [{ id: 'c1', op: 'rename', name: 'x' }, { id: 'c1', op: 'delete' }, { op: 'retype' }, { id: 'c9', op: 'explode' }, 'junk'],
  }));
  assert.equal(read.error, undefined);
  const { articles, corrections, reference_date: referenceDate } = read.workspace;
  assert.deepEqual(articles.map((a) => a.id), ['a.txt', 'a-2.txt', 'a-3.txt', 'article-4.txt', '7', 'notes', 'notes-2']);
  assert.deepEqual(articles[0], { id: 'a.txt', text: 'one', title: null, date: null });
  assert.deepEqual(articles[1], { id: 'a-2.txt', text: 'two', title: 'Two', date: '2018-02-28' });
  assert.deepEqual(Object.keys(articles[2]), ['id', 'text', 'title', 'date']);
  assert.equal(referenceDate, '');
  assert.deepEqual(corrections, [{ id: 'c1', op: 'rename', name: 'x' }, { id: 'c1-2', op: 'delete' }, { id: 'c3', op: 'retype' }]);
  assert.ok(read.warnings.some((w) => w.includes('"a.txt"') && w.includes('"a-2.txt"')));
  assert.ok(read.warnings.some((w) => w.includes('date of "a.txt"')));
  assert.ok(read.warnings.some((w) => w.includes('reference date')));
  assert.ok(read.warnings.some((w) => w.startsWith('2 corrections')));
});

test('readCollection: clear errors for what it cannot read, and never throws', () => {
  const errors = {
    notText: exports.readCollection(new Uint8Array([123, 125])),
    empty: exports.readCollection('  \n'),
    notJson: exports.readCollection('North Korea will visit Russia'),
    truncated: exports.readCollection(exports.collectionJson(workspace, seeds).slice(0, 5000)),
    array: exports.readCollection('[1, 2]'),
    nullValue: exports.readCollection('null'),
    otherJson: exports.readCollection('{"name": "package", "version": "1.0.0"}'),
    articlesNotList: exports.readCollection('{"format": "news-annotator/workspace", "articles": {"a": "b"}}'),
    textNotString: exports.readCollection('{"articles": [{"id": "a", "text": "ok"}, {"id": "b", "text": 42}]}'),
    articleNotObject: exports.readCollection('{"articles": ["just text"]}'),
    otherFormat: exports.readCollection('{"format": "something/else", "articles": []}'),
    newerVersion: exports.readCollection('{"format": "news-annotator/workspace", "version": 2, "articles": []}'),
    workspaceNotObject: exports.readCollection('{"schema": "annotator/1", "documents": [], "workspace": "x"}'),
    documentWithoutText: exports.readCollection('{"schema": "annotator/1", "documents": [{"id": "a"}]}'),
    otherSchema: exports.readCollection('{"schema": "spacy/3", "documents": []}'),
  };
  for (const [name, read] of Object.entries(errors)) {
    assert.equal(typeof read.error, 'string', name);
    assert.ok(read.error.length > 10, name);
    assert.equal(read.workspace, undefined, name);
  }
  assert.match(errors.notJson.error, /not JSON/);
  assert.match(errors.textNotString.error, /Article 2/);
  assert.match(errors.newerVersion.error, /version 2/);

  for (const value of [undefined, null, 0, {}, [], '{', '"text"', '{"articles": [null]}', '{"documents": [null]}',
    '{"workspace": {}}', '{"articles": [], "corrections": {"id": "c1"}}', '{"__proto__": {"articles": []}}']) {
    const read = exports.readCollection(value);
    assert.ok(read && (typeof read.error === 'string' || read.workspace), JSON.stringify(value));
  }
});

test('readCollection: large workspaces are read whole', () => {
  const text = 'Sergey Lavrov will visit Pyongyang. '.repeat(150000); // 5.4 million characters
  const articles = Array.from({ length: 3000 }, (_, i) => ({ id: 'same.txt', text: i === 0 ? text : `article ${i}`, title: null, date: null }));
  const read = exports.readCollection(JSON.stringify({ format: 'news-annotator/workspace', version: 1, articles }));
  assert.equal(read.workspace.articles.length, 3000);
  assert.equal(read.workspace.articles[0].text, text);
  assert.equal(new Set(read.workspace.articles.map((a) => a.id)).size, 3000);
  assert.equal(read.workspace.articles[2999].id, 'same-3000.txt');
});

// ---------------------------------------------------------------------------------------
// CSV.

test('entitiesCsv: one record per entity of the seeds, with names, aliases and documents', () => {
  const text = exports.entitiesCsv(seeds);
  assert.ok(text.startsWith('id,type,name,aliases,titles,mentions,documents,corrected\r\n'));
  assert.notEqual(text.charCodeAt(0), 0xfeff);
  const rows = csvObjects(text);
  assert.equal(rows.length, seeds.entities.length);
  rows.forEach((row, index) => {
    const entity = seeds.entities[index];
    assert.equal(row.id, String(entity.id));
    assert.equal(row.name, entity.name);
    assert.equal(row.type, entity.type);
    assert.equal(row.mentions, String(entity.mentions));
    assert.equal(row.documents, entity.documents.join(' | '));
  });
  const kim = rows.find((row) => row.name === 'Kim Jong-un');
  assert.equal(kim.aliases, 'Kim Jong (short form) | Kim (surname of) | Kim Jong Un (written otherwise)');
  assert.equal(kim.titles, 'Supreme Leader | leader');
});

test('CSV fields: commas, quotes and line breaks quoted; formula prefixes neutralised', () => {
  const names = ['Smith, John', 'The "Leader"', 'Two\nlines', 'Carriage\rreturn', '=HYPERLINK("http://x","y")',
    '+1 555', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn first', 'Plain', 'Not = a formula'];
  const result = {
    entities: names.map((name, id) => ({
      id, type: 'PERSON', name, aliases: [{ text: '=alias', reason: 'short form' }], titles: ['leader', '=x'], mentions: 1,
      documents: ['a,b.txt'], corrected: id === 0 ? ['renamed', 'merged'] : undefined,
    })),
  };
  const rows = csvObjects(exports.entitiesCsv(result));
  const formula = /^[=+\-@\t\r]/;
  assert.deepEqual(rows.map((row) => row.name), names.map((name) => (formula.test(name) ? `'${name}` : name)));
  assert.equal(rows[0].corrected, 'renamed | merged');
  assert.equal(rows[1].corrected, '');
  assert.equal(rows[0].aliases, "'=alias (short form)");
  assert.equal(rows[0].titles, 'leader | =x', 'only a field\'s first character matters');
  assert.equal(rows[0].documents, 'a,b.txt');
});

test('eventsCsv: one record per event of the seeds, entity names and cited sentences', () => {
  const text = exports.eventsCsv(seeds);
  assert.ok(text.startsWith('id,type,mode,cameo,label,sources,targets,place,date,status,quote,articles,sentences\r\n'));
  const rows = csvObjects(text);
  assert.equal(rows.length, seeds.events.length);
  const nameOf = (id) => seeds.entities.find((entity) => entity.id === id).name;
  rows.forEach((row, index) => {
    const event = seeds.events[index];
    assert.equal(row.id, String(event.id));
    assert.equal(row.label, event.label);
    assert.equal(row.sources, event.sources.map(nameOf).join(' | '));
    assert.equal(row.targets, event.targets.map(nameOf).join(' | '));
    assert.equal(row.place, event.place == null ? '' : nameOf(event.place));
    assert.equal(row.quote, event.quote ?? '');
    assert.equal(row.articles, [...new Set(event.mentions.map((m) => m.document))].join(' | '));
    // Every cited sentence is in the cell, once, on one line.
    const cited = new Set(event.mentions.map((m) => {
      const document = seeds.documents.find((d) => d.id === m.document);
      return document.text.slice(m.sentence.start, m.sentence.end).replace(/\s+/g, ' ').trim();
    }));
    assert.deepEqual(row.sentences.split(' | '), [...cited]);
  });
  const visit = rows.find((row) => row.label === 'Sergey Lavrov visits Pyongyang');
  assert.equal(visit.sources, 'Sergey Lavrov');
  assert.equal(visit.place, 'Pyongyang');
});

// ---------------------------------------------------------------------------------------
// Web Annotations.

function checkWebAnnotations(result) {
  const collection = JSON.parse(exports.webAnnotations(result));
  assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.first.type, 'AnnotationPage');
  const items = collection.first.items;
  assert.equal(collection.total, items.length);
  assert.equal(new Set(items.map((item) => item.id)).size, items.length, 'every annotation has its own IRI');
  const documents = new Map(result.documents.map((d) => [`urn:news-annotator:document:${encodeURIComponent(d.id)}`, d]));
  for (const annotation of items) {
    assert.equal(annotation.type, 'Annotation');
    assert.match(annotation.id, /^urn:news-annotator:annotation:/);
    for (const target of [].concat(annotation.target)) {
      assert.equal(target.type, 'SpecificResource');
      const document = documents.get(target.source);
      assert.ok(document, target.source);
      const [position, quote] = target.selector;
      assert.equal(position.type, 'TextPositionSelector');
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(quote.exact, codePoints(document.text, position.start, position.end));
      assert.equal(quote.prefix, codePoints(document.text, Math.max(0, position.start - 32), position.start));
      assert.equal(quote.suffix, codePoints(document.text, position.end, position.end + 32));
    }
  }
  return items;
}

test('webAnnotations: every selector of the seeds quotes the text at its position', () => {
  const items = checkWebAnnotations(seeds);
  const mentions = seeds.documents.reduce((sum, d) => sum + d.mentions.length, 0);
  const tagging = items.filter((a) => a.motivation === 'tagging');
  const describing = items.filter((a) => a.motivation === 'describing');
  assert.equal(tagging.length, mentions);
  assert.equal(describing.length, seeds.events.length);

  const first = seeds.documents[0].mentions[0];
  const entity = seeds.entities.find((e) => e.id === first.entity);
  assert.deepEqual(tagging[0].body, [
    { type: 'TextualBody', purpose: 'tagging', value: first.type, format: 'text/plain' },
    { id: `urn:news-annotator:entity:${entity.id}`, type: 'TextualBody', purpose: 'identifying', value: entity.name, format: 'text/plain' },
  ]);
  const year = tagging.find((a) => a.target.selector[1].exact === '2011');
  assert.deepEqual(year.body.map((b) => [b.purpose, b.value]), [['tagging', 'DATE'], ['describing', '2011']]);

  const visit = describing.find((a) => a.body[0].value === 'Sergey Lavrov visits Pyongyang');
  assert.deepEqual(visit.body.map((b) => [b.purpose, b.value]), [['describing', 'Sergey Lavrov visits Pyongyang'], ['classifying', 'CONSULT'], ['classifying', 'CAMEO 042']]);
  assert.equal(visit.target.length, 4);
});

test('webAnnotations: positions count code points after astral characters; bad offsets skipped', () => {
  const text = '😀 Ri 𝒜 met Lavrov\nin Moscow 🇷🇺.';
  const at = (part) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const result = {
    documents: [{
      id: 'emoji/ü.txt',
      text,
      mentions: [
        { ...at('Ri'), text: 'Ri', type: 'PERSON', entity: 0, value: null },
        { ...at('Lavrov'), text: 'Lavrov', type: 'PERSON', entity: 1, value: null },
        { ...at('Moscow'), text: 'Moscow', type: 'LOCATION', entity: null, value: null },
        { start: 5, end: 500, text: 'out of range', type: 'MISC', entity: null, value: null },
        { start: 'x', end: 2, type: 'MISC' },
        null,
      ],
    }],
    entities: [{ id: 0, type: 'PERSON', name: 'Ri Yong Ho' }, { id: 1, type: 'PERSON', name: 'Sergey Lavrov' }],
    events: [
      { id: 0, type: 'CONSULT', label: 'Ri meets Lavrov', mentions: [{ document: 'emoji/ü.txt', sentence: { start: 0, end: text.length }, trigger: at('met') }] },
      { id: 1, type: 'CONSULT', label: 'nowhere', mentions: [{ document: 'missing.txt', sentence: { start: 0, end: 3 } }] },
    ],
  };
  const items = checkWebAnnotations(result);
  assert.equal(items.length, 4, 'three mentions and one event with a sentence');
  const ri = items[0].target.selector[0];
  assert.deepEqual([ri.start, ri.end], [2, 4], 'the emoji is one code point (two UTF-16 units)');
  const lavrov = items[1].target.selector[0];
  assert.equal(lavrov.start, text.indexOf('Lavrov') - 2);
  assert.equal(items[0].target.source, 'urn:news-annotator:document:emoji%2F%C3%BC.txt');
  assert.equal(items[2].body.length, 1, 'no entity, no identifying body');
});

// ---------------------------------------------------------------------------------------
// brat.

// Checks a .txt/.ann pair the way brat reads it: offsets in code points, fragments apart,
// the text of each text-bound annotation its fragments joined by a space, events with a
// trigger of their type, arguments and notes pointing at annotations that exist.
function checkBrat({ text, ann }) {
  assert.ok(!text.includes('\r'), 'line ends are LF');
  assert.ok(ann === '' || ann.endsWith('\n'));
  const lines = ann.split('\n').slice(0, -1);
  const textBounds = new Map();
  const events = new Map();
  const ids = new Set();
  const length = Array.from(text).length;
  for (const line of lines) {
    assert.doesNotMatch(line, /[\r\v\f\x1c-\x1e\x85\u2028\u2029]/, 'no line break inside a line');
    const [id, data, tail] = line.split('\t');
    assert.ok(!ids.has(id), `${id} is unique`);
    ids.add(id);
    if (id.startsWith('T')) {
      const [type, ...rest] = data.split(' ');
      const fragments = rest.join(' ').split(';').map((pair) => pair.split(' ').map(Number));
      let previousEnd = -1;
      for (const [start, end] of fragments) {
        assert.ok(Number.isInteger(start) && start > previousEnd && start < end && end <= length, `${line}: fragments in order, apart, in the text`);
        previousEnd = end;
      }
      assert.equal(line.slice(line.indexOf('\t', id.length + 1) + 1), fragments.map(([s, e]) => codePoints(text, s, e)).join(' '), line);
      textBounds.set(id, { type, fragments, text: tail });
    } else if (id.startsWith('E')) {
      const [typeTrigger, ...args] = data.split(' ');
      const [type, trigger] = typeTrigger.split(':');
      events.set(id, { type, trigger, args: args.map((arg) => arg.split(':')) });
    } else {
      assert.match(id, /^#\d+$/);
      assert.match(data, /^AnnotatorNotes [TE]\d+$/);
    }
  }
  const triggers = new Set([...events.values()].map((event) => event.trigger));
  for (const event of events.values()) {
    assert.equal(textBounds.get(event.trigger)?.type, event.type, 'a trigger of the event\'s type');
    for (const [role, id] of event.args) {
      assert.match(role, /^(Source|Target|Place)\d*$/);
      assert.ok(textBounds.has(id) && !triggers.has(id), `${role}:${id} is a mention`);
    }
  }
  for (const line of lines.filter((l) => l.startsWith('#'))) {
    const target = line.split('\t')[1].split(' ')[1];
    assert.ok(textBounds.has(target) || events.has(target), target);
    assert.ok(!triggers.has(target), 'notes are never on a trigger');
  }
  return { textBounds, events, lines };
}

test('bratStandoff: the seeds, every offset slicing the .txt to the .ann text', () => {
  for (const document of seeds.documents) {
    const standoff = exports.bratStandoff(seeds, document.id);
    assert.equal(standoff.name, document.id.replace(/\.txt$/, ''));
    assert.equal(standoff.text, document.text);
    const { textBounds, events, lines } = checkBrat(standoff);
    const triggerCount = seeds.events.reduce((sum, e) => sum + e.mentions.filter((m) => m.document === document.id).length, 0);
    assert.equal(textBounds.size, document.mentions.length + triggerCount);
    assert.equal(events.size, triggerCount);
    assert.ok(lines.includes('#1\tAnnotatorNotes T1\tentity: ' + seeds.entities.find((e) => e.id === document.mentions[0].entity).name));
  }
  // "Xi\nJinping" crosses a line: two fragments, joined by a space.
  const second = seeds.documents.find((d) => d.mentions.some((m) => m.text === 'Xi\nJinping'));
  const { textBounds } = checkBrat(exports.bratStandoff(seeds, second.id));
  const xi = [...textBounds.values()].find((t) => t.text === 'Xi Jinping' && t.fragments.length === 2);
  assert.ok(xi, 'a discontinuous Xi Jinping');
  const lavrovVisit = checkBrat(exports.bratStandoff(seeds, seeds.documents[0].id)).lines.find((l) => /\tSergey Lavrov visits Pyongyang/.test(l));
  assert.ok(lavrovVisit.startsWith('#'));
  assert.equal(exports.bratStandoff(seeds, 'no such document'), null);
});

test('bratStandoff: code points after astral characters, CRLF turned into LF, breaks split', () => {
  const text = '𝐍𝐞𝐰𝐬\r\nKim 👋 met\r\nMoon Jae-in in Seoul.\r\n';
  const at = (part) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const result = {
    documents: [{
      id: 'a/b.TXT',
      text,
      mentions: [
        { ...at('Kim'), text: 'Kim', type: 'PERSON', entity: 0, value: null },
        { ...at('met\r\nMoon Jae-in'), text: 'met\r\nMoon Jae-in', type: 'PERSON', entity: 1, value: null },
        { ...at('Seoul'), text: 'Seoul', type: 'LOCATION', entity: 2, value: null },
        { ...at('\r\n'), text: '\r\n', type: 'MISC', entity: null, value: null },
      ],
    }],
    entities: [{ id: 0, name: 'Kim Jong-un' }, { id: 1, name: 'Moon\nJae-in' }, { id: 2, name: 'Seoul' }],
    events: [{
      id: 0, type: 'MEET UP', label: 'Kim meets Moon', status: 'occurred', date: '2018-04-27', sources: [0], targets: [1, 99], place: 2,
      mentions: [{ document: 'a/b.TXT', sentence: { start: text.indexOf('Kim'), end: text.length - 2 }, trigger: at('met') }],
    }],
  };
  const standoff = exports.bratStandoff(result, 'a/b.TXT');
  assert.equal(standoff.name, 'a_b');
  assert.equal(standoff.text, '𝐍𝐞𝐰𝐬\nKim 👋 met\nMoon Jae-in in Seoul.\n');
  const { textBounds, lines } = checkBrat(standoff);
  assert.deepEqual(textBounds.get('T1'), { type: 'PERSON', fragments: [[5, 8]], text: 'Kim' });
  assert.deepEqual(textBounds.get('T2'), { type: 'PERSON', fragments: [[11, 14], [15, 26]], text: 'met Moon Jae-in' });
  assert.equal(textBounds.size, 4, 'three mentions (the bare line break has no text) and a trigger');
  assert.ok(lines.includes('#2\tAnnotatorNotes T2\tentity: Moon Jae-in'), 'notes on one line');
  assert.ok(lines.includes('E1\tMEET_UP:T4 Source:T1 Target:T2 Place:T3'));
  assert.ok(lines.includes('#4\tAnnotatorNotes E1\tKim meets Moon (occurred, 2018-04-27)'));
  assert.match(exports.bratConfig(result), /^\[entities\]\nPERSON\nLOCATION\nMISC\n\n\[relations\]\n\n\[events\]\nMEET_UP\tSource\*:<ENTITY>, Target\*:<ENTITY>, Place\?:<ENTITY>\n/);
});

// ---------------------------------------------------------------------------------------
// File names.

test('fileName: no separators, control or reserved characters, never empty', () => {
  assert.equal(exports.fileName('000_f69547d81110a782.txt', 'csv'), '000_f69547d81110a782.txt.csv');
  assert.equal(exports.fileName('../../etc/passwd', 'json'), '_.._etc_passwd.json');
  assert.equal(exports.fileName('a\\b\u0000c\nd', '.ann'), 'a_b_c_d.ann');
  assert.equal(exports.fileName('report\u202etxt.exe', 'csv'), 'report_txt.exe.csv', 'no bidirectional overrides');
  assert.equal(exports.fileName('Kim: "talks" <2018>?*|', 'txt'), 'Kim_ _talks_ _2018_.txt');
  assert.equal(exports.fileName('  .hidden. ', 'txt'), 'hidden.txt');
  assert.equal(exports.fileName('', 'json'), 'news-annotator.json');
  assert.equal(exports.fileName(null, 'x/../y'), 'news-annotator.xy');
  assert.equal(exports.fileName('CON', 'txt'), '_CON.txt');
  assert.equal(exports.fileName('notes', ''), 'notes');
  assert.equal(Array.from(exports.fileName('😀'.repeat(300), 'csv')).length, 124);
  assert.equal(exports.fileName('\ud800broken', 'txt'), '\ufffdbroken.txt');
});

test('the script defines NewsAnnotator.exports as the page loads it (no module system)', async () => {
  const { runInNewContext } = await import('node:vm');
  const self = { NewsAnnotator: { entities: {} } };
  runInNewContext(readFileSync(join(root, 'web', 'export.js'), 'utf8'), { self });
  assert.deepEqual(Object.keys(self.NewsAnnotator).sort(), ['entities', 'exports']);
  assert.equal(typeof self.NewsAnnotator.exports.readCollection, 'function');
  assert.equal(self.NewsAnnotator.exports.fileName('a/b', 'csv'), 'a_b.csv');
});
