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
