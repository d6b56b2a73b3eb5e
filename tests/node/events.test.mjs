// The page's event model (web/events.js) on a hand-made result of the contract: date
// wording, status wording, labels, citations cut around their trigger, the timeline's order
// and groups, and an event found again after a new analysis. The DOM parts are tested in
// the browser (tests/browser/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { root } from './support.mjs';

function loadEvents() {
  const window = {};
  // As the page loads it: dom.js first (its element() helper).
  runInNewContext(readFileSync(join(root, 'web', 'dom.js'), 'utf8'), { window });
  runInNewContext(readFileSync(join(root, 'web', 'events.js'), 'utf8'), { window });
  return window.NewsAnnotator.events;
}

// Values made in the script's own context, as plain values of this one.
const local = (value) => JSON.parse(JSON.stringify(value));

// Two short articles; offsets are found in the text so the fixture stays readable.
const textA = 'Ri Visits Moscow\n\nRi arrived in Moscow on Monday.\nHe met Lavrov on Tuesday, and the two\nheld talks. Kim will visit China.';
const textB = 'Lavrov accepted an invitation on Tuesday. Ri arrived in Moscow on Monday.';

function span(text, part, from = 0) {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" not in the text`);
  return { start, end: start + part.length };
}

function report(document, text, sentence, trigger) {
  const s = span(text, sentence);
  const t = span(text, trigger, s.start);
  return { document, sentence: s, trigger: t, text: trigger };
}

const result = {
  schema: 'annotator/1',
  documents: [{ id: 'a.txt', text: textA }, { id: 'b.txt', text: textB }],
  entities: [
    { id: 0, type: 'PERSON', name: 'Ri Yong Ho' },
    { id: 1, type: 'LOCATION', name: 'Moscow' },
    { id: 2, type: 'PERSON', name: 'Sergei Lavrov' },
    { id: 3, type: 'PERSON', name: 'Kim Jong Un' },
    { id: 4, type: 'LOCATION', name: 'China' },
  ],
  events: [
    { id: 0, type: 'CONSULT', mode: null, cameo: '040', label: 'Ri Yong Ho and Sergei Lavrov hold talks', sources: [0], targets: [2],
      place: 1, date: '2018-04-10', status: 'occurred', quote: null,
      mentions: [report('a.txt', textA, 'He met Lavrov on Tuesday, and the two\nheld talks.', 'met')] },
    { id: 1, type: 'CONSULT', mode: 'visit', cameo: '042', label: 'Ri Yong Ho visits Moscow', sources: [0], targets: [],
      place: 1, date: '2018-04-09', status: 'occurred', quote: null,
      mentions: [report('b.txt', textB, 'Ri arrived in Moscow on Monday.', 'arrived'),
                 report('a.txt', textA, 'Ri arrived in Moscow on Monday.', 'arrived')] },
    { id: 2, type: 'CONSULT', mode: 'visit', cameo: '042', label: 'Kim Jong Un visits China', sources: [3], targets: [],
      place: 4, date: null, status: 'planned', quote: null,
      mentions: [report('a.txt', textA, 'Kim will visit China.', 'visit')] },
    { id: 3, type: 'AGREE', mode: null, cameo: '036', label: 'Sergei Lavrov accepts the invitation', sources: [2], targets: [],
      place: null, date: '2018-04', status: 'occurred', quote: null,
      mentions: [report('b.txt', textB, 'Lavrov accepted an invitation on Tuesday.', 'accepted')] },
    { id: 4, type: 'CONSULT', mode: null, cameo: null, label: '', sources: [3], targets: [0],
      place: null, date: null, status: 'negated', quote: null,
      mentions: [report('a.txt', textA, 'Ri Visits Moscow', 'Visits')] },
  ],
  warnings: [],
};

test('dates read as a reader writes them, at their precision', () => {
  const events = loadEvents();
  assert.equal(events.formatDate('2018-04-09'), 'Monday 9 April 2018');
  assert.equal(events.formatDate('2018-04-10'), 'Tuesday 10 April 2018');
  assert.equal(events.formatDate('2018-03'), 'March 2018');
  assert.equal(events.formatDate('2018'), '2018');
  assert.equal(events.formatDate('2018-04-10T14:30'), 'Tuesday 10 April 2018, 14:30');
  assert.equal(events.formatDate('2018-04-10TMO'), 'Tuesday 10 April 2018', 'a part of the day keeps the day');
  assert.equal(events.formatDate('2016-02-29'), 'Monday 29 February 2016');
  assert.equal(events.formatDate(null), 'date unknown');
  assert.equal(events.formatDate(''), 'date unknown');
  assert.equal(events.formatDate('2018-W15'), '2018-W15', 'other TIMEX values are shown as they are');
  assert.equal(events.formatDate('2018-02-30'), '2018-02-30', 'an impossible day is not dressed up as a date');
  assert.equal(events.formatDate('2018-04-09', 'short'), 'Mon 9 Apr');
  assert.equal(events.formatDate('2018-03', 'short'), 'Mar 2018');
  assert.equal(events.formatDate(null, 'short'), 'No date');
  assert.equal(events.parseDate('2018-04').precision, 'month');
  assert.equal(events.parseDate('2018-04-10T14:30').group, '2018-04-10', 'a time groups with its day');
});

test('status wording: planned, possible and negated are marked, what happened is not', () => {
  const events = loadEvents();
  assert.equal(events.statusInfo('occurred').badge, null);
  assert.equal(events.statusInfo('planned').badge, 'Planned');
  assert.equal(events.statusInfo('possible').badge, 'Possible');
  assert.equal(events.statusInfo('negated').badge, 'Did not happen');
  assert.equal(events.statusInfo('negated').word, 'did not happen');
  assert.equal(events.statusInfo(undefined).status, 'occurred', 'no status reads as occurred');
  assert.equal(events.statusInfo('rumoured').badge, 'rumoured', 'an unknown status is shown, not hidden');
});

test('types: tone, mode and a CAMEO hint', () => {
  const events = loadEvents();
  const visit = events.typeInfo(result.events[1]);
  assert.deepEqual(local([visit.type, visit.mode, visit.cameo, visit.tone]), ['CONSULT', 'visit', '042', 'cooperation']);
  assert.match(visit.cameoHint, /^CAMEO code 042 \(04: consult\)$/);
  assert.equal(events.typeInfo({ type: 'SANCTION' }).tone, 'conflict');
  assert.equal(events.typeInfo({ type: 'STATEMENT', quote: 'x' }).tone, 'neutral');
  assert.equal(events.typeInfo({ type: 'SANCTION' }).cameoHint, '', 'no code, no hint');
});

test('citations: the sentence cut around its trigger, on one line', () => {
  const events = loadEvents();
  const byId = { 'a.txt': result.documents[0], 'b.txt': result.documents[1] };
  const [talks] = events.citations(result.events[0], byId);
  assert.equal(talks.before, 'He ');
  assert.equal(talks.triggerText, 'met');
  assert.equal(talks.after, ' Lavrov on Tuesday, and the two held talks.', 'the line break becomes a space');
  assert.equal(talks.document, 'a.txt');
  const outside = structuredClone(result.events[0]);
  outside.mentions[0].trigger = { start: 0, end: 2 };
  const [unmarked] = events.citations(outside, byId);
  assert.equal(unmarked.triggerText, '', 'a trigger outside its sentence is not marked');
  assert.equal(unmarked.before, 'He met Lavrov on Tuesday, and the two held talks.');
  const [missing] = events.citations({ mentions: [{ document: 'gone.txt', sentence: { start: 0, end: 3 }, trigger: { start: 0, end: 1 }, text: 'met' }] }, byId);
  assert.equal(missing.before, 'met', 'without its document, the mention text stands in');
});

test('the model: cards in date order, a vague date after the precise ones it holds, undated last', () => {
  const events = loadEvents();
  const model = events.buildModel(result);
  assert.deepEqual(local(model.items.map((item) => item.event.id)), [1, 0, 3, 4, 2],
    '9 April, then 10 April, then (some day in) April 2018, then the undated in the order the articles tell them');
  assert.deepEqual(local(model.groups.map((group) => [group.key, group.heading, group.short, group.items.length])), [
    ['2018-04-09', 'Monday 9 April 2018', 'Mon 9 Apr', 1],
    ['2018-04-10', 'Tuesday 10 April 2018', 'Tue 10 Apr', 1],
    ['2018-04', 'April 2018', 'Apr 2018', 1],
    ['undated', 'Date unknown', 'No date', 2],
  ]);
  const keys = ['2018', '2018-05', '2018-03', '2018-04-30', '2018-04', '2017-12-31', '2018-04-10T09:00', '2018-04-10'];
  const sorted = keys.slice().sort((a, b) => (events.parseDate(a).sortKey < events.parseDate(b).sortKey ? -1 : 1));
  assert.deepEqual(sorted, ['2017-12-31', '2018-03', '2018-04-10', '2018-04-10T09:00', '2018-04-30', '2018-04', '2018-05', '2018'],
    'periods end where they end; on the same last day, the finer first');
  const visit = model.items.find((item) => item.event.id === 1);
  assert.deepEqual(local(visit.documents), ['a.txt', 'b.txt'], 'documents in the order of the result');
  assert.deepEqual(local(visit.sources.map((entity) => entity.name)), ['Ri Yong Ho']);
  assert.equal(visit.place.name, 'Moscow');
  assert.equal(visit.label, 'Ri Yong Ho visits Moscow');
  const unnamed = model.items.find((item) => item.event.id === 4);
  assert.equal(unnamed.label, 'Kim Jong Un · consult · Ri Yong Ho', 'an event without a label gets one from its participants');
  assert.deepEqual(local(model.summary), { total: 5, several: 1, uncertain: 1, negated: 1, undated: 2 });
  assert.equal(events.summaryText(model), '5 events · 1 told by both articles · 1 planned or possible · 1 did not happen · 2 without a date');
});

test('told by: both, all, some of, and repeated sentences', () => {
  const events = loadEvents();
  assert.equal(events.toldBy(2, 2, 2), 'Told by both articles');
  assert.equal(events.toldBy(3, 3, 3), 'Told by all 3 articles');
  assert.equal(events.toldBy(2, 3, 2), 'Told by 2 of 3 articles');
  assert.equal(events.toldBy(1, 2, 1), 'Told by 1 article');
  assert.equal(events.toldBy(1, 1, 2), 'Told by 1 article (2 sentences)');
});

test('an empty or missing result has no events', () => {
  const events = loadEvents();
  for (const empty of [null, { error: 'no' }, { documents: [], entities: [], events: [] }]) {
    const model = events.buildModel(empty);
    assert.equal(model.items.length, 0);
    assert.equal(model.groups.length, 0);
  }
});

test('an event is found again after a new analysis renumbers it, and knows its participants', () => {
  const events = loadEvents();
  const renumbered = structuredClone(result.events).reverse().map((event, id) => ({ ...event, id }));
  assert.equal(events.findAgain(renumbered, result.events[1]).id, 3);
  const relabelled = structuredClone(renumbered);
  relabelled[3].label = 'Ri Yong Ho arrives in Moscow';
  assert.equal(events.findAgain(relabelled, result.events[1]).label, 'Ri Yong Ho arrives in Moscow',
    'a new label, the same type and sentence');
  assert.equal(events.findAgain([], result.events[1]), null);
  assert.equal(events.involves(result.events[0], 2), true, 'a target');
  assert.equal(events.involves(result.events[0], '1'), true, 'the place');
  assert.equal(events.involves(result.events[0], 3), false);
  assert.deepEqual(local(events.rangesIn(result.events[1], 'a.txt', 1).map((range) => [range.position, range.current])), [[1, true]]);
});

test('stepping through the reports of an event: reading order, round the ends, from an article that does not tell it', () => {
  const events = loadEvents();
  const order = ['a.txt', 'b.txt', 'c.txt'];
  const visit = result.events[1]; // mentions: [b.txt, a.txt]
  assert.deepEqual(local(events.readingOrder(visit, order)), [1, 0], 'a.txt before b.txt, whatever the order of the mentions');
  assert.equal(events.stepReport(visit, order, 'a.txt', 1, 1), 0, 'next: on into b.txt');
  assert.equal(events.stepReport(visit, order, 'b.txt', 0, 1), 1, 'next after the last: back to the first');
  assert.equal(events.stepReport(visit, order, 'a.txt', 1, -1), 0, 'previous before the first: the last');
  assert.equal(events.stepReport(visit, order, 'c.txt', null, 1), 1, 'from an article after all reports, next wraps to the first');
  assert.equal(events.stepReport(visit, order, 'c.txt', null, -1), 0, 'and previous is the last report');
  const talks = result.events[0]; // only a.txt
  assert.equal(events.stepReport(talks, order, 'b.txt', null, -1), 0);
  assert.equal(events.stepReport({ mentions: [] }, order, 'a.txt', null, 1), null);
});

test('a card shows the first sentence of each article before a second of any', () => {
  const events = loadEvents();
  const cite = (document, start, position) => ({ document, position, sentence: { start, end: start + 5 } });
  const citations = [cite('a', 10, 0), cite('a', 50, 1), cite('a', 90, 2), cite('b', 5, 3), cite('c', 7, 4)];
  const shown = (limit, documents = ['a', 'b', 'c']) => local(events.citationsToShow(citations, documents, limit).map((c) => c.position));
  assert.deepEqual(shown(3), [0, 3, 4], 'one from each article');
  assert.deepEqual(shown(4), [0, 1, 3, 4], 'then the next in reading order, shown in reading order');
  assert.deepEqual(shown(2), [0, 3]);
  assert.deepEqual(shown(Infinity), [0, 1, 2, 3, 4]);
  assert.deepEqual(shown(3, ['c', 'b', 'a']), [4, 3, 0], 'the articles in the result\'s order');
});
