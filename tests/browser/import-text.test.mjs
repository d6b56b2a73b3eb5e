// web/import-text.js in headless Chromium, loaded alone into a blank page (not the app):
// a news page's article text, title and date, with its script never run and nothing
// fetched; nesting far deeper than any recursion could follow; entities, JSON-LD dates,
// <pre> whitespace and HTML inside Markdown.
//
// Run: (cd tests/browser && npm ci) once, then `node --test tests/browser/import-text.test.mjs`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, withPage } from './support.mjs';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'import-text.js');

before(() => {
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium)`);
});

const fromFile = (page, name, text) =>
  page.evaluate(([name, text]) => window.NewsAnnotator.importText.fromFile(name, text), [name, text]);

const newsPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods close port | The Daily Example</title>
  <meta property="og:title" content="Floods close the port of Example">
  <style>body { background: url(http://127.0.0.1:9/style-image.png) } p { color: red }</style>
  <link rel="stylesheet" href="http://127.0.0.1:9/site.css">
  <script>window.__pwned = 1;</script>
  <script src="http://127.0.0.1:9/tracker.js"></script>
</head>
<body onload="window.__pwned = 2">
  <header class="masthead">
    <a href="/">The Daily Example</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Floods close the port of Example</h1>
      <p class="byline">By Ana Lima · <time datetime="2024-03-05T08:30:00+01:00">5 March 2024</time></p>
      <img src="http://127.0.0.1:9/photo.jpg" alt="The flooded quay" onerror="window.__pwned = 3">
      <p>Heavy   rain closed the port
         on Tuesday, officials said.</p>
      <style>.inline { display: none }</style>
      <p>Ships were sent to <a href="/places/harbour">Harbour&nbsp;Town</a> instead.</p>
      <script>window.__pwned = 4; document.body.append('injected')</script>
      <aside>Read more: unrelated story</aside>
      <ul><li>Roads closed</li><li>Schools shut</li></ul>
    </article>
  </main>
  <footer>© The Daily Example</footer>
  <iframe src="http://127.0.0.1:9/ad.html"></iframe>
</body>
</html>`;

// One page, holding only import-text.js, for all the cases: a browser start is slow.
test('import-text.js in a blank page', (t) => withPage(async ({ page, requests, pageErrors }) => {
  await page.setContent('<!doctype html><title>t</title>');
  await page.addScriptTag({ path: script });
  assert.equal(await page.evaluate(() => typeof window.NewsAnnotator?.importText?.fromFile), 'function');

  await t.test('a news page: the article text, its title and date; no script runs, nothing is fetched', async () => {
    const requestsBefore = requests.length;
    const result = await fromFile(page, 'floods.html', newsPage);
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.kind, 'html');
    assert.equal(result.title, 'Floods close the port of Example');
    assert.equal(result.date, '2024-03-05');
    assert.equal(result.text, [
      'Floods close the port of Example',
      '',
      'By Ana Lima · 5 March 2024',
      '',
      'Heavy rain closed the port on Tuesday, officials said.',
      '',
      'Ships were sent to Harbour Town instead.',
      '',
      '- Roads closed',
      '- Schools shut',
    ].join('\n'));
    // Give anything that would load or fire the time to do it.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a script or handler of the page ran');
    assert.equal(await page.evaluate(() => document.body.textContent), '', 'something was inserted into the page');
    assert.deepEqual(requests.slice(requestsBefore), [], 'reading the page made requests');
  });

  await t.test('the title leads when the article does not start with it; <title> is the last resort', async () => {
    const result = await fromFile(page, 'a.htm', '<title>Only a title</title><body><p>First.</p><p>Second.</p>');
    assert.equal(result.title, 'Only a title');
    assert.equal(result.date, null);
    assert.equal(result.text, 'Only a title\n\nFirst.\n\nSecond.');
  });

  // The walk itself is tested 100,000 levels deep in tests/node/import-text.test.mjs: Chromium
  // nests parsed markup only 512 levels deep, and building a deeper DOM by hand takes minutes.
  await t.test('100,000 nested <div>s: no stack overflow, the text is kept, in well under the parser\'s half minute', async () => {
    const depth = 100_000;
    const html = '<body>' + '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth) + '<p>after</p></body>';
    const started = Date.now();
    const result = await fromFile(page, 'deep.html', html);
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.text, 'deep text\n\nafter');
    assert.ok(Date.now() - started < 10_000, `reading took ${Date.now() - started} ms`);

    // Past the parser's 512 levels the tags are taken out before parsing, and lines stay lines.
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}`);
    const nested = await fromFile(page, 'nested.html', '<body>' + lines.map((line) => `<div>${line}`).join('') + '</div>'.repeat(2000));
    assert.equal(nested.text, lines.join('\n'));
    const deepScript = await fromFile(page, 'deep-script.html',
      '<body>' + '<div>'.repeat(1000) + 'Text.<script>window.__pwned = 6</script><style>p { color: red }</style>' + '</div>'.repeat(1000));
    assert.equal(deepScript.text, 'Text.');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  await t.test('entities come out as the characters they stand for, and stay text', async () => {
    const result = await fromFile(page, 'entities.html', '<p>Tom &amp; Jerry wrote &lt;script&gt;alert(1)&lt;/script&gt; &quot;here&quot;.</p>');
    assert.equal(result.text, 'Tom & Jerry wrote <script>alert(1)</script> "here".');
  });

  await t.test('the date of the JSON-LD datePublished, read as JSON; broken JSON-LD is skipped', async () => {
    const html = `<html><head>
      <script type="application/ld+json">{ not json, window.__pwned = 1 }</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"x"},
        {"@type":"NewsArticle","headline":"Talks resume","datePublished":"2023-11-30T22:15:00-05:00"}]}</script>
      </head><body><article><h1>Talks resume</h1><p>Negotiators met again.</p></article></body></html>`;
    const result = await fromFile(page, 'talks.html', html);
    assert.equal(result.date, '2023-11-30');
    assert.equal(result.title, 'Talks resume');
    assert.equal(result.text, 'Talks resume\n\nNegotiators met again.');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  await t.test('<pre> keeps its whitespace; the rest collapses', async () => {
    const html = '<body><p>Before   the   table:</p><pre>name    votes\n  Ana     12\n\n\n  Rui      7</pre><p>After.</p></body>';
    const result = await fromFile(page, 'pre.html', html);
    assert.equal(result.text, 'Before the table:\n\nname    votes\n  Ana     12\n\n\n  Rui      7\n\nAfter.');
  });

  await t.test('table rows on lines of their own, cells apart by a tab; line breaks', async () => {
    const html = '<p>Results:</p><table><tr><th>Name</th><th>Votes</th><th></th></tr>' +
      '<tr><td>Ana <b>Lima</b></td><td> 12 </td><td></td></tr></table><p>One<br>two<br><br><br><br>three</p>';
    const result = await fromFile(page, 'table.html', html);
    assert.equal(result.text, 'Results:\n\nName\tVotes\nAna Lima\t12\n\nOne\ntwo\n\nthree');
  });

  await t.test('a .txt file that is HTML is read as HTML; Markdown\'s HTML blocks go through the HTML path', async () => {
    const sniffed = await fromFile(page, 'saved.txt', '<!DOCTYPE html><html><body><p>One.</p><script>x()</script></body></html>');
    assert.equal(sniffed.kind, 'html');
    assert.equal(sniffed.text, 'One.');

    const markdown = '# Report\n\nIntro *text*.\n\n<div class="box">\n<p>Boxed &amp; kept</p><script>window.__pwned = 5</script>\n</div>\n\nEnd.';
    const result = await fromFile(page, 'report.md', markdown);
    assert.equal(result.warning, undefined);
    assert.equal(result.text, 'Report\n\nIntro text.\n\nBoxed & kept\n\nEnd.');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  await t.test('a page with no readable text is refused with a message', async () => {
    const result = await fromFile(page, 'empty.html', '<html><body><script>app()</script><nav>Menu</nav></body></html>');
    assert.deepEqual(result, { error: 'nothing readable in “empty.html”' });
  });

  assert.deepEqual(pageErrors, []);
}));
