// The page's entity index (web/entities.js) on hand-made results: shades per type,
// occurrences across documents, counts, and a selection found again after a new analysis
// renumbers the entities. The DOM parts are tested in the browser (tests/browser/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { root } from './support.mjs';

function loadEntities() {
  const window = {};
  // As the page loads it: dom.js first (its element() helper).
  runInNewContext(readFileSync(join(root, 'web', 'dom.js'), 'utf8'), { window });
  runInNewContext(readFileSync(join(root, 'web', 'entities.js'), 'utf8'), { window });
  return window.NewsAnnotator.entities;
}

// Values made in the script's own context, as plain values of this one (deepEqual compares
// prototypes too).
const local = (value) => JSON.parse(JSON.stringify(value));

const mention = (entity, type = 'PERSON') => ({ start: 0, end: 1, text: 'x', type, entity, value: null });

const result = {
  documents: [
    { id: 'a', mentions: [mention(0), mention(null, 'DATE'), mention(1, 'LOCATION'), mention(0), mention(2, 'NORP')] },
    { id: 'b', mentions: [mention(2), mention(0)] },
  ],
  entities: [
    { id: 0, type: 'PERSON', name: 'Ri Yong Ho', aliases: [{ text: 'Ri', reason: 'surname of' }], mentions: 3, documents: ['a', 'b'] },
    { id: 1, type: 'LOCATION', name: 'Russia', aliases: [{ text: 'Russian', reason: 'nationality adjective' }], mentions: 1, documents: ['a'] },
    { id: 2, type: 'PERSON', name: 'Sergei Lavrov', aliases: [], mentions: 2, documents: ['a', 'b'] },
  ],
};

test('the index: occurrences in document order, counts per document, shades per type', () => {
  const entities = loadEntities();
  const index = entities.buildIndex(result);
  assert.deepEqual(local(index.occurrences(0).map((o) => `${o.document}#${o.index}`)), ['a#0', 'a#3', 'b#1']);
  assert.equal(index.countIn(0, 'a'), 2);
  assert.equal(index.countIn(0, 'b'), 1);
  assert.equal(index.countIn(1, 'b'), 0);
  assert.equal(index.total(2), 2);
  assert.deepEqual(local(index.documents(2).map((d) => [d.id, d.count])), [['a', 1], ['b', 1]]);
  // Each type counts its own shades: the second person gets shade 1, the first place 0.
  assert.deepEqual([index.shade(0), index.shade(2), index.shade(1)], [0, 1, 0]);
  assert.equal(index.get('7'), null, 'an unknown id is no entity');
  assert.equal(index.get(null), null);
});

test('an empty or missing result gives an empty index', () => {
  const entities = loadEntities();
  for (const empty of [null, { documents: [], entities: [] }, { error: 'no' }]) {
    const index = entities.buildIndex(empty);
    assert.equal(index.entities.length, 0);
    assert.deepEqual(local(index.occurrences(0)), []);
  }
});

test('a selected entity is found again after the ids change, by name or as an alias', () => {
  const entities = loadEntities();
  const before = entities.buildIndex(result);
  const renumbered = structuredClone(result);
  renumbered.entities.reverse().forEach((entity, id) => { entity.id = id; });
  const after = entities.buildIndex(renumbered);
  assert.equal(entities.findAgain(after, before.get(0)).name, 'Ri Yong Ho');
  assert.equal(entities.findAgain(after, before.get(0)).id, 2);
  // A name that became an alias of another entity of its type.
  const absorbed = entities.findAgain(after, { type: 'PERSON', name: 'Ri' });
  assert.equal(absorbed.name, 'Ri Yong Ho');
  assert.equal(entities.findAgain(after, { type: 'ORG', name: 'Ri Yong Ho' }), null, 'the type must match');
});

test('reasons read as phrases: "surname of" names the entity', () => {
  const entities = loadEntities();
  const ri = result.entities[0];
  assert.equal(entities.reasonText(ri.aliases[0], ri), 'surname of Ri Yong Ho');
  assert.equal(entities.reasonText({ text: 'Russian', reason: 'nationality adjective' }, result.entities[1]), 'nationality adjective');
});
