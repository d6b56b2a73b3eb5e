// Robustness of the page (issue 7), in headless Chromium: every input gets an article or a
// clear message, never a frozen or broken page, and the user's work survives a worker crash
// and a full storage quota. From disk (file://): blank and huge pastes, the page's limits
// (docs/robustness.md, "Limits"), markup pasted (shown as text) and dropped (nested
// 100,000 deep), binary files dropped, invalid UTF-8 and NUL bytes in files, lone
// surrogates, right-to-left scripts, combining marks and emoji; an article at the limit;
// 10,000 articles; a worker that dies with an analysis in hand. Over http: a real paste of
// 50 MB from the clipboard, and the storage quota (Chromium can shrink it for an http
// origin). The reload itself is tested by workspace.test.mjs. Timings are sanity bounds;
// the figures go to the test's diagnostics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noise } from '../node/support.mjs';
import {
  idleWithArticles, origin, outsideRequests, pageUrl, seedFiles, seedsDir, startServer, stopServer, waitFor, withPage,
} from './support.mjs';

const seedTexts = seedFiles.map((name) => readFileSync(join(seedsDir, name), 'utf8'));

before(startServer);
after(stopServer);

const ready = () => document.body.dataset.ready === 'true' && document.body.dataset.restored === 'true';
const notices = (page) => page.locator('#status .notice__text').allTextContents();
const seconds = (since) => (performance.now() - since) / 1000;

// Waits for a condition that may take longer than support.mjs's 20 s (a big analysis).
async function waitLong(page, what, predicate, argument, timeout = 120_000) {
  try {
    await page.waitForFunction(predicate, argument, { timeout, polling: 100 });
  } catch (error) {
    assert.fail(`timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
  }
}

// News text of exactly `size` characters: the seed articles one after the other.
function newsText(size) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += seedTexts[i % 2] + '\n\n';
  return text.slice(0, size);
}

// Words of random letters, `size` characters in all.
function gibberish(size) {
  const letters = noise(size, 13);
  let text = '';
  for (let i = 0; text.length < size; i++) text += (i % 6 === 5 ? ' ' : String.fromCharCode(97 + (letters[i] % 26)));
  return text;
}

// Drops files on the page as a user drags them from a file manager (a drop event carrying
// them); files: [{name, type, bytes}].
async function dropFiles(page, files) {
  await page.evaluate((given) => {
    const transfer = new DataTransfer();
    for (const file of given) {
      const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files.map((file) => ({ name: file.name, type: file.type || '', base64: Buffer.from(file.bytes).toString('base64') })));
}

// Puts text in the paste box as the page would hold it (page.fill would have to type or
// transfer it; this also keeps lone surrogates, which the protocol would replace).
async function setPasteText(page, makeText, argument) {
  await page.evaluate(makeText, argument);
}

// Text in which one character is several UTF-16 code units, or several code points, or
// written right to left.
const mixedScripts = [
  'وزير الخارجية الروسي سيرغي لافروف يلتقي Ri Yong Ho في موسكو يوم الاثنين.',
  'שר החוץ הרוסי סרגיי לברוב נפגש עם Emmanuel Macron בפריז.',
  'Jose\u0301 Mari\u0301a Aznar met Franc\u0327ois Hollande in Zu\u0308rich on 5 March 2016.',
  '👩‍👩‍👧‍👦 🇫🇷🇩🇪 👍🏽 Emmanuel Macron met Angela Merkel 🤝 in Berlin on 𝟓 March 2024; 𝕏 posts followed.',
  '𠜎𠜱𠝹 北京 习近平 met Moon Jae-in in Seoul on Tuesday, April 10, 2018.',
].join('\n\n');

test('from disk: blank, marked-up, binary, broken and oversized input each get an article or a clear message', { timeout: 240_000 }, (t) =>
  withPage(async ({ page, requests, pageErrors, consoleErrors }) => {
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);

    // Blank text is not an article.
    await page.fill('#paste-text', '  \n\t \n ');
    await page.click('#add-article');
    assert.deepEqual(await notices(page), ['Nothing to add: type or paste an article into the text box first.']);
    assert.equal(await page.evaluate(() => document.body.dataset.articles), '0');

    // Markup pasted is text: shown as typed, never parsed, nothing of it runs.
    const markup = '<div>'.repeat(10_000) + '<b>Sergei Lavrov</b> met Ri Yong Ho in Moscow on Monday.' +
      '<script>window.__ran = 1</script><img src="x" onerror="window.__ran = 2">' + '</div>'.repeat(10_000);
    await page.fill('#paste-text', markup);
    await page.click('#add-article');
    await waitFor(page, 'the pasted markup analysed', idleWithArticles, 1);
    assert.equal(await page.locator('#article-view .article__text').textContent(), markup, 'the markup is the article\'s text');
    assert.equal(await page.locator('#article-view .article__text').locator('div, b, script, img').count(), 0, 'no element of it');
    assert.ok((await page.locator('#article-view mark.mention').allTextContents()).includes('Ri Yong Ho'));
    assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing of it ran');

    // Dropped: an HTML file nested 100,000 deep becomes its text; binary files are refused,
    // by their name or, named .txt, by their bytes.
    const depth = 100_000;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'), noise(4096)]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), noise(2048, 3)]);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), noise(2048, 5)]);
    const dropped = performance.now();
    await dropFiles(page, [
      { name: 'deep.html', type: 'text/html', bytes: Buffer.from('<html><body>' + '<div>'.repeat(depth) + 'Sergei Lavrov met Ri Yong Ho in Moscow.' + '</div>'.repeat(depth) + '</body></html>') },
      { name: 'report.pdf', type: 'application/pdf', bytes: pdf },
      { name: 'photo.png', type: 'image/png', bytes: png },
      { name: 'archive.zip', type: 'application/zip', bytes: zip },
      { name: 'report.txt', bytes: pdf },
      { name: 'photo.txt', bytes: png },
      { name: 'archive.txt', bytes: zip },
      { name: 'noise.txt', bytes: noise(65536, 11) },
    ]);
    await waitFor(page, 'the dropped HTML file analysed', idleWithArticles, 2);
    const tookDrop = seconds(dropped);
    t.diagnostic(`an HTML file nested ${depth.toLocaleString('en')} deep and seven binary files dropped: the article shown after ${tookDrop.toFixed(1)} s`);
    assert.ok(tookDrop < 30, `the drop took ${tookDrop.toFixed(1)} s`);
    assert.equal(await page.locator('#article-view .article__text').textContent(), 'Sergei Lavrov met Ri Yong Ho in Moscow.');
    assert.deepEqual(await notices(page), [
      '“report.pdf” was not added: only .txt, .md and .html files can be opened.',
      '“photo.png” was not added: only .txt, .md and .html files can be opened.',
      '“archive.zip” was not added: only .txt, .md and .html files can be opened.',
      '“report.txt” was not added: it is a PDF file, not text. Open it in its program and save it as text or HTML first.',
      '“photo.txt” was not added: it is a PNG image, not text.',
      '“archive.txt” was not added: it is a ZIP archive (a Word .docx or OpenDocument file is one), not text. Open it in its program and save it as text or HTML first.',
      '“noise.txt” was not added: it is binary data, not text.',
    ]);

    // Files with bytes that are not UTF-8 are read with U+FFFD and a warning; a NUL byte
    // past the first 8 KB still makes a file binary.
    await page.setInputFiles('#file-input', [
      { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Sergei Lavrov met Ri Yong Ho in Z\xfcrich on Monday. Caf\xe9 talks.', 'latin1') },
      { name: 'late-nul.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from('Lavrov met Ri. '.repeat(700)), Buffer.from([0]), Buffer.from('end')]) },
    ]);
    await waitFor(page, 'the Latin-1 file analysed', idleWithArticles, 3);
    assert.deepEqual(await notices(page), [
      '“latin1.txt”: it is not valid UTF-8: 2 unreadable character(s) are shown as �.',
      '“late-nul.txt” was not added: it contains NUL bytes, so it is a binary file, not text.',
    ]);
    assert.equal(await page.locator('#article-view .article__text').textContent(), 'Sergei Lavrov met Ri Yong Ho in Z\ufffdrich on Monday. Caf\ufffd talks.');

    // Lone surrogates (possible in any JavaScript string) are replaced, and said to be.
    await setPasteText(page, () => { document.getElementById('paste-text').value = 'Sergei Lavrov\ud800 met Ri Yong Ho in Moscow on Monday.\udc00'; });
    await page.click('#add-article');
    await waitFor(page, 'the article with lone surrogates analysed', idleWithArticles, 4);
    assert.ok((await notices(page)).includes('“article-2”: 2 lone surrogate(s) replaced with U+FFFD'), (await notices(page)).join(' | '));
    assert.equal(await page.locator('#article-view .article__text').textContent(), 'Sergei Lavrov\ufffd met Ri Yong Ho in Moscow on Monday.\ufffd');

    // Right to left, combining marks, emoji and astral characters: the marks are the
    // mentions' own text, and the article's text is the one given.
    await page.fill('#paste-text', mixedScripts);
    await page.click('#add-article');
    await waitFor(page, 'the mixed scripts analysed', idleWithArticles, 5);
    assert.equal(await page.locator('#article-view .article__text').textContent(), mixedScripts);
    const shown = await page.evaluate(async () => {
      const text = document.querySelector('#article-view .article__text').textContent;
      const result = await window.annotator.analyze([{ id: 'mixed', text }], { reference_date: '2018-04-10' });
      const marks = [...document.querySelectorAll('#article-view mark.mention')];
      return {
        wrong: result.documents[0].mentions.filter((m) => text.slice(m.start, m.end) !== m.text).map((m) => m.text),
        // A mention cut at a sentence boundary is several marks with one index.
        marks: Object.values(Object.groupBy(marks, (mark) => mark.dataset.index)).map((pieces) => pieces.map((mark) => mark.textContent).join('')),
        mentions: result.documents[0].mentions.map((m) => m.text),
      };
    });
    assert.deepEqual(shown.wrong, [], 'every offset slices out its mention');
    assert.deepEqual(shown.marks, shown.mentions, 'each mark shows its mention');
    for (const name of ['Ri Yong Ho', 'Emmanuel Macron', 'Angela Merkel', 'François Hollande'.normalize('NFD'), 'Moon Jae-in']) {
      assert.ok(shown.marks.includes(name), `"${name}" marked (${shown.marks.join(' | ')})`);
    }

    // The limits: one article, one file, the whole workspace, the number of articles.
    await setPasteText(page, () => { document.getElementById('paste-text').value = 'Lavrov met Ri. '.repeat(66_667).slice(0, 1_000_001); });
    await page.click('#add-article');
    assert.ok((await notices(page)).includes('The article was not added: it has 1,000,001 characters, and an article can have at most 1,000,000 (about 1 MB of text). Split it into several articles.'));
    await page.fill('#paste-text', '');
    await page.setInputFiles('#file-input', [
      { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(17 << 20, 'Lavrov met Ri. ') },
      { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(newsText(1_500_000)) },
    ]);
    await waitFor(page, 'both files refused', () => document.getElementById('status').textContent.includes('long.txt'));
    const refused = await notices(page);
    assert.ok(refused.includes('“huge.txt” was not added: it is 17.0 MB, and a file opened here can be at most 16 MB (an article at most 1,000,000 characters).'), refused.join(' | '));
    assert.ok(refused.includes('“long.txt” was not added: it has 1,500,000 characters, and an article can have at most 1,000,000 (about 1 MB of text). Split it into several articles.'), refused.join(' | '));
    const workspace = (articles) => Buffer.from(JSON.stringify({ format: 'news-annotator/workspace', version: 1, reference_date: '', articles, corrections: [] }));
    const big = newsText(950_000);
    await page.setInputFiles('#import-input', { name: 'eleven.json', mimeType: 'application/json',
      buffer: workspace(Array.from({ length: 11 }, (_, i) => ({ id: `part-${i}.txt`, text: big }))) });
    await waitFor(page, 'the import refused', () => document.querySelector('#status')?.textContent.includes('eleven.json'));
    assert.ok((await notices(page)).includes('“eleven.json” was not imported: all the articles together would have 10,450,000 characters, and the workspace holds at most 10,000,000 (about 10 MB of text).'));
    await page.setInputFiles('#import-input', { name: 'many.json', mimeType: 'application/json',
      buffer: workspace(Array.from({ length: 10_001 }, (_, i) => ({ id: `note-${i}.txt`, text: 'Lavrov met Ri.' }))) });
    await waitFor(page, 'the import refused', () => document.querySelector('#status')?.textContent.includes('many.json'));
    assert.ok((await notices(page)).includes('“many.json” was not imported: the workspace would have 10,001 articles, and it holds at most 10,000.'));
    assert.equal(await page.evaluate(() => document.body.dataset.articles), '5', 'nothing refused was added, nothing there was lost');

    assert.deepEqual(outsideRequests('file', requests), [], 'no request leaves the page');
    assert.deepEqual(pageErrors, [], 'no page errors');
    assert.deepEqual(consoleErrors, [], 'no console errors');
  }));

test('from disk: an article at the limit (1,000,000 characters) is analysed and shown while the page answers', { timeout: 180_000 }, (t) =>
  withPage(async ({ page, pageErrors }) => {
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);
    await page.evaluate(() => {
      window.__longestTask = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => { window.__longestTask = Math.max(window.__longestTask, entry.duration); }))
        .observe({ type: 'longtask' });
    });
    // From a file on disk, as a user opens it (a buffer would be copied into the page by
    // the test's own script, a long task of its own).
    const folder = mkdtempSync(join(tmpdir(), 'robustness-'));
    const path = join(folder, 'book.txt');
    writeFileSync(path, newsText(1_000_000));
    const started = performance.now();
    await page.setInputFiles('#file-input', path);
    rmSync(folder, { recursive: true, force: true });
    // While the worker analyses, the page answers: typing lands at once.
    await waitFor(page, 'the analysis under way', () => document.body.dataset.state === 'busy');
    await page.type('#paste-text', 'typed meanwhile');
    assert.equal(await page.inputValue('#paste-text'), 'typed meanwhile');
    await waitLong(page, 'the article analysed and shown', () => document.body.dataset.state === 'idle' && document.querySelector('#article-view mark.mention'));
    const took = seconds(started);
    const longestTask = await page.evaluate(() => window.__longestTask);
    const marks = await page.locator('#article-view mark.mention').count();
    t.diagnostic(`1,000,000 characters of news: analysed and shown in ${took.toFixed(1)} s, ${marks} marks, longest main-thread task ${Math.round(longestTask)} ms`);
    assert.ok(took < 90, `took ${took.toFixed(1)} s`);
    assert.ok(marks > 25_000, `${marks} marks`);
    assert.equal(await page.evaluate(() => document.querySelector('#article-view .article__text').textContent.length), 1_000_000);
    assert.deepEqual(await notices(page), []);
    assert.deepEqual(pageErrors, []);
  }));

test('from disk: 10,000 articles are analysed and shown; moving among their tabs stays quick', { timeout: 180_000 }, (t) =>
  withPage(async ({ page, pageErrors }) => {
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);
    const articles = Array.from({ length: 10_000 }, (_, i) => ({ id: `note-${i}.txt`, text: `Sergei Lavrov met Ri Yong Ho in Moscow on Monday. Note ${i}.`, title: null, date: null }));
    const workspace = JSON.stringify({ format: 'news-annotator/workspace', version: 1, reference_date: '2018-04-10', articles, corrections: [] });
    let started = performance.now();
    await page.setInputFiles('#import-input', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(workspace) });
    await waitLong(page, '10,000 articles analysed', () => document.body.dataset.articles === '10000' && document.body.dataset.state === 'idle' &&
      document.querySelector('#article-view mark.mention'));
    const shownAfter = seconds(started);
    assert.equal(await page.locator('#tabs [role="tab"]').count(), 10_000, 'one tab each');
    assert.ok(shownAfter < 60, `shown after ${shownAfter.toFixed(1)} s`);

    started = performance.now();
    await page.click('#tabs [role="tab"][data-id="note-5000.txt"]');
    await waitFor(page, 'tab 5000 active', () => document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === 'note-5000.txt');
    const click = seconds(started);
    started = performance.now();
    await page.keyboard.press('ArrowRight');
    await waitFor(page, 'the next tab active and focused', () => document.activeElement?.dataset.id === 'note-5001.txt' &&
      document.querySelector('#tabs [aria-selected="true"]')?.dataset.id === 'note-5001.txt');
    const arrow = seconds(started);
    assert.match(await page.locator('#article-view .article__text').textContent(), /Note 5001\.$/);
    started = performance.now();
    await page.click('#entity-list .entity-button:has(.entity-button__name:text-is("Moscow"))');
    await waitFor(page, 'Moscow selected, its count on every tab', () => document.querySelectorAll('#tabs .tab__hits:not([hidden])').length === 10_000);
    const select = seconds(started);
    t.diagnostic(`10,000 articles: shown ${shownAfter.toFixed(1)} s after the import; a tab click ${click.toFixed(2)} s, ` +
      `the arrow key ${arrow.toFixed(2)} s, selecting an entity in all ${select.toFixed(2)} s`);
    assert.ok(click < 5 && arrow < 5 && select < 10, 'each step under a few seconds');
    assert.deepEqual(await notices(page), ['Opened “notes.json”: 10,000 articles, 0 corrections.']);
    assert.deepEqual(pageErrors, []);
  }));

test('from disk: a worker that dies with an analysis in hand is replaced, the analysis runs again, nothing is lost, the user is told', { timeout: 180_000 }, () =>
  withPage(async ({ page, pageErrors }) => {
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);
    for (const [i, text] of seedTexts.entries()) {
      await page.fill('#paste-text', text);
      await page.click('#add-article');
      await waitFor(page, `${i + 1} articles analysed`, idleWithArticles, i + 1);
    }
    await page.click('#entity-list .entity-button:has(.entity-button__name:text-is("Ri Yong Ho"))');
    await page.click('#selection-correct');
    await page.fill('#correct-name', 'Ri Yong-ho');
    await page.click('#correct-dialog .button--primary');
    await waitFor(page, 'the rename applied', () => [...document.querySelectorAll('#entity-list .entity-button__name')].some((node) => node.textContent === 'Ri Yong-ho'));

    // The worker is made to throw, uncaught, with the next analysis waiting in its queue: the
    // page's own message to it is preceded by one it cannot survive (a module to start from
    // bytes that are not base64). The page sees the worker die as it would any crash.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      let armed = true;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (armed && message && message.type === 'analyse') {
          armed = false;
          post.call(this, { type: 'start', wasmBase64: 'not base64!' });
        }
        return post.call(this, message, ...rest);
      };
    });
    await page.fill('#paste-text', 'Sergei Lavrov met Ri Yong Ho in Moscow on Monday.');
    await page.click('#add-article');
    await waitFor(page, 'the crash said', () => /The analysis stopped unexpectedly/.test(document.getElementById('status').textContent));
    await waitFor(page, 'three articles analysed again', idleWithArticles, 3);
    const said = (await notices(page)).find((text) => text.startsWith('The analysis stopped unexpectedly'));
    assert.match(said, /^The analysis stopped unexpectedly \(Uncaught \w+Error: .+\)\. The analysis was restarted; your articles are safe\.$/);
    assert.equal(await page.locator('#tabs [role="tab"]').count(), 3, 'every article kept');
    assert.ok(await page.locator('#article-view mark.mention').count() >= 3, 'the new article annotated');
    assert.ok((await page.locator('#entity-list .entity-button__name').allTextContents()).includes('Ri Yong-ho'), 'the correction still applied');
    assert.equal(await page.locator('#correction-list li').count(), 1);
    assert.equal(await page.evaluate(() => document.body.dataset.core), 'worker', 'the core still runs in a worker');
    for (let tries = 0; page.workers().length !== 1 && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(page.workers().length, 1, 'the dead worker is gone, one new one runs');
    assert.deepEqual(pageErrors, []);
  }));

test('from disk: where the browser refuses the worker, the core runs on the page, once, and analyses', { timeout: 120_000 }, () =>
  withPage(async ({ page, pageErrors, consoleErrors }) => {
    // Every worker the page makes is one the policy refuses (the page's CSP allows workers
    // from blob: only), as a stricter browser or policy would refuse the page's own.
    await page.addInitScript(() => {
      const Real = window.Worker;
      window.__workersMade = 0;
      window.Worker = function Worker(url, options) {
        window.__workersMade++;
        return new Real('data:text/javascript,postMessage(1)', options);
      };
    });
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the page to be ready', ready);
    assert.equal(await page.evaluate(() => document.body.dataset.core), 'page', 'the core runs on the page');
    await page.fill('#paste-text', seedTexts[1]);
    await page.click('#add-article');
    await waitFor(page, 'the article analysed on the page', idleWithArticles, 1);
    assert.ok(await page.locator('#article-view mark.mention').count() > 20, 'annotated');
    assert.equal(await page.evaluate(() => window.__workersMade), 1, 'one worker tried, not one after another');
    assert.deepEqual(await notices(page), []);
    assert.deepEqual(pageErrors, []);
    assert.ok(consoleErrors.every((message) => /violates the following Content Security Policy directive: "worker-src/.test(message)), consoleErrors.join('\n'));
  }));

test('over http: a full storage quota is said, the work stays in the tab and exports whole; a 50 MB paste is refused at once', { timeout: 180_000 }, (t) =>
  withPage(async ({ page, pageErrors }) => {
    const devtools = await page.context().newCDPSession(page);
    await page.goto(pageUrl('http'));
    await waitFor(page, 'the page to be ready', ready);
    await page.fill('#paste-text', seedTexts[0]);
    await page.click('#add-article');
    await waitFor(page, 'the first article analysed and saved', () => document.body.dataset.state === 'idle' && document.body.dataset.saved === 'true');

    // The origin gets 150 KB more storage than it uses; the next article alone is 300 KB, of
    // words that do not compress (Chromium compresses what IndexedDB keeps). Chromium reads
    // an origin's quota again only once none of its pages has been open for a second or two:
    // the page is left for four, then opened again.
    await waitFor(page, 'the offline copy stored', () => window.NewsAnnotator.offline.state === 'ready');
    const usage = await page.evaluate(() => navigator.storage.estimate().then((estimate) => estimate.usage));
    await devtools.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 150 * 1024 });
    await page.goto('about:blank');
    await page.waitForTimeout(4000);
    await page.goto(pageUrl('http'));
    await waitFor(page, 'the page to be ready again', ready);
    await waitFor(page, 'the first article restored', idleWithArticles, 1);
    const bigArticle = 'Sergei Lavrov met Ri Yong Ho in Moscow on Monday. ' + gibberish(300_000);
    await setPasteText(page, (text) => { document.getElementById('paste-text').value = text; }, bigArticle);
    await page.click('#add-article');
    await waitFor(page, 'the full storage said', () => document.querySelector('#status .notice--error')?.textContent.includes('storage'));
    const full = page.locator('#status .notice--error', { hasText: 'storage' });
    assert.equal(await full.locator('.notice__text').textContent(),
      'This browser’s storage for the page is full, so your latest changes are not saved. Everything stays open in this tab: export it before you close it.');
    await waitFor(page, 'the second article analysed', idleWithArticles, 2);
    assert.equal(await page.evaluate(() => document.body.dataset.saved), 'false', 'not said to be saved');
    assert.equal(await page.locator('#tabs [role="tab"]').count(), 2, 'both articles open');
    const [download] = await Promise.all([page.waitForEvent('download'), full.locator('.notice__action').click()]);
    assert.equal(await full.count(), 0, 'the notice closes on its Export');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(download.suggestedFilename(), 'news-annotator-collection.json');
    assert.deepEqual(exported.workspace.articles.map((article) => article.text.length), [seedTexts[0].length, bigArticle.length], 'the export holds both articles whole');

    // A paste bigger than an article is refused before the text box takes it (a box given
    // 50 MB freezes Chromium for over two minutes).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.evaluate(() => navigator.clipboard.writeText('Sergei Lavrov met Ri Yong Ho. '.repeat(1_750_000)));
    await page.fill('#paste-text', '');
    await page.focus('#paste-text');
    const started = performance.now();
    await page.keyboard.press('Control+V');
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const took = seconds(started);
    t.diagnostic(`a paste of 52,500,000 characters refused in ${took.toFixed(1)} s`);
    assert.equal(await page.inputValue('#paste-text'), '', 'the box took nothing');
    assert.ok((await notices(page)).includes('The text was not pasted: it has 52,500,000 characters, and an article can have at most 1,000,000 (about 1 MB of text). Split it into several articles.'));
    assert.ok(took < 30, `refused in ${took.toFixed(1)} s`);
    assert.deepEqual(pageErrors, []);

    // What was saved before the quota ran out is what a reload brings back, as the notice said.
    await page.reload();
    await waitFor(page, 'the page to be ready again', ready);
    await waitFor(page, 'the saved article restored', idleWithArticles, 1);
  }));
