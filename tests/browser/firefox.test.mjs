// The page in Firefox (Debian's firefox-esr, headless), from file:// and over http.
// playwright-core cannot drive Debian's Firefox, so the test loads a copy of public/ with
// one extra classic script that analyses a text through window.annotator once the core is
// ready and logs the result; Firefox prints page console output on stdout when the
// profile asks it to, and the test reads it there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const text = 'Talks Open\n\nApril 10,2018\n\nRi arrived in Moscow on Monday and met Lavrov last month. Café 🎉 on Tuesday.';
const expected = 'date=2018-04-10 April 10,2018=2018-04-10 | Monday=2018-04-09 | last month=2018-03 | Tuesday=2018-04-10';

const probe = `(function wait() {
  if (document.body.dataset.ready === 'error') return console.log('PROBE core failed to load');
  if (document.body.dataset.ready !== 'true') return setTimeout(wait, 20);
  window.annotator.analyze([{id: 'a', text: ${JSON.stringify(text)}}], {}).then(function (r) {
    var d = r.documents[0];
    console.log('PROBE date=' + d.date + ' ' + d.mentions.filter(function (m) {
      return m.type === 'DATE' || m.type === 'TIME'; }).map(function (m) {
      return d.text.slice(m.start, m.end) + '=' + m.value; }).join(' | '));
  }, function (e) { console.log('PROBE failed ' + e); });
})();`;

function probeSite() {
  const site = mkdtempSync(join(tmpdir(), 'firefox-site-'));
  cpSync(publicDir, site, { recursive: true });
  writeFileSync(join(site, 'probe.js'), probe);
  const index = join(site, 'index.html');
  const html = readFileSync(index, 'utf8');
  const app = '<script src="app.js" defer></script>';
  assert.ok(html.includes(app), `index.html loads app.js as ${app}`);
  writeFileSync(index, html.replace(app, app + '<script src="probe.js" defer></script>'));
  return site;
}

// Runs Firefox on the URL until the probe line appears (or 60 s pass) and returns it.
function probeInFirefox(url) {
  const profile = mkdtempSync(join(tmpdir(), 'firefox-profile-'));
  writeFileSync(join(profile, 'user.js'), [
    'user_pref("devtools.console.stdout.content", true);',
    'user_pref("network.proxy.type", 0);',
    'user_pref("app.update.enabled", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("toolkit.telemetry.enabled", false);',
    'user_pref("browser.shell.checkDefaultBrowser", false);',
  ].join('\n'));
  return new Promise((resolve) => {
    const firefox = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, url],
      { env: { ...process.env, HOME: profile }, detached: true });
    let output = '';
    // Firefox starts content processes of its own: end the whole process group.
    const finish = (line) => { clearTimeout(timer); process.kill(-firefox.pid, 'SIGKILL'); resolve(line); };
    const timer = setTimeout(() => finish(`no probe line within 60 s; Firefox said:\n${output.slice(-2000)}`), 60000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/PROBE ([^"\n]*)/);
      if (match) finish(match[1]);
    };
    firefox.stdout.on('data', read);
    firefox.stderr.on('data', read);
  });
}

test('Firefox: the page analyses from file://', async () => {
  const site = probeSite();
  assert.equal(await probeInFirefox(`file://${join(site, 'index.html')}`), expected);
});

test('Firefox: the page analyses over http', async () => {
  const site = probeSite();
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const path = join(site, pathname.endsWith('/') ? pathname + 'index.html' : pathname);
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    assert.equal(await probeInFirefox(`http://127.0.0.1:${server.address().port}/`), expected);
  } finally {
    server.close();
  }
});
