// Opened files to article text: an .html / .htm page, a Markdown file or plain text becomes
// the plain text of the article, with the title and publication date the file states.
// Defines window.NewsAnnotator.importText in the page; in node, module.exports holds the
// same functions (everything but the HTML path, which needs the browser's DOMParser).
//
// Classic script, no modules (the page must work from file://). Safety: HTML is parsed
// with DOMParser, whose document is inert (no scripts run, nothing loads, no handlers
// fire), and is only read; nothing is inserted into the page and no markup is assigned.
// Nothing here throws: fromFile answers {error} instead.
(function (root) {
  'use strict';

  // ---------------------------------------------------------------------------------------
  // Binary files, refused before decoding. Each magic number is the first bytes of a file.

  var MAGIC_NUMBERS = [
    { bytes: [0x25, 0x50, 0x44, 0x46, 0x2D], what: 'a PDF file', saveAsText: true }, // %PDF-
    { bytes: [0x50, 0x4B, 0x03, 0x04], what: 'a ZIP archive (a Word .docx or OpenDocument file is one)', saveAsText: true },
    { bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], what: 'an old Office file (such as a Word .doc)', saveAsText: true },
    { bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], what: 'a PNG image' },
    { bytes: [0xFF, 0xD8, 0xFF], what: 'a JPEG image' },
    { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' }, // GIF8
    { bytes: [0x1F, 0x8B], what: 'a gzip archive' },
  ];
  var SNIFF_BYTES = 8192;

  function startsWithBytes(bytes, magic) {
    if (bytes.length < magic.length) return false;
    for (var i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
    return true;
  }

  function asBytes(bytes) {
    if (bytes instanceof Uint8Array) return bytes;
    if (bytes && typeof bytes.byteLength === 'number') return new Uint8Array(bytes.buffer || bytes, bytes.byteOffset || 0, bytes.byteLength);
    return new Uint8Array(0);
  }

  // The magic-number entry the bytes start with, {what: 'binary data'} for NUL bytes in the
  // first 8 KB (UTF-16 text, which starts with its byte-order mark, is not binary), or null.
  function binaryKind(bytes) {
    bytes = asBytes(bytes);
    for (var i = 0; i < MAGIC_NUMBERS.length; i++) {
      if (startsWithBytes(bytes, MAGIC_NUMBERS[i].bytes)) return MAGIC_NUMBERS[i];
    }
    if (startsWithBytes(bytes, [0xFF, 0xFE]) || startsWithBytes(bytes, [0xFE, 0xFF])) return null;
    var end = Math.min(bytes.length, SNIFF_BYTES);
    for (var j = 0; j < end; j++) if (bytes[j] === 0) return { what: 'binary data' };
    return null;
  }

  function sniffBinary(bytes) {
    return binaryKind(bytes) !== null;
  }

  // The message refusing a binary file, or null when the bytes look like text.
  function binaryMessage(name, bytes) {
    var kind = binaryKind(bytes);
    if (!kind) return null;
    var message = '“' + name + '” was not added: it is ' + kind.what + ', not text.';
    if (kind.saveAsText) message += ' Open it in its program and save it as text or HTML first.';
    return message;
  }

  // ---------------------------------------------------------------------------------------
  // Small helpers.

  function oneLine(text) {
    return String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
  }

  function toLineFeeds(text) {
    return String(text).replace(/\r\n?/g, '\n');
  }

  function errorMessage(error) {
    return (error && error.message) || String(error);
  }

  var MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july',
    'august', 'september', 'october', 'november', 'december'];

  function monthNumber(word) {
    word = word.toLowerCase();
    if (word.length < 3) return 0;
    for (var i = 0; i < MONTH_NAMES.length; i++) if (MONTH_NAMES[i].indexOf(word) === 0) return i + 1;
    return 0;
  }

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  // A stated date as YYYY-MM-DD, or null. Reads the calendar date as written, ignoring any
  // time and zone ("2024-03-05T23:30-05:00" is 2024-03-05, the publisher's own day).
  // Forms: 2024-03-05…, 2024/03/05, 20240305, "5 March 2024", "Tue, 05 Mar 2024 …",
  // "March 5, 2024".
  function normaliseDate(value) {
    if (typeof value !== 'string') return null;
    var text = value.trim();
    var year, month, day, match;
    if ((match = /^(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})(?!\d)/.exec(text)) ||
        (match = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(text))) {
      year = +match[1]; month = +match[2]; day = +match[3];
    } else if ((match = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})(?!\d)/.exec(text))) {
      year = +match[3]; month = monthNumber(match[2]); day = +match[1];
    } else if ((match = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(text))) {
      year = +match[3]; month = monthNumber(match[1]); day = +match[2];
    } else {
      return null;
    }
    var daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
    return year + '-' + pad(month) + '-' + pad(day);
  }

  // ---------------------------------------------------------------------------------------
  // Which kind of file: by extension, and for .txt or anything else by looking at it.

  var EXTENSION_KINDS = { html: 'html', htm: 'html', md: 'markdown', markdown: 'markdown', txt: 'text' };

  function looksLikeHtml(text) {
    if (/^[\s\uFEFF]*<(?:!doctype\s+html|html[\s>])/i.test(text)) return true;
    if (/<body[\s>]/i.test(text)) return true;
    return (text.match(/<p[\s>]/gi) || []).length >= 2 && /<\/p>/i.test(text);
  }

  // 'html' | 'markdown' | 'text'.
  function kindOf(name, text) {
    var extension = /\.([^.\/\\]+)$/.exec(String(name || ''));
    var kind = extension ? EXTENSION_KINDS[extension[1].toLowerCase()] : undefined;
    if (kind === 'html' || kind === 'markdown') return kind;
    return looksLikeHtml(String(text || '')) ? 'html' : 'text';
  }

  // ---------------------------------------------------------------------------------------
  // HTML: parse inertly, read the title and date, and walk the DOM into text.

  function tagSet(names) {
    var set = Object.create(null);
    names.split(' ').forEach(function (name) { set[name] = true; });
    return set;
  }

  // Content never read: code, embedded media, page furniture and form controls.
  var SKIPPED = tagSet('script style noscript template iframe object embed svg math canvas head ' +
    'nav footer aside form button select textarea');
  // Set apart by a blank line.
  var PARAGRAPHS = tagSet('p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table figure hr address');
  // On lines of their own.
  var LINES = tagSet('div section article main header hgroup li dt dd tr figcaption caption ' +
    'details summary center fieldset legend');
  var MAX_TITLE_LENGTH = 300;
  var MAX_JSON_VALUES = 10000;
  var MAX_HTML_DEPTH = 512;

  // The readable text under `start` (an element or document), walked with an explicit stack
  // so that any depth of nesting is fine. Whitespace collapses as a browser shows it, except
  // inside <pre>; block elements end lines, paragraphs and headings are set apart by a blank
  // line (<br>s never make more than one), list items start with "- ", table cells are
  // separated by a tab.
  function nodeToText(start) {
    var pieces = [];
    var trailingNewlines = 0; // newlines at the end of what is written so far
    var pendingBreak = 0; // newlines wanted before the next text: 0, 1 or 2
    var pendingSpace = false;
    var pendingCell = false; // a table cell began: a tab before the next text on this line
    var afterMarker = false; // just wrote "- ": no break or space before the item's text
    var preDepth = 0;

    function push(piece) {
      pieces.push(piece);
      var newlines = /\n*$/.exec(piece)[0].length;
      trailingNewlines = newlines === piece.length ? trailingNewlines + newlines : newlines;
      afterMarker = false;
    }
    function flush() {
      if (pieces.length > 0) {
        if (pendingBreak > trailingNewlines) push(pendingBreak - trailingNewlines === 2 ? '\n\n' : '\n');
        else if (pendingCell && trailingNewlines === 0) push('\t');
        else if (pendingSpace && trailingNewlines === 0 && !afterMarker) push(' ');
      }
      pendingBreak = 0;
      pendingSpace = false;
      pendingCell = false;
    }
    function requestBreak(newlines) {
      if (!afterMarker && newlines > pendingBreak) pendingBreak = newlines;
    }
    function writeText(text) {
      text = text.replace(/\u00A0/g, ' ').replace(/[ \t\n\r\f]+/g, ' ');
      var words = text.replace(/^ /, '').replace(/ $/, '');
      if (text.charAt(0) === ' ') pendingSpace = true;
      if (words) {
        flush();
        push(words);
        pendingSpace = text.charAt(text.length - 1) === ' ';
      }
    }
    function writeVerbatim(text) {
      if (!text) return;
      pendingSpace = false;
      flush();
      push(text);
    }

    var exit = {}; // marks "leave the element below this entry on the stack"
    var stack = [start];
    while (stack.length > 0) {
      var node = stack.pop();
      if (node === exit) {
        var element = stack.pop();
        var tag = element.localName;
        if (tag === 'pre') preDepth--;
        if (PARAGRAPHS[tag]) requestBreak(2);
        else if (LINES[tag]) { if (tag === 'li') afterMarker = false; requestBreak(1); }
        continue;
      }
      if (node.nodeType === 3) {
        if (preDepth > 0) writeVerbatim(node.data);
        else writeText(node.data);
        continue;
      }
      if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
      if (node.nodeType === 1) {
        var name = node.localName;
        if (SKIPPED[name] || node.hasAttribute('hidden')) continue;
        if (name === 'br') { // at most one blank line in a row
          if (pieces.length > 0 && trailingNewlines < 2) { pendingSpace = false; flush(); push('\n'); }
          continue;
        }
        if (PARAGRAPHS[name]) requestBreak(2);
        else if (LINES[name]) requestBreak(1);
        if (name === 'pre') preDepth++;
        if (name === 'li') { flush(); push('- '); afterMarker = true; }
        if ((name === 'td' || name === 'th') && node.previousElementSibling) pendingCell = true;
        stack.push(node, exit);
      }
      for (var child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return pieces.join('').replace(/\s+$/, '');
  }

  function contentOf(element, attribute) {
    var value = element && element.getAttribute(attribute);
    return value && value.trim() ? value : null;
  }

  function firstTitle(candidates) {
    for (var i = 0; i < candidates.length; i++) {
      var title = oneLine(candidates[i]);
      if (title && title.length <= MAX_TITLE_LENGTH) return title;
    }
    return null;
  }

  // The first datePublished in the page's JSON-LD blocks (parsed as JSON, never evaluated),
  // searched breadth-first through objects, arrays and @graph.
  function jsonLdDate(doc) {
    var scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
    for (var i = 0; i < scripts.length; i++) {
      var data;
      try { data = JSON.parse(scripts[i].textContent); } catch (error) { continue; }
      var queue = [data];
      for (var seen = 0; seen < queue.length && seen < MAX_JSON_VALUES; seen++) {
        var value = queue[seen];
        if (!value || typeof value !== 'object') continue;
        if (!Array.isArray(value) && normaliseDate(value.datePublished)) return normaliseDate(value.datePublished);
        for (var key in value) {
          if (Object.prototype.hasOwnProperty.call(value, key) && value[key] && typeof value[key] === 'object') queue.push(value[key]);
        }
      }
    }
    return null;
  }

  function htmlDate(doc, container) {
    var stated = [
      contentOf(doc.querySelector('meta[property="article:published_time" i]'), 'content'),
      contentOf(doc.querySelector('meta[name="date" i]'), 'content'),
      contentOf(doc.querySelector('meta[itemprop="datePublished"]'), 'content'),
    ];
    for (var i = 0; i < stated.length; i++) if (normaliseDate(stated[i])) return normaliseDate(stated[i]);
    return jsonLdDate(doc) || normaliseDate(contentOf(container.querySelector('time[datetime]'), 'datetime'));
  }

  // The element holding the article: the longest <article>, else <main>, else the
  // [itemprop=articleBody], else the body.
  function articleContainer(doc) {
    var best = null;
    var articles = doc.querySelectorAll('article');
    for (var i = 0; i < articles.length; i++) {
      if (!best || articles[i].textContent.length > best.textContent.length) best = articles[i];
    }
    return best || doc.querySelector('main') || doc.querySelector('[itemprop="articleBody"]') || doc.body || doc.documentElement;
  }

  // Tags that do not deepen the nesting: void elements and those whose end tag may be left out.
  var FLAT_TAGS = tagSet('area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp');

  // Markup nested deeper than MAX_HTML_DEPTH, with its tags taken out: a run of block tags
  // with nothing but whitespace between them becomes one <br>, so lines stay lines. The
  // parser's time grows with the square of the depth (100,000 nested <div>s take half a
  // minute) and it stops nesting at 512 levels anyway. The depth is estimated from the tags
  // as written, in one linear pass; self-closed tags (<path/> in SVG) count as flat, and the
  // tags of skipped elements are kept so that a script's code never turns into text.
  function flattenDeepMarkup(html) {
    var depth = 0;
    var strippedEnd = -1; // where the last tag taken out ended
    var breakWritten = false; // a <br> stands for the run of tags taken out that ends there
    return html.replace(/<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>/g, function (tag, closing, name, offset) {
      name = name.toLowerCase();
      if (FLAT_TAGS[name] || SKIPPED[name] || tag.charAt(tag.length - 2) === '/') return tag;
      var tooDeep;
      if (closing) { tooDeep = depth > MAX_HTML_DEPTH; depth = Math.max(0, depth - 1); }
      else tooDeep = ++depth > MAX_HTML_DEPTH;
      if (!tooDeep) return tag;
      if (strippedEnd < 0 || /\S/.test(html.slice(strippedEnd, offset))) breakWritten = false;
      strippedEnd = offset + tag.length;
      if (breakWritten || !(PARAGRAPHS[name] || LINES[name])) return '';
      breakWritten = true;
      return '<br>';
    });
  }

  function parseHtml(html) {
    if (typeof DOMParser !== 'function') return null;
    return new DOMParser().parseFromString(flattenDeepMarkup(html), 'text/html');
  }

  var NO_PARSER = 'HTML can only be read in a browser (there is no DOMParser here)';

  // {text, title, date} of an HTML page, or {error}.
  function htmlToText(html) {
    var doc = parseHtml(String(html));
    if (!doc) return { error: NO_PARSER };
    var container = articleContainer(doc);
    var h1 = container.querySelector('h1') || doc.querySelector('h1');
    var title = firstTitle([
      contentOf(doc.querySelector('meta[property="og:title" i]'), 'content'),
      contentOf(doc.querySelector('meta[name="title" i]'), 'content'),
      h1 && h1.textContent,
      doc.title,
    ]);
    return { text: nodeToText(container), title: title, date: htmlDate(doc, container) };
  }

  // ---------------------------------------------------------------------------------------
  // Markdown: the text without its markup, line by line.

  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

  function decodeEntities(text) {
    return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]+));/g, function (whole, decimal, hex, name) {
      if (name) return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
      var code = decimal ? parseInt(decimal, 10) : parseInt(hex, 16);
      return code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF) ? String.fromCodePoint(code) : whole;
    });
  }

  // A backslash-escaped character is hidden in the private-use area while the markup is
  // removed, so that \* is never emphasis; restoreEscapes gives it back as itself.
  var ESCAPE_BASE = 0xE000;
  function hideEscapes(text) {
    return text.replace(/\\([!-\/:-@\[-`{-~])/g, function (whole, character) {
      return String.fromCharCode(ESCAPE_BASE + character.charCodeAt(0));
    });
  }
  function restoreEscapes(text, keepBackslash) {
    return text.replace(/[\uE021-\uE07E]/g, function (hidden) {
      return (keepBackslash ? '\\' : '') + String.fromCharCode(hidden.charCodeAt(0) - ESCAPE_BASE);
    });
  }

  // Link targets may hold one level of parentheses: (https://en.wikipedia.org/wiki/A_(b)).
  var TARGET = '\\((?:[^()]|\\([^()]*\\))*\\)';
  var INLINE_RULES = [
    [new RegExp('[ \\t]?!\\[[^\\]]*\\]' + TARGET, 'g'), ''], // image
    [/[ \t]?!\[[^\]]*\]\[[^\]]*\]/g, ''], // reference image
    [new RegExp('\\[([^\\]]*)\\]' + TARGET, 'g'), '$1'], // link
    [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // reference link
    [/<((?:https?|ftp|mailto):[^<>\s]*)>/gi, '$1'], // autolink
    [/<!--.*?-->/g, ''], // comment
    [/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, ''], // inline HTML tag
    [/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/g, '$1'], // strong
    [/(^|[^A-Za-z0-9_])__([^_\s](?:[^_]*[^_\s])?)__(?![A-Za-z0-9_])/g, '$1$2'],
    [/~~([^~\s](?:[^~]*[^~\s])?)~~/g, '$1'], // strikethrough
    [/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '$1'], // emphasis
    [/(^|[^A-Za-z0-9_])_([^_\s](?:[^_]*[^_\s])?)_(?![A-Za-z0-9_])/g, '$1$2'],
  ];

  function stripInlineMarkup(text) {
    for (var i = 0; i < INLINE_RULES.length; i++) text = text.replace(INLINE_RULES[i][0], INLINE_RULES[i][1]);
    return decodeEntities(text);
  }

  // One line of text: code spans kept as they are (without their backticks), the rest
  // stripped of links, images, emphasis and inline HTML.
  function inlineText(line) {
    line = hideEscapes(line).replace(/\\$/, '');
    var result = '';
    var last = 0;
    var codeSpan = /(`+)(.+?)\1(?!`)/g;
    var match;
    while ((match = codeSpan.exec(line))) {
      result += restoreEscapes(stripInlineMarkup(line.slice(last, match.index)));
      var code = match[2];
      if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
      result += restoreEscapes(code, true);
      last = codeSpan.lastIndex;
    }
    return (result + restoreEscapes(stripInlineMarkup(line.slice(last)))).trim();
  }

  // Front matter: YAML between --- lines, or TOML between +++ lines, at the very start.
  // Returns {fields, bodyStart}; only top-level `key: value` / `key = value` lines are read.
  function readFrontMatter(lines) {
    var none = { fields: {}, bodyStart: 0 };
    var opening = lines.length > 0 && /^(---|\+\+\+)\s*$/.exec(lines[0]);
    if (!opening) return none;
    var closing = opening[1] === '---' ? /^(?:---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    var fields = Object.create(null);
    var looksLikeFields = false;
    for (var i = 1; i < lines.length; i++) {
      if (closing.test(lines[i])) return looksLikeFields ? { fields: fields, bodyStart: i + 1 } : none;
      var field = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(lines[i]);
      if (!field) continue;
      looksLikeFields = true;
      var value = field[2].trim();
      var quoted = /^(["'])(.*?)\1\s*(?:#.*)?$/.exec(value);
      value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
      fields[field[1].toLowerCase()] = /^[|>][-+]?$/.test(value) ? '' : value; // a block scalar is not read
    }
    return none;
  }

  // HTML blocks: a line starting with a block-level tag or a comment. Those listed in
  // HTML_BLOCK_ENDS run to their closing tag, the others to the next blank line.
  var HTML_BLOCK_START = /^ {0,3}<(?:!--|\/?(address|article|aside|audio|blockquote|canvas|center|details|dialog|div|dl|embed|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|noscript|object|ol|p|pre|script|section|select|style|svg|table|tbody|td|template|textarea|tfoot|th|thead|tr|ul|video)(?=[\s\/>]|$))/i;
  var HTML_BLOCK_ENDS = { '!--': /-->/, script: /<\/script>/i, style: /<\/style>/i, pre: /<\/pre>/i, textarea: /<\/textarea>/i };

  // {text, title, date, warning?} of a Markdown document.
  function markdownToText(markdown) {
    var lines = toLineFeeds(markdown).replace(/^\uFEFF/, '').split('\n');
    var front = readFrontMatter(lines);
    var title = oneLine(front.fields.title) || null;
    var output = [];
    var paragraphStart = -1; // index in output of the open paragraph's first line, or -1
    var fence = null;
    var htmlBlock = null;
    var warning;

    function endParagraph() { paragraphStart = -1; output.push(''); }
    function endHtmlBlock() {
      var html = htmlBlock.lines.join('\n');
      htmlBlock = null;
      var doc = parseHtml(html);
      if (!doc) { warning = 'HTML inside the Markdown was left out: ' + NO_PARSER + '.'; return; }
      output.push('', nodeToText(doc.body), '');
    }

    for (var i = front.bodyStart; i < lines.length; i++) {
      var line = lines[i];
      if (fence) {
        if (new RegExp('^ {0,3}' + fence + '+\\s*$').test(line)) { fence = null; endParagraph(); }
        else output.push(line);
        continue;
      }
      if (htmlBlock) {
        htmlBlock.lines.push(line);
        if (htmlBlock.end ? htmlBlock.end.test(line) : !line.trim()) endHtmlBlock();
        continue;
      }
      var open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) { fence = open[1]; endParagraph(); continue; }
      line = line.replace(/^ {0,3}(?:>[ \t]?)+/, '');
      if (!line.trim()) { endParagraph(); continue; }

      var htmlStart = paragraphStart < 0 && HTML_BLOCK_START.exec(line);
      if (htmlStart) {
        var end = HTML_BLOCK_ENDS[(htmlStart[1] || '!--').toLowerCase()];
        htmlBlock = { lines: [line], end: end };
        if (end ? end.test(line.slice(htmlStart[0].length)) : false) endHtmlBlock();
        continue;
      }
      var setext = paragraphStart >= 0 && /^ {0,3}(=+|-+)\s*$/.exec(line);
      if (setext) {
        if (!title && setext[1].charAt(0) === '=') title = oneLine(output.slice(paragraphStart).join(' '));
        output.splice(paragraphStart, 0, '');
        endParagraph();
        continue;
      }
      if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) { endParagraph(); continue; } // thematic break
      if (/^ {0,3}\[[^\]^][^\]]*\]:\s*\S/.test(line)) continue; // reference definition
      if (/\|/.test(line) && /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(line)) continue; // table rule
      var heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
      if (heading) {
        var text = inlineText(heading[2] || '');
        if (!title && heading[1].length === 1 && text) title = oneLine(text);
        output.push('', text);
        endParagraph();
        continue;
      }
      if (/^\s*\|.*\|\s*$/.test(line)) { // table row: cells separated by a tab
        output.push(line.trim().slice(1, -1).split('|').map(inlineText).join('\t'));
        paragraphStart = -1;
        continue;
      }
      var item = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/.exec(line);
      if (item) { output.push('- ' + inlineText(item[1])); paragraphStart = -1; continue; }
      if (paragraphStart < 0) paragraphStart = output.length;
      output.push(inlineText(line));
    }
    if (htmlBlock) endHtmlBlock();

    var result = {
      text: output.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
      title: title,
      date: normaliseDate(front.fields.date),
    };
    if (warning) result.warning = warning;
    return result;
  }

  // ---------------------------------------------------------------------------------------
  // The entry point.

  function startsWithTitle(text, title) {
    return oneLine(text).toLowerCase().indexOf(title.toLowerCase()) === 0;
  }

  // {text, title, date, kind, warning?} or {error} for a file's name and decoded text. The
  // title (what the file states, or null) leads the text as its own paragraph unless the
  // text already starts with it. Never throws.
  function fromFile(name, text) {
    name = String(name == null ? 'untitled' : name);
    try {
      if (typeof text !== 'string') return { error: '“' + name + '” could not be read: no text was given.' };
      text = text.replace(/^\uFEFF/, '');
      var kind = kindOf(name, text);
      var result = kind === 'html' ? htmlToText(text)
        : kind === 'markdown' ? markdownToText(text)
        : { text: toLineFeeds(text), title: null, date: null };
      if (result.error) return { error: '“' + name + '” could not be read: ' + result.error + '.' };
      if (!result.text.trim()) return { error: 'nothing readable in “' + name + '”' };
      var body = result.text;
      if (result.title && !startsWithTitle(body, result.title)) body = result.title + '\n\n' + body;
      var answer = { text: body, title: result.title, date: result.date, kind: kind };
      if (result.warning) answer.warning = '“' + name + '”: ' + result.warning;
      return answer;
    } catch (error) {
      return { error: '“' + name + '” could not be read: ' + errorMessage(error) };
    }
  }

  var api = {
    fromFile: fromFile,
    kindOf: kindOf,
    htmlToText: htmlToText,
    nodeToText: nodeToText,
    markdownToText: markdownToText,
    normaliseDate: normaliseDate,
    sniffBinary: sniffBinary,
    binaryMessage: binaryMessage,
    MAGIC_NUMBERS: MAGIC_NUMBERS,
  };

  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.NewsAnnotator = root.NewsAnnotator || {};
    root.NewsAnnotator.importText = api;
  }
})(typeof self !== 'undefined' ? self : this);
