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
