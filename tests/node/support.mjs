// Shared paths and loaders for the node tests: the built module, the CLI, the seeds.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const annotate = join(root, 'build', 'annotate');
export const seedsDir = join(root, '..', 'shared', 'examples', 'seeds');
export const seedFiles = ['000_f69547d81110a782.txt', '004_4d6ec85c132eac13.txt'];
export const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8'));

// The module exactly as the page loads it (public/), instantiated once.
let core;
export function loadCore() {
  core ??= createRequire(import.meta.url)(join(root, 'public', 'annotator-core.js'))();
  return core;
}

// The value of the first DATE or TIME mention of a document.
export function firstDateValue(document) {
  return document.mentions.find((m) => m.type === 'DATE' || m.type === 'TIME')?.value;
}

export function seedDocuments() {
  return seedFiles.map((id) => ({ id, text: readFileSync(join(seedsDir, id), 'utf8') }));
}

// What is wrong with the entities of a seed analysis against expected.json: each expected
// entity must be one entity holding all its forms, with a canonical name from its
// name_one_of, and no two expected entities may share one. (Names that expected.json does
// not list, such as "Moon" or "United States", may join the entity they belong to.)
export function entityClusterProblems(result) {
  const squash = (text) => text.replace(/\s+/g, ' ');
  const problems = [];
  const owner = new Map();  // entity id → expected entity
  for (const wanted of expected.entities) {
    const ids = new Set();
    for (const document of result.documents) {
      for (const mention of document.mentions) {
        if (wanted.forms.includes(squash(mention.text))) ids.add(mention.entity);
      }
    }
    if (ids.size !== 1 || ids.has(null)) {
      problems.push(`${wanted.forms[0]}: its forms are in ${ids.size} entities (${[...ids].join(', ')})`);
      continue;
    }
    const [id] = ids;
    const entity = result.entities[id];
    if (owner.has(id)) problems.push(`${wanted.forms[0]} and ${owner.get(id).forms[0]} are one entity`);
    owner.set(id, wanted);
    if (entity.type !== wanted.type) problems.push(`${wanted.forms[0]}: type ${entity.type}`);
    if (wanted.name_one_of && !wanted.name_one_of.includes(entity.name)) {
      problems.push(`${wanted.forms[0]}: canonical name "${entity.name}"`);
    }
  }
  return problems;
}

// What is wrong with the events of a seed analysis against expected.json: each expected
// event must be one card of its type (and mode) whose participants are exactly its
// participants, with its place, date and status where given, citing exactly its
// documents; no card may match a not_event.
export function eventProblems(result) {
  const squash = (text) => text.replace(/\s+/g, ' ');
  // An expected name (a participant or place) → the id of the entity holding its forms.
  const idOf = (name) => {
    const wanted = expected.entities.find((e) => e.forms.includes(name) || (e.name_one_of || []).includes(name));
    const forms = wanted ? wanted.forms : [name];
    for (const document of result.documents) {
      const mention = document.mentions.find((m) => m.entity != null && forms.includes(squash(m.text)));
      if (mention) return mention.entity;
    }
    return result.entities.findIndex((e) => e.name === name);
  };
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  const describe = (card) => `${card.type}${card.mode ? '/' + card.mode : ''} "${card.label}" ${card.date ?? 'undated'} ${card.status} in ${[...new Set(card.mentions.map((m) => m.document))].join(', ')}`;
  const problems = [];
  for (const wanted of expected.events) {
    const people = wanted.participants.map(idOf);
    const candidates = result.events.filter((card) => card.type === wanted.type && (!wanted.mode || card.mode === wanted.mode) &&
      sameSet([...new Set([...card.sources, ...card.targets])], people));
    const fits = candidates.filter((card) => {
      const docs = [...new Set(card.mentions.map((m) => m.document))];
      const place = card.place == null ? null : card.place;
      return sameSet(docs, wanted.docs) &&
        (!wanted.place_one_of || wanted.place_one_of.map(idOf).includes(place)) &&
        (!wanted.date || card.date === wanted.date) &&
        (wanted.status_one_of ? wanted.status_one_of.includes(card.status) : card.status === 'occurred');
    });
    if (fits.length !== 1) {
      problems.push(`"${wanted.label}": ${fits.length} cards fit; of its type and participants: ${candidates.map(describe).join(' | ') || 'none'}`);
    }
  }
  for (const wrong of expected.not_events || []) {
    const people = wrong.participants.map(idOf);
    for (const card of result.events) {
      const all = [...card.sources, ...card.targets];
      if (card.type === wrong.type && people.every((p) => all.includes(p)) && (wrong.status_one_of || []).includes(card.status)) {
        problems.push(`not an event: "${wrong.label}" is ${describe(card)}`);
      }
    }
  }
  return problems;
}

// Bytes that look random, the same on every run.
export function noise(length, seed = 7) {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
