// Accessibility and polish of the page (issue 6), in headless Chromium from disk, with the
// two seed articles: every visible text passes WCAG AA contrast against what is behind it,
// in the light and the dark theme, in the articles view (an entity selected too), the
// events view and the correction dialog; mention types differ by more than hue (underline
// style and label); keyboard focus is always visible; the page fits a phone's width; a
// printout shows the article and its annotations without the controls. Screenshots of the
// dark theme, the phone width and the printout go to tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, idleWithArticles, pageUrl, seedFiles, seedsDir, waitFor, withPage } from './support.mjs';

// In the page: every visible element with text of its own, its text colour against the
// colour behind it (its ancestors' backgrounds composited over the page's, each colour
// read through a canvas so that any CSS syntax, oklch() included, becomes sRGB), and the
// WCAG 2.1 ratio it needs: 4.5, or 3 for large text (24 px, or 18.66 px bold). Text of
// pseudo-elements (the type labels of mentions) is checked on its own element too.
// Returns the failures, and how many texts were checked.
function contrastProblems() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const rgba = (color) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = '#000';
    context.fillStyle = color;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return { r, g, b, a: a / 255 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const root = rgba(getComputedStyle(document.documentElement).backgroundColor);
  const canvasColor = root.a > 0 ? root : rgba(getComputedStyle(document.body).backgroundColor);
  // What is behind an element's text: its own background and its ancestors', top first.
  const behind = (element, pseudo) => {
    const layers = [];
    if (pseudo) layers.push(rgba(getComputedStyle(element, pseudo).backgroundColor));
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      layers.push(rgba(style.backgroundColor));
      if (layers[layers.length - 1].a === 1) break;
    }
    let color = canvasColor;
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
    return color;
  };
  const visible = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible' || Number(style.opacity) === 0) return false;
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    for (let node = element; node; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (Number(s.opacity) === 0 || s.display === 'none') return false;
      // Visually hidden text (a 1 px clipped box) is for screen readers.
      if (s.position === 'absolute' && node.getBoundingClientRect().width <= 1) return false;
    }
    return true;
  };
  const needed = (style) => {
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    return size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  };
  const problems = [];
  let checked = 0;
  const check = (element, pseudo, text) => {
    const style = getComputedStyle(element, pseudo);
    const foreground = rgba(style.color);
    const background = behind(element, pseudo);
    const opacity = Number(getComputedStyle(element).opacity || 1) * (pseudo ? Number(style.opacity || 1) : 1);
    const color = over({ ...foreground, a: foreground.a * opacity }, background);
    const value = ratio(color, background);
    checked++;
    if (value + 1e-6 < needed(style)) {
      const where = element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      problems.push(`${where}${pseudo || ''} "${text.trim().slice(0, 40)}": ${value.toFixed(2)}:1, needs ${needed(style)}:1 (${style.color} on rgb(${Math.round(background.r)}, ${Math.round(background.g)}, ${Math.round(background.b)}))`);
    }
  };
  for (const element of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'SVG', 'PATH', 'OPTION'].includes(element.tagName.toUpperCase())) continue;
    if (!visible(element)) continue;
    const own = [...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent).join('');
    if (own.trim()) check(element, null, own);
    const label = getComputedStyle(element, '::after').content;
    if (label && label !== 'none' && label !== 'normal' && label.replace(/["']/g, '').trim()) check(element, '::after', label);
    // A field's typed or placeholder text.
    if ((element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') && element.value) check(element, null, element.value);
  }
  return { problems, checked };
}

async function expectContrast(page, where) {
  const { problems, checked } = await page.evaluate(contrastProblems);
  assert.ok(checked > 20, `${where}: only ${checked} texts checked`);
  assert.deepEqual(problems, [], `${where}: text below WCAG AA contrast`);
  return checked;
}

test('from disk: WCAG AA contrast in both themes, types told apart by more than hue, focus visible, phone width and print', { timeout: 120_000 }, (t) =>
  withPage(async ({ page, pageErrors }) => {
    mkdirSync(artifactsDir, { recursive: true });
    await page.goto(pageUrl('file'));
    await waitFor(page, 'the core to load', () => document.body.dataset.ready === 'true');
    await page.setInputFiles('#file-input', seedFiles.map((name) => join(seedsDir, name)));
    await waitFor(page, 'two analysed articles', idleWithArticles, 2);

    // Types differ by their underline style and their label, not only by colour.
    const styles = await page.locator('#article-view mark.mention').evaluateAll((marks) => {
      const byType = {};
      for (const mark of marks) {
        const style = getComputedStyle(mark);
        byType[mark.dataset.type] ??= `${style.textDecorationStyle} ${style.textDecorationThickness} ${getComputedStyle(mark, '::after').content}`;
      }
      return byType;
    });
    assert.ok(Object.keys(styles).length >= 4, `types marked in the seed article: ${Object.keys(styles)}`);
    assert.equal(new Set(Object.values(styles)).size, Object.keys(styles).length, `each type its own underline and label: ${JSON.stringify(styles)}`);
    for (const [type, style] of Object.entries(styles)) assert.match(style, /"[A-Z]+"$/, `${type} has a text label`);

    const counts = [];
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.mouse.move(0, 0);
      counts.push(await expectContrast(page, `${colorScheme}, articles view`));
      // An entity selected: its marks, the others dimmed, the selection bar.
      await page.click('#entity-list .entity-button >> nth=0');
      await waitFor(page, 'an entity selected', () => !document.getElementById('selection-bar').hidden);
      counts.push(await expectContrast(page, `${colorScheme}, an entity selected`));
      // The correction dialog over it.
      await page.click('#selection-correct');
      await waitFor(page, 'the correction dialog', () => document.querySelector('dialog[open]') !== null);
      counts.push(await expectContrast(page, `${colorScheme}, correction dialog`));
      await page.keyboard.press('Escape');
      await waitFor(page, 'the dialog closed', () => document.querySelector('dialog[open]') === null);
      await page.click('#selection-clear');
      // The events view with its cards and timeline.
      await page.click('#view-events');
      await waitFor(page, 'the event cards', () => document.querySelectorAll('#events-view .event-card').length > 0);
      counts.push(await expectContrast(page, `${colorScheme}, events view`));
      if (colorScheme === 'dark') await page.screenshot({ path: join(artifactsDir, 'page-dark-events.png'), fullPage: true });
      await page.click('#view-articles');
      await waitFor(page, 'the articles view', () => !document.getElementById('article-pane').hidden);
      if (colorScheme === 'dark') await page.screenshot({ path: join(artifactsDir, 'page-dark.png'), fullPage: true });
    }
    t.diagnostic(`texts checked for contrast: ${counts.join(', ')}`);
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard focus is always visible: every control reached by Tab shows an outline when
    // it is reached (a date field's calendar button, tabbed to inside the field, draws its
    // own ring).
    const seen = new Set(), unseen = new Set();
    await page.locator('body').focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const ringed = style.boxShadow && style.boxShadow !== 'none';
        return { name: element.id || element.textContent.trim().slice(0, 30) || element.tagName, seen: outlined || ringed };
      });
      if (focused) (focused.seen ? seen : unseen).add(focused.name);
    }
    assert.ok(seen.size > 10, `controls reached by Tab: ${[...seen]}`);
    assert.deepEqual([...unseen].filter((name) => !seen.has(name)), [], 'controls focused by the keyboard without a visible focus');

    // A phone's width: nothing but the tab row scrolls sideways, the marks still readable.
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways at 360 px');
    await expectContrast(page, 'phone width');
    await page.screenshot({ path: join(artifactsDir, 'page-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Printing: the article with its marks and labels, black on white; no controls.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (selector) => [...document.querySelectorAll(selector)].some((element) => element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility === 'visible');
      return {
        article: shown('#article-view .article__text'),
        marks: document.querySelectorAll('#article-view mark.mention').length,
        labels: getComputedStyle(document.querySelector('#article-view mark.mention'), '::after').content,
        controls: ['#paste-text', '#add-article', '#drop-zone', '#export-menu', '#entity-filter', '#show-labels'].filter(shown),
        // Nothing printed is cut off inside a scrolled panel.
        scrolled: [...document.querySelectorAll('.panel, .entity-list, .date-list')]
          .filter((element) => element.getClientRects().length > 0 && element.scrollHeight > element.clientHeight + 1).map((element) => element.className),
      };
    });
    assert.equal(printed.article, true, 'the article is printed');
    assert.ok(printed.marks > 20, 'its marks are printed');
    assert.match(printed.labels, /"[A-Z]+"/, 'with their type labels');
    assert.deepEqual(printed.controls, [], 'controls are not printed');
    assert.deepEqual(printed.scrolled, [], 'panels printed whole, not scrolled');
    await expectContrast(page, 'print');
    await page.pdf({ path: join(artifactsDir, 'page-print.pdf') });
    await page.screenshot({ path: join(artifactsDir, 'page-print.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  }));
