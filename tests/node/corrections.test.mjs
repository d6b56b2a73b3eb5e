// The user's corrections (web/corrections.js) on the real analysis of the seed articles
// (tests/golden/seeds.json): each operation changes what it names and nothing else, the
// input is left alone, counts follow, events follow merged and removed entities, and a
// correction whose target is gone says so instead of changing something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

const corrections = createRequire(import.meta.url)(join(root, 'web', 'corrections.js'));
const seeds = JSON.parse(readFileSync(join(root, 'tests', 'golden', 'seeds.json'), 'utf8'));

const named = (result, name) => result.entities.find((entity) => entity.name === name);
const mentionsOf = (result, entity) => result.documents.flatMap((document) =>
  document.mentions.filter((mention) => mention.entity === entity.id).map((mention) => mention.text));
const refTo = (name) => corrections.entityRef(seeds, named(seeds, name));
const anchorOf = (text) => {
  for (const document of seeds.documents) {
    const mention = document.mentions.find((candidate) => candidate.text === text);
    if (mention) return corrections.mentionAnchor(document, mention);
  }
  throw new Error(`no mention ${text}`);
};

test('rename: the entity gets the name, the old name becomes an alias, the input is untouched', () => {
  const before = JSON.stringify(seeds);
  const { result, outcomes } = corrections.apply(seeds, [{ id: 'c1', op: 'rename', entity: refTo('Ri Yong Ho'), name: 'Ri Yong-ho' }]);
  assert.deepEqual(outcomes, [{ id: 'c1', applied: true }]);
  const entity = named(result, 'Ri Yong-ho');
  assert.ok(entity, 'renamed entity found');
  assert.ok(entity.aliases.some((alias) => alias.text === 'Ri Yong Ho' && alias.reason === 'renamed by you'));
  assert.match(entity.corrected[0], /renamed from “Ri Yong Ho”/);
  assert.equal(named(result, 'Ri Yong Ho'), undefined);
  assert.equal(JSON.stringify(seeds), before, 'apply must not change its input');
});

test('merge: mentions, aliases and events move to the kept entity, counts add up', () => {
  const korea = named(seeds, 'Korea');
  const north = named(seeds, 'North Korea');
  const { result } = corrections.apply(seeds, [{ id: 'm', op: 'merge', entity: refTo('Korea'), into: refTo('North Korea') }]);
  assert.equal(named(result, 'Korea'), undefined);
  const kept = named(result, 'North Korea');
  assert.equal(kept.mentions, north.mentions + korea.mentions);
  assert.ok(kept.aliases.some((alias) => alias.text === 'Korea' && alias.reason === 'merged by you'));
  assert.ok(kept.aliases.some((alias) => alias.text === 'Korean'));
  for (const event of result.events) {
    assert.ok(![...event.sources, ...event.targets, event.place].includes(korea.id), `event ${event.label} still names the merged entity`);
  }
});

test('merge after rename finds the renamed entity, as the user did it', () => {
  const renamed = { id: 'r', op: 'rename', entity: refTo('Moon Jane-in'), name: 'Moon Jae-in' };
  const afterRename = corrections.apply(seeds, [renamed]).result;
  const merge = { id: 'm', op: 'merge', entity: corrections.entityRef(afterRename, named(afterRename, 'Moon Jae-in')), into: refTo('South Korea') };
  // (a silly merge across types is still the user's to make)
  const { result, outcomes } = corrections.apply(seeds, [renamed, merge]);
  assert.deepEqual(outcomes.map((outcome) => outcome.applied), [true, true]);
  assert.ok(named(result, 'South Korea').aliases.some((alias) => alias.text === 'Moon Jae-in'));
});

test('split: the mentions written so leave the entity and form their own', () => {
  const { result } = corrections.apply(seeds, [{ id: 's', op: 'split', entity: refTo('Kim Jong-un'), alias: 'Kim Jong' }]);
  const kim = named(result, 'Kim Jong-un');
  const split = named(result, 'Kim Jong');
  assert.ok(split, 'a new entity "Kim Jong"');
  assert.equal(split.type, 'PERSON');
  assert.ok(mentionsOf(result, split).length > 0);
  assert.ok(mentionsOf(result, split).every((text) => text === 'Kim Jong'));
  assert.ok(!mentionsOf(result, kim).includes('Kim Jong'));
  assert.ok(!kim.aliases.some((alias) => alias.text === 'Kim Jong'));
  assert.equal(kim.mentions + split.mentions, named(seeds, 'Kim Jong-un').mentions);
});

test('retype: one mention changes type and leaves its entity; delete: a mention goes', () => {
  const anchor = anchorOf('TASS');
  const { result } = corrections.apply(seeds, [{ id: 't', op: 'retype', mention: anchor, type: 'MISC' }]);
  const document = result.documents.find((candidate) => candidate.id === anchor.document);
  const mention = document.mentions.find((candidate) => candidate.start === anchor.start);
  assert.equal(mention.type, 'MISC');
  assert.equal(mention.corrected, 'type changed from ORG');
  assert.equal(result.entities.find((entity) => entity.id === mention.entity).type, 'MISC');
  assert.equal(result.entities.filter((entity) => entity.name === 'TASS' && entity.type === 'ORG').length, 0,
    'the ORG entity left without mentions is gone');

  const removed = corrections.apply(seeds, [{ id: 'd', op: 'delete', mention: anchorOf('Reuters') }]).result;
  assert.equal(named(removed, 'Reuters'), undefined);
  const count = (result) => result.documents.reduce((sum, document) => sum + document.mentions.length, 0);
  assert.equal(count(removed), count(seeds) - 1);
});

test('an anchor follows its text when the article was edited before it', () => {
  const anchor = anchorOf('Reuters');
  const edited = structuredClone(seeds);
  const document = edited.documents.find((candidate) => candidate.id === anchor.document);
  for (const mention of document.mentions) { mention.start += 7; mention.end += 7; }
  const { outcomes, result } = corrections.apply(edited, [{ id: 'd', op: 'delete', mention: anchor }]);
  assert.equal(outcomes[0].applied, true);
  assert.equal(named(result, 'Reuters'), undefined);
});

test('a correction whose target is gone is reported, not applied elsewhere', () => {
  const { outcomes, result } = corrections.apply(seeds, [
    { id: 'x', op: 'delete', mention: { document: 'gone.txt', start: 0, end: 5, text: 'Putin' } },
    { id: 'y', op: 'rename', entity: { type: 'PERSON', name: 'Nobody Here' }, name: 'Somebody' },
    { id: 'z', op: 'explode' },
  ]);
  assert.deepEqual(outcomes.map((outcome) => outcome.applied), [false, false, false]);
  assert.ok(outcomes.every((outcome) => outcome.reason.length > 0));
  assert.equal(JSON.stringify(result.entities.map((entity) => [entity.name, entity.mentions])),
    JSON.stringify(seeds.entities.map((entity) => [entity.name, entity.mentions])));
});

test('every correction reads as a sentence', () => {
  assert.equal(corrections.describe({ op: 'merge', entity: { name: 'Korea' }, into: { name: 'North Korea' } }), 'Merged “Korea” into “North Korea”');
  assert.equal(corrections.describe({ op: 'delete', mention: { text: 'Reuters', document: 'a.txt' } }), 'Removed the mention “Reuters” in a.txt');
});
