// The texts every system of the benchmark reads, built the same way for all of them from
// ../shared (the seed articles and the development data), and the one word count used for
// every throughput figure.
//
// Detokenisation: CoNLL-2003 and ECB+ come as tokens, not text. A document's text is its
// tokens joined by one space, its sentences by a blank line (as tools/benchmark/main.cpp
// builds CoNLL text for the native tagger figures): "U.S. , the" keeps the space before
// the comma, and quotes stay as the corpus writes them (`` '').
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = process.env.ANNOTATOR_SHARED_DIR ? resolve(process.env.ANNOTATOR_SHARED_DIR) : resolve(root, '..', 'shared');
export const seedsDir = join(sharedDir, 'examples', 'seeds');
export const conllFiles = ['eng.train', 'eng.testa'].map((name) => join(sharedDir, 'data', 'conll2003', name));
export const ecbplusDir = join(sharedDir, 'data', 'ecbplus', 'ECB+');

// Words of a text: its whitespace-separated tokens. The one count behind every words/s.
export function countWords(text) {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
      code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export const wordsOf = (documents) => documents.reduce((sum, document) => sum + countWords(document.text), 0);

// The seed articles (plain text, as a user pastes them), cycled to `count` documents.
export function seedDocuments(count = 100) {
  const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  const texts = files.map((name) => readFileSync(join(seedsDir, name), 'utf8'));
  return Array.from({ length: count }, (_, i) => ({ id: `seed-${i + 1}`, text: texts[i % texts.length] }));
}

// CoNLL-2003: documents split at -DOCSTART-, the first column of each line a token.
export function conllDocuments() {
  const documents = [];
  for (const path of conllFiles) {
    const name = path.split('/').pop();
    let sentences = [];
    let sentence = [];
    const flush = () => {
      if (sentence.length) sentences.push(sentence.join(' '));
      sentence = [];
    };
    const finish = () => {
      flush();
      if (sentences.length) documents.push({ id: `${name}-${documents.length + 1}`, text: sentences.join('\n\n') });
      sentences = [];
    };
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.startsWith('-DOCSTART-')) finish();
      else if (line.trim() === '') flush();
      else sentence.push(line.split(' ')[0]);
    }
    finish();
  }
  return documents;
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text) => text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name) =>
  name[0] === '#' ? String.fromCodePoint(parseInt(name.slice(1).replace(/^x/i, ''), name[1].toLowerCase() === 'x' ? 16 : 10))
    : XML_ENTITIES[name] ?? match);

// ECB+: every <topic>/*.xml file is one article; its <token sentence="n"> elements in order.
export function ecbplusDocuments() {
  const documents = [];
  const topics = readdirSync(ecbplusDir).filter((name) => /^\d+$/.test(name)).sort((a, b) => a - b);
  for (const topic of topics) {
    for (const file of readdirSync(join(ecbplusDir, topic)).filter((name) => name.endsWith('.xml')).sort()) {
      const xml = readFileSync(join(ecbplusDir, topic, file), 'utf8');
      const sentences = new Map();
      for (const match of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const words = sentences.get(match[1]) ?? [];
        words.push(unescapeXml(match[2]).trim());
        sentences.set(match[1], words);
      }
      const text = [...sentences.values()].map((words) => words.filter(Boolean).join(' ')).join('\n\n');
      if (text) documents.push({ id: file.replace(/\.xml$/, ''), text });
    }
  }
  return documents;
}

// News-sized articles for the scale runs: CoNLL-2003 and ECB+ documents in corpus order
// (ECB+ first, then CoNLL), consecutive ones joined by a blank line until an article has
// at least `minimumWords` words; the articles then shuffled (a fixed seed) so that every
// size draws the same mix of the two corpora, and cycled (with new ids) to `count`.
export function scaleArticles(count, minimumWords = 250) {
  const pool = [];
  let parts = [];
  let words = 0;
  for (const document of [...ecbplusDocuments(), ...conllDocuments()]) {
    parts.push(document.text);
    words += countWords(document.text);
    if (words >= minimumWords) {
      pool.push(parts.join('\n\n'));
      parts = [];
      words = 0;
    }
  }
  let seed = 20031;  // mulberry32: the same order on every run and machine
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return Array.from({ length: count }, (_, i) => ({ id: `article-${i + 1}`, text: pool[i % pool.length] }));
}

export function scalePoolSize(minimumWords = 250) {
  return new Set(scaleArticles(100_000, minimumWords).map((article) => article.text)).size;
}

// The throughput sets, by name. BENCHMARKS_QUICK=1 (for trying the harness) keeps a few
// documents of each.
export function throughputSets() {
  const keep = (documents, count) => (process.env.BENCHMARKS_QUICK ? documents.slice(0, count) : documents);
  return {
    seeds: { label: 'seed articles, 50 copies of each', documents: keep(seedDocuments(100), 10) },
    conll: { label: 'CoNLL-2003 eng.train + eng.testa', documents: keep(conllDocuments(), 40) },
    ecbplus: { label: 'ECB+ (all its topics here)', documents: keep(ecbplusDocuments(), 30) },
  };
}
