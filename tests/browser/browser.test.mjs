// The page in public/ in headless Chromium, served over http and opened from disk
// (file://): the seed articles added through the file input, their dates marked as
// shared/examples/seeds/expected.json says, pasted markup kept as text, the public JS API,
// and no request leaving the page; then the entities: one entity for every spelling of a
// name across the two articles, its card on hover and focus, and its selection from the
// side list marking all its mentions in both articles; then the events: a card per event
// of the two seed articles analysed together, with its participants and cited sentences,
// a timeline in date order, and a citation that shows its sentence in its article.
// Screenshots go to tests/artifacts/ (git-ignored).
//
// Run: (cd tests/browser && npm ci) once, then `node --test tests/browser/` after
// tools/build.sh has filled public/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  artifactsDir, chromiumPath, idleWithArticles, origin, outsideRequests, pageUrl, publicDir, seedFiles, seedsDir,
  selectTab, startServer, stopServer, waitFor, withPage,
} from './support.mjs';

before(async () => {
  for (const name of ['index.html', 'style.css', 'entities.js', 'events.js', 'mention-card.js', 'app.js', 'annotator-core.js']) {
    assert.ok(existsSync(join(publicDir, name)),
      `public/${name} is missing: build the site first (bash tools/build.sh, which copies every web/*.js)`);
  }
  for (const name of [...seedFiles, 'expected.json']) {
    assert.ok(existsSync(join(seedsDir, name)), `seed file missing: ${join(seedsDir, name)}`);
  }
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(artifactsDir, { recursive: true });
  await startServer();
});

after(stopServer);

async function checkPage(mode) {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8'));
  return withPage(async ({ page, requests, pageErrors, consoleErrors }) => {

    await page.goto(pageUrl(mode));
    await waitFor(page, 'the page to be ready (body[data-ready="true"])',
      () => document.body.dataset.ready && document.body.dataset.ready !== 'false');
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true',
      `the core did not load: ${await page.locator('#status').textContent()}`);

    // The two seed articles, through the file input, at once.
    await page.setInputFiles('#file-input', seedFiles.map((name) => join(seedsDir, name)));
    await waitFor(page, 'two analysed articles after choosing the seed files', idleWithArticles, 2);
    const tabIds = await page.locator('#tabs [role="tab"]').evaluateAll((tabs) => tabs.map((tab) => tab.dataset.id));
    assert.deepEqual(tabIds, seedFiles, 'one tab per seed file, named after the file');

    // Every date of expected.json, marked in its article with its value.
    for (const date of expected.dates) {
      await selectTab(page, date.doc);
      const marks = await page.locator('#article-view mark.mention[data-type="DATE"]').evaluateAll(
        (nodes) => nodes.map((node) => ({ text: node.textContent, value: node.dataset.value })));
      assert.ok(marks.some((mark) => mark.text === date.text && mark.value === date.value),
        `${date.doc}: no mark.mention[data-type="DATE"] "${date.text}" with data-value ${date.value}; ` +
        `marked: ${JSON.stringify(marks)}`);
    }
    const everyMark = await page.locator('#article-view mark.mention').evaluateAll((nodes) => nodes.map((node) => ({
      type: node.dataset.type, entity: node.getAttribute('data-entity'), value: node.getAttribute('data-value'), tip: node.dataset.tip,
    })));
    for (const mark of everyMark) {
      assert.ok(mark.entity !== null && mark.value !== null, `every mention carries data-entity and data-value: ${JSON.stringify(mark)}`);
      assert.match(mark.tip, new RegExp(`^${mark.type} · `), `a mention's tooltip starts with its type: ${JSON.stringify(mark)}`);
    }

    // Tabs are labelled with the detected title (else the id), the document date is shown.
    const seeds = seedFiles.map((name) => ({ id: name, text: readFileSync(join(seedsDir, name), 'utf8') }));
    const analysed = await page.evaluate((documents) => window.annotator.analyze(documents), seeds);
    assert.ok(!analysed.error, `window.annotator.analyze failed on the seeds: ${analysed.error}`);
    for (const document of analysed.documents) {
      const label = await page.locator(`#tabs [role="tab"][data-id="${document.id}"] .tab__label`).textContent();
      assert.equal(label, (document.title ?? document.id).replace(/\s+/g, ' ').trim(), `tab label of ${document.id}`);
    }
    for (const document of expected.documents) {
      await selectTab(page, document.file);
      const info = await page.locator('#doc-info').textContent();
      if (document.date) {
        assert.ok(info.includes(document.date) && /dateline/i.test(info),
          `${document.file}: the side panel should show ${document.date} from the dateline, shows "${info}"`);
      }
    }

    // The reference date, set through the UI, resolves the undated article's relative dates.
    await selectTab(page, seedFiles[0]);
    await page.fill('#reference-date', '2018-04-12');
    await waitFor(page, 'the analysis after setting a reference date',
      () => document.body.dataset.state === 'idle' && document.querySelector('#article-view mark.mention[data-value="2018-04-09"]'));
    assert.ok(await page.locator('#article-view mark.mention', { hasText: 'Monday' }).first().getAttribute('data-value') === '2018-04-09',
      'with reference date 2018-04-12, "Monday" in the undated article should be 2018-04-09');

    // The public API, independent of the UI.
    const viaApi = await page.evaluate(() =>
      window.annotator.analyze([{ id: 'a', text: 'Ri arrived on Monday.' }], { reference_date: '2018-04-10' }));
    assert.ok(!viaApi.error, `window.annotator.analyze returned an error: ${viaApi.error}`);
    const monday = viaApi.documents?.[0]?.mentions?.find((mention) => mention.text === 'Monday');
    assert.ok(monday, `window.annotator.analyze found no "Monday": ${JSON.stringify(viaApi)}`);
    assert.equal(monday.value, '2018-04-09', 'Monday before Tuesday 2018-04-10 is 2018-04-09');

    // Pasted markup is shown as text and never runs.
    const hostile = 'Breaking: <script>window.__pwned=1</script><b>bold</b> <img src=x onerror="window.__pwned=2"> on Monday.';
    await page.fill('#paste-text', hostile);
    await page.click('#add-article');
    await waitFor(page, 'the pasted article to be added', idleWithArticles, 3);
    assert.equal(await page.locator('#tabs [aria-selected="true"]').getAttribute('data-id'), 'article-1',
      'a pasted article is named article-1 and becomes the active tab');
    const shown = await page.locator('#article-view .article__text').textContent();
    assert.equal(shown, hostile, 'the pasted text is shown exactly as typed');
    assert.equal(await page.locator('#article-view script, #article-view b, #article-view img').count(), 0,
      'pasted markup must not become elements');
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'pasted script must not run');
    assert.equal(await page.inputValue('#paste-text'), '', 'the text box is emptied once its text is a tab');

    // An article the core refuses ({"error"}): a visible message, its text kept in its tab,
    // the other articles still annotated.
    const refused = 'Half a text\u0000 and a NUL byte, sent on Monday.';
    await page.fill('#paste-text', refused);
    await page.click('#add-article');
    await waitFor(page, 'the refused pasted article to get a tab', idleWithArticles, 4);
    assert.match(await page.locator('#status').textContent(), /article-2[\s\S]*could not be analysed/,
      'an {"error"} from the core is shown in the status area');
    assert.equal(await page.locator('#article-view .article__text').textContent(), refused,
      'the refused article keeps its text, shown as given');
    await selectTab(page, seedFiles[1]);
    assert.ok(await page.locator('#article-view mark.mention').count() > 0,
      'the other articles stay annotated when one is refused');
    await page.click('#tabs .tab-remove[data-id="article-2"]');
    await waitFor(page, 'the refused article to be removed', idleWithArticles, 3);
    assert.equal(await page.locator('#status .notice--error').count(), 0,
      'the error about a removed article goes away');

    // A binary file (a ZIP archive, such as a .docx, named .txt) is refused with a visible
    // message that says what it is, and nothing else changes.
    await page.setInputFiles('#file-input', { name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) });
    await waitFor(page, 'a message refusing binary.txt',
      () => /binary\.txt[\s\S]*ZIP archive[\s\S]*not text/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#status').isVisible(), true, 'the status area is visible');
    assert.equal(await page.evaluate(() => document.body.dataset.articles), '3', 'the refused file adds no tab');

    // Removing a tab re-analyses the rest, and can be undone.
    await page.click('#tabs .tab-remove[data-id="article-1"]');
    await waitFor(page, 'the pasted article to be removed', idleWithArticles, 2);
    await page.click('#status .notice__action');
    await waitFor(page, 'the removed article to come back on Undo', idleWithArticles, 3);
    assert.equal(await page.locator('#article-view .article__text').textContent(), hostile, 'Undo restores the text');
    await page.click('#tabs .tab-remove[data-id="article-1"]');
    await waitFor(page, 'the pasted article to be removed again', idleWithArticles, 2);

    // Screenshot of the page as a user sees it first: the dated seed article, no messages.
    const closers = page.locator('#status .notice__close');
    for (let left = await closers.count(); left > 0; left--) await closers.first().click();
    assert.equal(await page.locator('#status').isVisible(), false, 'dismissed messages leave the status area hidden');
    await selectTab(page, seedFiles[1]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artifactsDir, `page-${mode}.png`), fullPage: true });

    // Phone width: everything fits, nothing scrolls sideways but the tab row.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `at 360 px wide the page scrolls sideways by ${overflow} px`);

    // Nothing was requested from anywhere but public/ (file mode) or the local server.
    assert.deepEqual(outsideRequests(mode, requests), [], `requests outside ${mode === 'http' ? origin : 'public/'}`);
    assert.ok(requests.some((address) => address.endsWith('/annotator-core.js')), 'the core script was requested');
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  });
}

// The marks of the active article, with what the entity checks read.
function marksOf(page) {
  return page.locator('#article-view mark.mention').evaluateAll((nodes) => nodes.map((node) => ({
    text: node.textContent,
    type: node.dataset.type,
    entity: node.dataset.entity,
    family: node.dataset.family,
    shade: node.dataset.shade ?? null,
    index: node.dataset.index,
    selected: node.classList.contains('is-selected'),
    current: node.classList.contains('is-current'),
    background: getComputedStyle(node).backgroundColor,
  })));
}

async function checkEntities(mode) {
  return withPage(async ({ page, pageErrors, consoleErrors }) => {
    await page.goto(pageUrl(mode));
    await waitFor(page, 'the core to load', () => document.body.dataset.ready === 'true');
    await page.setInputFiles('#file-input', seedFiles.map((name) => join(seedsDir, name)));
    await waitFor(page, 'two analysed articles after choosing the seed files', idleWithArticles, 2);

    // The analysis the page shows, through its API: "Ri Yong Ho" (004) and "Rey Yong-ho"
    // (000) are one entity.
    const seeds = seedFiles.map((name) => ({ id: name, text: readFileSync(join(seedsDir, name), 'utf8') }));
    const analysed = await page.evaluate((documents) => window.annotator.analyze(documents), seeds);
    assert.ok(!analysed.error, `window.annotator.analyze failed on the seeds: ${analysed.error}`);
    const [article000, article004] = analysed.documents;
    const entityOf = (document, text) => document.mentions.find((mention) => mention.text === text)?.entity;
    const ri = entityOf(article004, 'Ri Yong Ho');
    assert.ok(ri != null, `"Ri Yong Ho" in ${article004.id} has no entity; entities: ${JSON.stringify(analysed.entities)}`);
    assert.equal(entityOf(article000, 'Rey Yong-ho'), ri, '"Rey Yong-ho" and "Ri Yong Ho" are one entity');
    const entity = analysed.entities.find((candidate) => candidate.id === ri);
    assert.ok(entity, `no entity with id ${ri}`);
    const perArticle = Object.fromEntries(analysed.documents.map((document) =>
      [document.id, document.mentions.filter((mention) => mention.entity === ri).length]));
    assert.ok(perArticle[seedFiles[0]] > 0 && perArticle[seedFiles[1]] > 0, `${entity.name} is mentioned in both articles`);
    assert.equal(perArticle[seedFiles[0]] + perArticle[seedFiles[1]], entity.mentions, 'the entity counts its mentions');

    // Both spellings carry the same data-entity and so the same colour; another person
    // has a shade of its own; every mention is coloured by its entity's type (a NORP
    // "Russian" as Russia, a place) and keeps its own type for the rest.
    await selectTab(page, seedFiles[0]);
    const marks000 = await marksOf(page);
    await selectTab(page, seedFiles[1]);
    const marks004 = await marksOf(page);
    const rey = marks000.find((mark) => mark.text === 'Rey Yong-ho');
    const riMark = marks004.find((mark) => mark.text === 'Ri Yong Ho');
    assert.ok(rey && riMark, 'both spellings are marked');
    assert.equal(rey.entity, String(ri), '"Rey Yong-ho" carries the entity in data-entity');
    assert.equal(riMark.entity, String(ri), '"Ri Yong Ho" carries the entity in data-entity');
    assert.equal(rey.background, riMark.background, 'one entity, one shade');
    const otherPerson = marks004.find((mark) => mark.family === 'PERSON' && mark.entity !== String(ri) && mark.shade !== riMark.shade);
    assert.ok(otherPerson, 'another person in 004 has a shade of its own');
    assert.notEqual(otherPerson.background, riMark.background, `"${otherPerson.text}" and "Ri Yong Ho" look different`);
    for (const mark of [...marks000, ...marks004]) {
      if (mark.entity === '') {
        assert.equal(mark.family, mark.type, `an unlinked mention is coloured by its type: ${JSON.stringify(mark)}`);
        continue;
      }
      const owner = analysed.entities.find((candidate) => String(candidate.id) === mark.entity);
      assert.ok(owner, `data-entity names an entity: ${JSON.stringify(mark)}`);
      assert.equal(mark.family, owner.type, `"${mark.text}" is coloured as a ${owner.type}, its entity ${owner.name}`);
    }

    // Hover: the card names the entity, its aliases with their reasons, and its counts.
    const riLocator = page.locator('#article-view mark.mention', { hasText: 'Ri Yong Ho' }).first();
    await riLocator.hover();
    await waitFor(page, 'the card on hovering "Ri Yong Ho"', () => !document.getElementById('mention-card').hidden);
    const card = await page.locator('#mention-card').textContent();
    assert.ok(card.includes(entity.name), `the card names ${entity.name}: "${card}"`);
    for (const alias of entity.aliases.slice(0, 8)) {
      assert.ok(card.includes(alias.text) && card.includes(alias.reason), `the card lists "${alias.text}" (${alias.reason}): "${card}"`);
    }
    assert.ok(card.includes(`${entity.mentions} mentions in 2 articles`), `the card counts mentions and articles: "${card}"`);
    assert.ok(entity.titles.includes('Foreign Minister') && card.includes('Foreign Minister'), `the card shows his title: "${card}"`);
    assert.equal(await riLocator.getAttribute('aria-describedby'), 'mention-card', 'the card describes the mention');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#mention-card').isHidden(), true, 'Escape closes the card');
    await page.mouse.move(0, 0);

    // Keyboard: one tab stop for the mentions, the arrows move, the card follows focus,
    // Enter selects the entity and Escape (after closing the card) clears it.
    assert.equal(await page.locator('#article-view mark.mention[tabindex="0"]').count(), 1, 'one tab stop among the mentions');
    await page.locator('#article-view mark.mention[tabindex="0"]').focus();
    const before = await page.evaluate(() => document.activeElement.dataset.index);
    await page.keyboard.press('ArrowRight');
    const after = await page.evaluate(() => ({ index: document.activeElement.dataset.index, tabIndex: document.activeElement.tabIndex }));
    assert.notEqual(after.index, before, '→ moves to the next mention');
    assert.equal(after.tabIndex, 0, 'the focused mention is the tab stop');
    assert.equal(await page.locator('#mention-card').isVisible(), true, 'the card shows on keyboard focus');
    await riLocator.focus();
    await page.keyboard.press('Enter');
    await waitFor(page, 'Enter on "Ri Yong Ho" to select its entity',
      () => !document.getElementById('selection-bar').hidden && document.querySelector('#article-view mark.mention.is-selected'));
    assert.equal(await page.locator('#selection-name').textContent(), entity.name, 'the bar names the selected entity');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#article-view mark.mention.is-selected').count(), 0, 'Escape clears the selection');
    assert.equal(await page.locator('#selection-bar').isHidden(), true, 'and hides the bar');

    // The side list: filtering finds the entity by an alias.
    await page.fill('#entity-filter', 'rey yong');
    assert.deepEqual(await page.locator('#entity-list button.entity-button').evaluateAll((nodes) => nodes.map((node) => node.dataset.entity)),
      [String(ri)], 'filtering by "rey yong" finds Ri Yong Ho by his alias');
    await page.fill('#entity-filter', '');

    // Clicking the entity marks every mention of it in both articles, and only those; each
    // tab shows its count.
    const listButton = page.locator(`#entity-list button.entity-button[data-entity="${ri}"]`);
    assert.equal(await listButton.count(), 1, 'the entity is in the side list once');
    assert.ok((await listButton.textContent()).includes(entity.name), 'the list shows the canonical name');
    await listButton.click();
    assert.equal(await listButton.getAttribute('aria-pressed'), 'true', 'the list shows the entity as selected');
    let marked = 0;
    for (const id of seedFiles) {
      await selectTab(page, id);
      const selected = (await marksOf(page)).filter((mark) => mark.selected);
      const mentions = new Set(selected.map((mark) => mark.index));
      assert.ok(selected.every((mark) => mark.entity === String(ri)), `${id}: only mentions of ${entity.name} are selected`);
      assert.equal(mentions.size, perArticle[id], `${id}: every mention of ${entity.name} is marked`);
      const hits = await page.locator('#tabs .tab-item').evaluateAll((items, wanted) =>
        items.find((item) => item.querySelector('[role="tab"]').dataset.id === wanted)?.querySelector('.tab__hits')?.textContent, id);
      assert.equal(hits, String(perArticle[id]), `${id}: the tab shows the count`);
      marked += mentions.size;
    }
    assert.equal(marked, entity.mentions, `the marked mentions in both articles are all ${entity.mentions} of ${entity.name}`);

    // Next steps through every mention once, across both articles, from the first.
    await selectTab(page, seedFiles[0]);
    const visited = [];
    for (let step = 0; step < entity.mentions; step++) {
      await page.click('#selection-next');
      visited.push(await page.evaluate(() => ({
        document: document.querySelector('#tabs [aria-selected="true"]').dataset.id,
        index: document.querySelector('#article-view mark.mention.is-current')?.dataset.index,
        position: document.getElementById('selection-position').textContent,
      })));
    }
    assert.equal(visited[0].position, `1 / ${entity.mentions}`, 'Next starts at the first mention');
    assert.ok(visited.every((stop) => stop.index !== undefined), `each step shows a current mention: ${JSON.stringify(visited)}`);
    assert.equal(new Set(visited.map((stop) => `${stop.document}#${stop.index}`)).size, entity.mentions,
      `Next visits every mention once: ${JSON.stringify(visited)}`);
    assert.deepEqual([...new Set(visited.map((stop) => stop.document))], seedFiles, 'Next goes on into the second article');
    await selectTab(page, seedFiles[1]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artifactsDir, `entities-${mode}.png`) });

    // A new analysis (a reference date) keeps the selection.
    await page.fill('#reference-date', '2018-04-12');
    await waitFor(page, 'the analysis after setting a reference date',
      () => document.body.dataset.state === 'idle' && document.querySelector('#article-view mark.mention[data-value="2018-04-12"], #article-view mark.mention[data-value="2018-04-10"]'));
    assert.equal(await page.locator('#selection-name').textContent(), entity.name, 'the selection survives a new analysis');
    assert.ok(await page.locator('#article-view mark.mention.is-selected').count() > 0, 'its mentions stay marked');

    // Clear.
    await page.click('#selection-clear');
    assert.equal(await page.locator('#article-view mark.mention.is-selected').count(), 0, 'Clear unmarks the mentions');
    assert.equal(await page.locator('#selection-bar').isHidden(), true, 'Clear hides the bar');
    assert.equal(await listButton.getAttribute('aria-pressed'), 'false', 'Clear unselects the list entry');

    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  });
}

// The last day of a date's period, for comparing dates of different precisions: the
// timeline puts a vague date after the precise ones it holds ("2018-03" → "2018-03-31",
// "2018" → "2018-12-31").
const periodEnd = (date) => {
  const [year, month = '12', day] = date.slice(0, 10).split('-');
  const last = day ?? String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate());
  return `${year}-${month}-${last.padStart(2, '0')}`;
};
const squash = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();

async function checkEvents(t, mode) {
  return withPage(async ({ page, pageErrors, consoleErrors }) => {
    await page.goto(pageUrl(mode));
    await waitFor(page, 'the core to load', () => document.body.dataset.ready === 'true');
    assert.equal(await page.locator('#view-switch').isHidden(), true, 'no view switch before there is an article');
    await page.setInputFiles('#file-input', seedFiles.map((name) => join(seedsDir, name)));
    await waitFor(page, 'two analysed articles after choosing the seed files', idleWithArticles, 2);

    const seeds = seedFiles.map((name) => ({ id: name, text: readFileSync(join(seedsDir, name), 'utf8') }));
    const analysed = await page.evaluate((documents) => window.annotator.analyze(documents), seeds);
    assert.ok(!analysed.error, `window.annotator.analyze failed on the seeds: ${analysed.error}`);
    assert.ok(Array.isArray(analysed.events), 'the result has an events array');
    const events = analysed.events;
    const entityName = (id) => analysed.entities.find((entity) => entity.id === id)?.name;
    const documentText = Object.fromEntries(analysed.documents.map((document) => [document.id, document.text]));

    // The view switch counts the events; the events view replaces the article.
    await page.click('#view-events');
    await waitFor(page, 'the events view', () => !document.getElementById('events-view').hidden);
    assert.equal(await page.locator('#article-pane').isHidden(), true, 'the articles are hidden in the events view');
    assert.equal(await page.locator('#view-events').getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#events-count').textContent(), String(events.length), 'the switch counts the events');
    if (events.length === 0) {
      assert.match(await page.locator('#events-view').textContent(), /No events/, 'an empty result says there are no events');
      t.skip('the core finds no events in the seed articles yet ("events": [] in build/annotate ../shared/examples/seeds/*.txt); ' +
        'the event cards and timeline are checked once it does');
      return;
    }

    // One card per event, with its label, type, participants by canonical name, place,
    // date and cited sentences, each with its trigger marked.
    const cards = page.locator('#events-view article.event-card');
    assert.equal(await cards.count(), events.length, 'one card per event');
    const shown = await cards.evaluateAll((nodes) => nodes.map((node) => ({
      id: Number(node.dataset.event),
      status: node.dataset.status,
      label: node.querySelector('.event-card__label-text').textContent,
      type: node.querySelector('.event-type__name').textContent,
      badge: node.querySelector('.event-status')?.textContent ?? null,
      chips: [...node.querySelectorAll('.event-fact--who .event-chip')].map((chip) => chip.textContent),
      place: node.querySelector('.event-fact--where .event-chip')?.textContent ?? null,
      when: node.querySelector('.event-when').textContent,
      datetime: node.querySelector('.event-when time')?.getAttribute('datetime') ?? null,
      citations: [...node.querySelectorAll('.citation')].map((citation) => ({
        document: citation.dataset.document,
        position: Number(citation.dataset.position),
        text: citation.querySelector('.citation__text').textContent,
        trigger: citation.querySelector('mark.event-trigger')?.textContent ?? null,
      })),
    })));
    for (const card of shown) {
      const event = events.find((candidate) => candidate.id === card.id);
      assert.ok(event, `a card for an event that exists: ${JSON.stringify(card)}`);
      assert.equal(card.label, squash(event.label), `card ${card.id}: its label`);
      assert.equal(card.type, event.type, `card ${card.id}: its type`);
      assert.deepEqual(card.chips, [...event.sources, ...event.targets].map(entityName), `card ${card.id}: its participants by canonical name`);
      assert.equal(card.place, event.place == null ? null : entityName(event.place), `card ${card.id}: its place`);
      if (event.date) assert.equal(card.datetime, event.date, `card ${card.id}: its date`);
      else assert.equal(card.when, 'date unknown', `card ${card.id}: no date`);
      assert.equal(card.badge, { occurred: null, planned: 'Planned', possible: 'Possible', negated: 'Did not happen' }[event.status],
        `card ${card.id}: status ${event.status} is marked as such`);
      assert.ok(card.citations.length > 0, `card ${card.id}: cites at least one sentence`);
      for (const citation of card.citations) {
        const mention = event.mentions[citation.position];
        const text = documentText[mention.document];
        assert.equal(citation.document, mention.document, `card ${card.id}: the citation's article`);
        assert.equal(citation.text, squash(text.slice(mention.sentence.start, mention.sentence.end)), `card ${card.id}: the cited sentence`);
        assert.equal(citation.trigger, squash(text.slice(mention.trigger.start, mention.trigger.end)), `card ${card.id}: the trigger is marked`);
      }
    }
    const negated = shown.find((card) => card.status === 'negated');
    if (negated) {
      const line = await page.locator(`#events-view article.event-card[data-event="${negated.id}"] .event-card__label-text`)
        .evaluate((node) => getComputedStyle(node).textDecorationLine);
      assert.match(line, /line-through/, 'an event that did not happen is struck through');
    }

    // At least one card cites both articles.
    const both = shown.find((card) => seedFiles.every((id) => card.citations.some((citation) => citation.document === id)));
    assert.ok(both, `a card cites both articles; cards: ${JSON.stringify(shown.map((card) => [card.label, card.citations.map((c) => c.document)]))}`);
    assert.match(await page.locator(`#events-view article.event-card[data-event="${both.id}"] .event-card__told-by`).textContent(),
      /Told by both articles/, 'the card says both articles tell it');

    // The timeline: dated cards in date order, each under the heading of its date; the
    // undated ones after them.
    const order = shown.map((card) => events.find((event) => event.id === card.id).date);
    const firstUndated = order.indexOf(null);
    assert.ok(firstUndated < 0 || order.slice(firstUndated).every((date) => date === null), `undated cards come last: ${JSON.stringify(order)}`);
    const dated = order.filter(Boolean);
    for (let i = 1; i < dated.length; i++) {
      assert.ok(periodEnd(dated[i - 1]) <= periodEnd(dated[i]), `the timeline orders dated cards by date: ${JSON.stringify(dated)}`);
    }
    const groups = await page.locator('#events-view .timeline__group').evaluateAll((nodes) => nodes.map((node) => ({
      datetime: node.querySelector('.timeline__date time')?.getAttribute('datetime') ?? null,
      dates: [...node.querySelectorAll('.event-when time')].map((time) => time.getAttribute('datetime').slice(0, 10)),
    })));
    for (const group of groups) {
      assert.ok(group.dates.every((date) => date === group.datetime), `a date heading holds the cards of its date: ${JSON.stringify(group)}`);
    }
    assert.equal(await page.locator('#events-view .date-axis__button').count(), groups.length, 'the date axis has a stop per date');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artifactsDir, `events-${mode}.png`), fullPage: true });

    // A click on a citation shows its article, scrolled to the sentence, highlighted, with
    // its trigger marked; another article's tab shows the same event's sentence there.
    const [other, target] = [seedFiles[0], seedFiles[1]];
    const citation = both.citations.find((candidate) => candidate.document === target);
    const mention = events.find((event) => event.id === both.id).mentions[citation.position];
    await page.locator(`#events-view article.event-card[data-event="${both.id}"] .citation[data-document="${target}"]`).first().click();
    await waitFor(page, 'the article of the citation', (id) => !document.getElementById('article-pane').hidden &&
      document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === id, target);
    const current = page.locator('#article-view .cited-sentence.is-current');
    assert.equal(await current.count(), 1, 'the cited sentence is highlighted in its article');
    assert.equal(await current.textContent(), documentText[target].slice(mention.sentence.start, mention.sentence.end), 'the highlighted sentence is the cited one');
    assert.equal(await page.locator('#article-view .cited-sentence.is-current .cited-trigger').first().textContent(),
      documentText[target].slice(mention.trigger.start, mention.trigger.end), 'its trigger is marked');
    await waitFor(page, 'the cited sentence to be scrolled into view', () => {
      const box = document.querySelector('#article-view .cited-sentence.is-current').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cited-sentence')), true, 'focus moves to the sentence');
    assert.equal(await page.locator('#event-bar').isVisible(), true, 'the event bar names the marked event');
    assert.ok((await page.locator('#event-bar').textContent()).includes(squash(both.label)), 'the bar shows the event label');
    await page.screenshot({ path: join(artifactsDir, `events-cited-${mode}.png`) });

    await selectTab(page, other);
    assert.ok(await page.locator('#article-view .cited-sentence.is-current').count() >= 1, 'the other article shows the event\'s sentence too');
    await waitFor(page, 'the other article\'s cited sentence to be in view', () => {
      const box = document.querySelector('#article-view .cited-sentence.is-current').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

    // The bar's Next goes through the event's reports in reading order, across articles.
    const [at, of] = (await page.locator('#event-bar .event-bar__position').textContent()).split(' / ').map(Number);
    await page.locator('#event-bar .event-bar__nav button').last().click();
    assert.equal(await page.locator('#event-bar .event-bar__position').textContent(), `${at % of + 1} / ${of}`, 'Next shows the next report');
    assert.equal(await page.locator('#article-view .cited-sentence.is-current').count(), 1, 'and marks its sentence');

    // Back to events: the card is marked as the one shown and has the focus.
    await page.click('#event-bar .event-bar__back');
    await waitFor(page, 'the events view again', () => !document.getElementById('events-view').hidden);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.event), String(both.id), 'focus returns to the card');
    assert.ok(await page.locator(`#events-view article.event-card[data-event="${both.id}"]`).evaluate((node) => node.classList.contains('is-cited')),
      'the card shown last is marked');

    // Keyboard: the arrows move between the two views.
    await page.locator('#view-events').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#article-pane').isVisible(), true, '← shows the articles');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-articles');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#events-view').isVisible(), true, '→ shows the events');

    // A participant chip selects its entity: the events without it are faded.
    const chip = page.locator(`#events-view article.event-card[data-event="${both.id}"] .event-chip`).first();
    const entityId = Number(await chip.getAttribute('data-entity'));
    await chip.click();
    await waitFor(page, 'the selection bar', () => !document.getElementById('selection-bar').hidden);
    assert.equal(await page.locator('#selection-name').textContent(), entityName(entityId), 'the chip selects its entity');
    const involved = events.filter((event) => [...event.sources, ...event.targets, event.place].includes(entityId)).length;
    assert.equal(await page.locator('#events-view article.event-card:not(.is-dimmed)').count(), involved, 'the events of the entity stay bright');
    await page.click('#selection-clear');
    assert.equal(await page.locator('#events-view article.event-card.is-dimmed').count(), 0, 'clearing the selection brings back every event');

    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(consoleErrors, [], 'errors in the console');
  });
}

test('the page over http: seeds, dates, safety, API, no outside requests', { timeout: 120_000 }, () => checkPage('http'));
test('the page from disk (file://): seeds, dates, safety, API, no outside requests', { timeout: 120_000 }, () => checkPage('file'));
test('entities over http: one per name across articles, card, side list, selection', { timeout: 120_000 }, () => checkEntities('http'));
test('entities from disk (file://): one per name across articles, card, side list, selection', { timeout: 120_000 }, () => checkEntities('file'));
test('events over http: cards, citations across articles, timeline by date', { timeout: 120_000 }, (t) => checkEvents(t, 'http'));
test('events from disk (file://): cards, citations across articles, timeline by date', { timeout: 120_000 }, (t) => checkEvents(t, 'file'));
