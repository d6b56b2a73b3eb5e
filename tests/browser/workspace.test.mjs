// The page as a workspace, in headless Chromium, opened from disk and over http, doing what
// a user does: paste the two seed articles, check their highlights and the entity list
// against expected.json, correct an entity and a mention, reload and find the articles and
// the corrections kept, export the collection and the other formats, clear the workspace
// and import the export back; open an HTML file (its script never runs); cancel a long
// analysis; and, all along, no request leaves the page and the core runs in a worker.
// Screenshots of the main views go to tests/artifacts/ (git-ignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  artifactsDir, idleWithArticles, outsideRequests, pageUrl, seedFiles, seedsDir,
  startServer, stopServer, waitFor, withPage,
} from './support.mjs';

const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8'));
const seedTexts = seedFiles.map((name) => readFileSync(join(seedsDir, name), 'utf8'));
const squash = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();

before(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  await startServer();
});
after(stopServer);

const ready = () => document.body.dataset.ready === 'true' && document.body.dataset.restored === 'true';

// Every mark of every article: its text and entity, read from the DOM tab by tab.
async function marksOfAllArticles(page) {
  const ids = await page.locator('#tabs [role="tab"]').evaluateAll((tabs) => tabs.map((tab) => tab.dataset.id));
  const marks = [];
  for (const id of ids) {
    await page.click(`#tabs [role="tab"][data-id="${id}"]`);
    await waitFor(page, `tab ${id}`, (wanted) => document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === wanted, id);
    marks.push(...await page.locator('#article-view mark.mention:not([data-piece="rest"])').evaluateAll((nodes) =>
      nodes.map((node) => ({ text: node.textContent, entity: node.dataset.entity, type: node.dataset.type }))));
  }
  return marks;
}

// expected.json's entities against what the page shows: each one entity holding all its
// forms, named as name_one_of allows in the side list, no two of them one.
async function entityProblems(page) {
  const marks = await marksOfAllArticles(page);
  const names = Object.fromEntries(await page.locator('#entity-list .entity-button').evaluateAll((buttons) =>
    buttons.map((button) => [button.dataset.entity, button.querySelector('.entity-button__name').textContent])));
  const problems = [];
  const owners = new Map();
  for (const wanted of expected.entities) {
    const ids = new Set(marks.filter((mark) => wanted.forms.includes(squash(mark.text))).map((mark) => mark.entity));
    if (ids.size !== 1) { problems.push(`${wanted.forms[0]} is in ${ids.size} entities`); continue; }
    const [id] = ids;
    if (owners.has(id)) problems.push(`${wanted.forms[0]} and ${owners.get(id)} are one entity`);
    owners.set(id, wanted.forms[0]);
    if (wanted.name_one_of && !wanted.name_one_of.includes(names[id])) problems.push(`${wanted.forms[0]} is listed as "${names[id]}"`);
  }
  return problems;
}

// The mark of a mention written `text`, in whichever article has it (its tab made active).
async function findMark(page, text) {
  const ids = await page.locator('#tabs [role="tab"]').evaluateAll((tabs) => tabs.map((tab) => tab.dataset.id));
  for (const id of ids) {
    await page.click(`#tabs [role="tab"][data-id="${id}"]`);
    const mark = page.locator('#article-view mark.mention:not([data-piece="rest"])', { hasText: new RegExp(`^${text}$`) }).first();
    if (await mark.count()) return mark;
  }
  throw new Error(`no mention "${text}" in any article`);
}

async function pasteArticle(page, text, count) {
  await page.fill('#paste-text', text);
  await page.click('#add-article');
  await waitFor(page, `${count} analysed articles`, idleWithArticles, count);
}

async function download(page, kind) {
  await page.click('#export-menu summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

async function checkWorkspace(mode) {
  return withPage(async ({ page, requests, pageErrors, consoleErrors }) => {
    await page.goto(pageUrl(mode));
    await waitFor(page, 'the page to be ready and its workspace restored', ready);
    assert.equal(await page.evaluate(() => document.body.dataset.core), 'worker', 'the core runs in a Web Worker');

    // Paste the two seed articles, one after the other, as a user would.
    await pasteArticle(page, seedTexts[0], 1);
    await pasteArticle(page, seedTexts[1], 2);
    assert.deepEqual(await entityProblems(page), [], 'the seed entities, as expected.json says');
    const shown = await page.locator('#article-view mark.mention').count();
    assert.ok(shown > 20, `the article is highlighted (${shown} marks)`);
    await page.screenshot({ path: join(artifactsDir, `workspace-${mode}.png`) });

    // Correct: rename Ri Yong Ho's entity through the dialog, and remove one mention.
    await page.click('#entity-list .entity-button:has(.entity-button__name:text-is("Ri Yong Ho"))');
    await page.click('#selection-correct');
    await page.screenshot({ path: join(artifactsDir, `correct-dialog-${mode}.png`) });
    await page.fill('#correct-name', 'Ri Yong-ho (DPRK Foreign Minister)');
    await page.click('#correct-dialog .button--primary');
    await waitFor(page, 'the renamed entity in the list',
      () => [...document.querySelectorAll('#entity-list .entity-button__name')].some((node) => node.textContent === 'Ri Yong-ho (DPRK Foreign Minister)'));

    const reuters = await findMark(page, 'Reuters');
    await reuters.focus();
    await page.keyboard.press('c');
    await page.click('#correct-dialog .button--danger');
    await waitFor(page, 'the removed mention gone', () => ![...document.querySelectorAll('#article-view mark.mention')].some((mark) => mark.textContent === 'Reuters'));
    assert.equal(await page.locator('#correction-list li').count(), 2, 'two corrections listed');

    // The article's own title and date, typed: the tab takes the title, the analysis the date.
    await page.click('#tabs [role="tab"][data-id="article-1"]');
    await page.fill('#article-title', 'Lavrov to visit Pyongyang');
    await page.fill('#article-date', '2018-04-09');
    await page.locator('#article-date').dispatchEvent('change');
    await waitFor(page, 'the typed date used', () => document.body.dataset.state === 'idle' && document.getElementById('doc-info').textContent.includes('2018-04-09'));
    assert.equal(await page.locator('#tabs [role="tab"][data-id="article-1"] .tab__label').textContent(), 'Lavrov to visit Pyongyang');

    // Reload: the articles and both corrections are still there, applied to the new analysis.
    await waitFor(page, 'the workspace saved', () => document.body.dataset.saved === 'true');
    await page.reload();
    await waitFor(page, 'the page to be ready again', ready);
    await waitFor(page, 'the two articles restored and analysed', idleWithArticles, 2);
    assert.equal(await page.locator('#correction-list li').count(), 2, 'the corrections survive a reload');
    const names = await page.locator('#entity-list .entity-button__name').allTextContents();
    assert.ok(names.includes('Ri Yong-ho (DPRK Foreign Minister)'), 'the rename is applied after the reload');
    assert.ok(!names.includes('Reuters'), 'the removed mention stays removed');
    assert.ok(await page.locator('#article-view mark.mention.is-corrected').count() > 0, 'corrected mentions are shown as such');
    assert.equal(await page.locator('#tabs [role="tab"][data-id="article-1"] .tab__label').textContent(), 'Lavrov to visit Pyongyang',
      'the typed title survives a reload');

    // Ctrl+Z takes back the last correction (the removal), the rename stays.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitFor(page, 'one correction left after undo', () => document.querySelectorAll('#correction-list li').length === 1);

    // Export everything; the collection comes back by import after the workspace is emptied.
    const collection = await download(page, 'collection');
    const exported = JSON.parse(collection.text);
    assert.equal(exported.schema, 'annotator/1');
    assert.equal(exported.workspace.articles.length, 2);
    assert.equal(exported.workspace.corrections.length, 1);
    assert.ok(exported.entities.some((entity) => entity.name === 'Ri Yong-ho (DPRK Foreign Minister)'), 'the export carries the corrections');
    const entitiesCsv = await download(page, 'entities');
    assert.match(entitiesCsv.text, /^id,type,name,aliases/);
    assert.ok(entitiesCsv.text.includes('Ri Yong-ho (DPRK Foreign Minister)'));
    const eventsCsv = await download(page, 'events');
    assert.ok(eventsCsv.text.split('\r\n').length > 5, 'events as CSV rows');
    const annotations = JSON.parse((await download(page, 'web-annotations')).text);
    assert.equal(annotations.type, 'AnnotationCollection');

    for (let count = 2; count > 0; count--) {
      await page.click('#tabs .tab-remove >> nth=0');
      await waitFor(page, `${count - 1} articles left`, idleWithArticles, count - 1);
    }
    await page.setInputFiles('#import-input', collection.path);
    await waitFor(page, 'the imported workspace analysed', idleWithArticles, 2);
    assert.equal(await page.locator('#correction-list li').count(), 1, 'the import restores the corrections');
    assert.ok((await page.locator('#entity-list .entity-button__name').allTextContents()).includes('Ri Yong-ho (DPRK Foreign Minister)'));

    // An HTML article: its text is read, its script never runs.
    const html = '<!doctype html><html><head><title>Talks in Moscow</title><script>window.__ran = 1</script></head>' +
      '<body><nav>Home | World</nav><article><h1>Lavrov meets Ri in Moscow</h1><p>MOSCOW, April 10 &mdash; Sergei Lavrov met Ri Yong Ho on Tuesday.' +
      '<img src="x" onerror="window.__ran = 2"></p></article></body></html>';
    await page.setInputFiles('#file-input', { name: 'talks.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await waitFor(page, 'the HTML article analysed', idleWithArticles, 3);
    const text = await page.locator('#article-view').textContent();
    assert.ok(text.includes('Sergei Lavrov met Ri Yong Ho'), 'the article text of the HTML file');
    assert.ok(!text.includes('Home | World') && !text.includes('<p>'), 'no navigation, no markup');
    assert.equal(await page.evaluate(() => window.__ran), undefined, 'no script of the file ran');

    await page.screenshot({ path: join(artifactsDir, `workspace-corrected-${mode}.png`), fullPage: false });
    assert.deepEqual(outsideRequests(mode, requests), [], 'no request leaves the page');
    assert.deepEqual(pageErrors, [], 'no page errors');
    // Chromium reports the CSP refusing the HTML file's onerror attribute as it parses the
    // file (in an inert document: nothing loads and nothing runs, as asserted above).
    const refusedHandler = /inline event handler violates the following Content Security Policy/;
    assert.deepEqual(consoleErrors.filter((message) => !refusedHandler.test(message)), [], 'no console errors');
  });
}

test('workspace from disk (file://): paste, correct, reload, export, import', { timeout: 180_000 }, () => checkWorkspace('file'));
test('workspace over http: paste, correct, reload, export, import', { timeout: 180_000 }, () => checkWorkspace('http'));

test('a long analysis shows its progress and can be cancelled; typing goes on meanwhile', { timeout: 180_000 }, () =>
  withPage(async ({ page }) => {
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);
    // 600 articles (about 400,000 words) arrive as one imported collection.
    const articles = [];
    for (let i = 0; i < 600; i++) articles.push({ id: `copy-${i}.txt`, text: seedTexts[i % 2], title: null, date: null });
    const workspace = JSON.stringify({ format: 'news-annotator/workspace', version: 1, reference_date: '', articles, corrections: [] });
    await page.setInputFiles('#import-input', { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(workspace) });
    await waitFor(page, 'the progress bar', () => !document.getElementById('progress').hidden);
    assert.match(await page.locator('#progress-text').textContent(), /Reading articles|Gathering|Finding/);
    // The page answers while the worker works: typing into the paste box lands at once.
    await page.fill('#paste-text', '');
    await page.type('#paste-text', 'typed meanwhile');
    assert.equal(await page.inputValue('#paste-text'), 'typed meanwhile');
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'busy', 'still analysing while the user typed');
    await page.click('#progress-cancel');
    await waitFor(page, 'the cancellation said', () => /Analysis cancelled/.test(document.getElementById('status').textContent));
    assert.equal(await page.evaluate(() => document.getElementById('progress').hidden), true);
    assert.equal(await page.evaluate(() => document.body.dataset.articles), '600', 'cancelling loses no article');
  }));
