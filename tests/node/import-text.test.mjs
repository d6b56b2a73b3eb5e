// web/import-text.js without a browser: Markdown to text, front matter, binary files, the
// kind of a file, dates, the walk of a tree 100,000 levels deep, and the HTML path saying
// clearly that it needs a browser. The HTML path itself is tested in
// tests/browser/import-text.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './support.mjs';

const importText = createRequire(import.meta.url)(join(root, 'web', 'import-text.js'));
const markdown = (text) => importText.markdownToText(text).text;
const bytes = (...values) => Uint8Array.from(values);
const ascii = (text) => new TextEncoder().encode(text);

test('markdown: markup removed, paragraphs kept', () => {
  const cases = [
    ['# Title\n\nText.', 'Title\n\nText.'],
    ['## Closed heading ##\nText.', 'Closed heading\n\nText.'],
    ['#hashtag is not a heading', '#hashtag is not a heading'],
    ['Setext title\n============\nText.', 'Setext title\n\nText.'],
    ['Intro.\n\nSub heading\n---\nText.', 'Intro.\n\nSub heading\n\nText.'],
    ['Some *em*, **strong**, __strong__, _em_ and ~~gone~~.', 'Some em, strong, strong, em and gone.'],
    ['snake_case_name and 2 * 3 * 4 stay.', 'snake_case_name and 2 * 3 * 4 stay.'],
    ['Code `a*b*c` and ``x ` y``.', 'Code a*b*c and x ` y.'],
    ['A [link](https://example.org/a_(b) "title") and [ref][1].', 'A link and ref.'],
    ['Picture ![a chart](chart.png) here.', 'Picture here.'],
    ['![only an image](x.png)\n\nText.', 'Text.'],
    ['Text.\n\n[1]: https://example.org\n[ref]: <https://x.org> "T"', 'Text.'],
    ['* one\n+ two\n- three\n1. four\n2) five\n   - nested', '- one\n- two\n- three\n- four\n- five\n- nested'],
    ['> Quoted\n> > twice\n>\n> after', 'Quoted\ntwice\n\nafter'],
    ['Before.\n\n```js\n  const x = 1;  \n# not a heading\n```\n\nAfter.', 'Before.\n\n  const x = 1;  \n# not a heading\n\nAfter.'],
    ['~~~~\n~~~\n~~~~', '~~~'],
    ['Above.\n\n***\n\nBelow.', 'Above.\n\nBelow.'],
    ['| Name | Votes |\n|:-----|------:|\n| Ana  | 12    |', 'Name\tVotes\nAna\t12'],
    ['Escaped \\*stars\\* and \\_under\\_.', 'Escaped *stars* and _under_.'],
    ['AT&amp;T &lt;b&gt; &#8364;5 &copy;', 'AT&T <b> €5 &copy;'],
    ['Inline <span class="x">html</span> and <https://example.org>.', 'Inline html and https://example.org.'],
    ['Line one\r\nLine two\rLine three', 'Line one\nLine two\nLine three'],
    ['One.\n\n\n\nTwo.', 'One.\n\nTwo.'],
  ];
  for (const [input, expected] of cases) assert.equal(markdown(input), expected, JSON.stringify(input));
});

test('markdown: the title is the front matter\'s, else the first level-1 heading', () => {
  const withFrontMatter = importText.markdownToText(
    '---\ntitle: "Storm #2 reaches the coast"\ndate: 2024-03-05 08:30:00 +01:00\ntags: [weather]\n---\n\n# Storm\n\nText.');
  assert.equal(withFrontMatter.title, 'Storm #2 reaches the coast');
  assert.equal(withFrontMatter.date, '2024-03-05');
  assert.equal(withFrontMatter.text, 'Storm\n\nText.');

  const toml = importText.markdownToText('+++\ntitle = \'Talks\' # a comment\ndate = "2023-11-30"\n+++\nText.');
  assert.equal(toml.title, 'Talks');
  assert.equal(toml.date, '2023-11-30');
  assert.equal(toml.text, 'Text.');

  assert.equal(importText.markdownToText('Intro\n\n## Part\n\n# Main title\n').title, 'Main title');
  assert.equal(importText.markdownToText('Setext\n===\n').title, 'Setext');
  assert.equal(importText.markdownToText('No heading here.').title, null);
  // A leading --- with no key: value lines is a rule, not front matter.
  assert.equal(markdown('---\nJust text.\n---\nMore.'), 'Just text.\n\nMore.');
  // Front matter never closed is not front matter either.
  assert.equal(importText.markdownToText('---\ntitle: x\nText.').title, null);
});

test('fromFile: kind, title first, plain text unchanged, empty files refused', () => {
  const md = importText.fromFile('report.md', '---\ntitle: Floods close the port\ndate: 5 March 2024\n---\nHeavy rain.');
  assert.deepEqual({ ...md }, {
    text: 'Floods close the port\n\nHeavy rain.', title: 'Floods close the port', date: '2024-03-05', kind: 'markdown',
  });
  const startsWithTitle = importText.fromFile('a.markdown', '---\ntitle: Floods\n---\n# Floods\n\nText.');
  assert.equal(startsWithTitle.text, 'Floods\n\nText.');

  const text = importText.fromFile('notes.txt', '\uFEFF  # not markdown *here*\r\nsecond\r\n');
  assert.deepEqual({ ...text }, { text: '  # not markdown *here*\nsecond\n', title: null, date: null, kind: 'text' });

  assert.deepEqual({ ...importText.fromFile('blank.md', '---\ntitle:\n---\n\n![x](y.png)\n\n[a]: b\n') },
    { error: 'nothing readable in “blank.md”' });
  assert.deepEqual({ ...importText.fromFile('blank.txt', ' \n\t\n') }, { error: 'nothing readable in “blank.txt”' });
  assert.match(importText.fromFile('x.txt', null).error, /“x\.txt” could not be read/);
});

test('kind by extension, and for .txt or unknown names by the text', () => {
  const cases = [
    ['a.html', 'plain words', 'html'],
    ['a.HTM', '', 'html'],
    ['a.md', '<!DOCTYPE html><p>x</p>', 'markdown'],
    ['a.markdown', '', 'markdown'],
    ['a.txt', 'Plain words.', 'text'],
    ['a.txt', '\uFEFF \n<!doctype html>\n<title>x</title>', 'html'],
    ['a.txt', '<html lang="en">', 'html'],
    ['page', '<div>\n<body class="x">text', 'html'],
    ['a.txt', '<p>One.</p>\n<p>Two.</p>', 'html'],
    ['a.txt', 'Use the <p> tag for paragraphs and <html> for the page.', 'text'],
    ['a.txt', '<htmlish>', 'text'],
    ['a.csv', 'a,b', 'text'],
    ['', 'x', 'text'],
  ];
  for (const [name, text, kind] of cases) assert.equal(importText.kindOf(name, text), kind, `${name}: ${JSON.stringify(text)}`);
});

test('sniffBinary: magic numbers and NUL bytes; UTF-16 text is not binary', () => {
  const binary = [
    ascii('%PDF-1.7\n%âãÏÓ'),
    bytes(0x50, 0x4B, 0x03, 0x04, 0x14, 0x00),
    bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
    bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00),
    bytes(0xFF, 0xD8, 0xFF, 0xE0),
    ascii('GIF89a'),
    bytes(0x1F, 0x8B, 0x08),
    ascii('text then a NUL\u0000 byte'),
  ];
  for (const sample of binary) assert.equal(importText.sniffBinary(sample), true, `${[...sample.slice(0, 8)]}`);

  const late = new Uint8Array(9000).fill(0x61);
  late[8500] = 0; // a NUL after the first 8 KB is not looked at
  const text = [ascii('Plain text, é ü.'), ascii('%PD'), ascii('PK but not a zip'), bytes(0xFF, 0xFE, 0x41, 0x00),
    bytes(0xFE, 0xFF, 0x00, 0x41), bytes(), late];
  for (const sample of text) assert.equal(importText.sniffBinary(sample), false, `${[...sample.slice(0, 8)]}`);
  assert.equal(importText.sniffBinary(ascii('%PDF-1.4').buffer), true, 'an ArrayBuffer is read too');

  for (const entry of importText.MAGIC_NUMBERS) {
    assert.ok(Array.isArray(entry.bytes) && entry.bytes.length >= 2 && typeof entry.what === 'string');
  }
});

test('binaryMessage: says what the file is; a PDF or Word file must be saved as text or HTML first', () => {
  assert.equal(importText.binaryMessage('story.txt', ascii('Plain.')), null);
  assert.match(importText.binaryMessage('story.pdf', ascii('%PDF-1.7')), /^“story\.pdf” was not added: it is a PDF file, not text\. .*save it as text or HTML first/);
  assert.match(importText.binaryMessage('story.docx', bytes(0x50, 0x4B, 0x03, 0x04)), /Word \.docx.*save it as text or HTML first/);
  assert.equal(importText.binaryMessage('photo.md', bytes(0xFF, 0xD8, 0xFF)), '“photo.md” was not added: it is a JPEG image, not text.');
  assert.equal(importText.binaryMessage('x.txt', bytes(0x41, 0x00)), '“x.txt” was not added: it is binary data, not text.');
});

test('dates as YYYY-MM-DD, the calendar date as written; anything else is null', () => {
  const cases = [
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05 10:00', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['20240305T1000', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Sept. 30th, 2023', '2023-09-30'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['5 Smarch 2024', null],
    ['yesterday', null],
    ['2024', null],
    ['202403051', null],
    ['', null],
    [null, null],
    [20240305, null],
  ];
  for (const [input, expected] of cases) assert.equal(importText.normaliseDate(input), expected, JSON.stringify(input));
});

test('without a browser, HTML answers with a clear error and Markdown\'s HTML blocks with a warning', () => {
  assert.equal(typeof globalThis.DOMParser, 'undefined');
  const html = importText.fromFile('page.html', '<html><body><p>Text.</p></body></html>');
  assert.deepEqual(Object.keys(html), ['error']);
  assert.match(html.error, /^“page\.html” could not be read: HTML can only be read in a browser \(there is no DOMParser here\)\.$/);
  assert.equal(importText.fromFile('saved.txt', '<!DOCTYPE html><p>x</p>').error, html.error.replace('page.html', 'saved.txt'));

  const md = importText.fromFile('mixed.md', 'Before.\n\n<div>\n<p>Boxed</p>\n</div>\n\nAfter.');
  assert.equal(md.text, 'Before.\n\nAfter.');
  assert.match(md.warning, /^“mixed\.md”: HTML inside the Markdown was left out/);
});

// Objects shaped like DOM nodes, as far as nodeToText reads them: Chromium's parser nests
// markup at most 512 levels deep, and building a deeper DOM by hand takes it minutes.
function element(localName, children) {
  const node = { nodeType: 1, localName, hasAttribute: () => false, lastChild: null, previousSibling: null, previousElementSibling: null };
  let previous = null;
  for (const child of children) {
    child.previousSibling = previous;
    if (child.nodeType === 1) child.previousElementSibling = previous;
    previous = child;
  }
  node.lastChild = previous;
  return node;
}
const textNode = (data) => ({ nodeType: 3, data, previousSibling: null });

test('nodeToText walks a tree 100,000 levels deep without recursion', () => {
  let node = element('p', [textNode('  deep   text ')]);
  for (let i = 0; i < 100_000; i++) node = element(i % 2 ? 'div' : 'span', [node]);
  const top = element('body', [element('h1', [textNode('Title')]), node, element('ul', [element('li', [textNode('item')])])]);
  assert.equal(importText.nodeToText(top), 'Title\n\ndeep text\n\n- item');
});
