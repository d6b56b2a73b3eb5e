// News Annotator page: loads the WebAssembly core (annotator-core.js, a classic script that
// defines createAnnotatorCore), keeps the user's articles, analyses them all together after
// every change, and shows the active one with its sentences, dateline and mentions. The
// entities found across the articles come from entities.js (their index, the side list,
// the card's content), the events view and timeline from events.js, and the hover card from
// mention-card.js; this file keeps the state, including the selected entity, which stays
// selected across tabs and new analyses, the view shown (articles or events), and the
// event whose sentences are marked in the articles.
//
// Classic script, no modules, no fetch: the page must also work opened from disk (file://).
// index.html loads entities.js, events.js and mention-card.js before it.
// Safety: user text only ever reaches the DOM through textContent / createTextNode /
// setAttribute, never innerHTML, so pasted markup shows as text and never runs.
(function () {
  'use strict';

  var element = window.NewsAnnotator.dom.element;

  var MENTION_TYPES = ['PERSON', 'ORG', 'LOCATION', 'NORP', 'MISC', 'DATE', 'TIME'];
  var TYPE_LABELS = {
    PERSON: 'person', ORG: 'organisation', LOCATION: 'place', NORP: 'nationality or group', MISC: 'other name',
  };
  var DATE_TYPES = { DATE: true, TIME: true };
  var ACCEPTED_FILE = /\.(txt|md|markdown|html?)$/i;
  // The page's limits (docs/robustness.md, "Limits"). Past them the page would stop
  // answering for long seconds (Chromium lays out a 1 MB article in one task of about a
  // second; a text box given 10 MB froze it for half a minute) or the core would run out
  // of its 2 GB of memory, so more is refused with a message that says which limit, never
  // cut.
  var LIMITS = {
    articleCharacters: 1000000,      // one article: about 170,000 words, a long book
    collectionCharacters: 10000000,  // all the articles together
    articles: 10000,
    fileBytes: 16 * 1024 * 1024,     // an opened file, before its markup is stripped
    importBytes: 256 * 1024 * 1024,  // an imported collection, with its annotations
  };
  // Notices of one kind shown at most, then how many more.
  var NOTICES_OF_A_KIND = 5;
  var Entities = window.NewsAnnotator.entities;
  var Events = window.NewsAnnotator.events;
  var Corrections = window.NewsAnnotator.corrections;
  var Correcting = window.NewsAnnotator.correcting;
  var Exports = window.NewsAnnotator.exports;
  var ImportText = window.NewsAnnotator.importText;

  // ---------------------------------------------------------------------------------------
  // The core runs in a worker (core-client.js); long analyses show their progress and can
  // be cancelled, and a worker that dies is replaced and the analysis run again.

  var core = null;

  function errorMessage(error) {
    if (error && typeof error.message === 'string' && error.message) return error.message;
    return String(error);
  }

  // One call into the core. Always resolves with a plain object: the result, or {error}.
  function callCore(documents, options) {
    var request = options && options.reference_date ? { reference_date: String(options.reference_date) } : {};
    return core.analyse(documents, request).then(function (result) {
      if (!result || typeof result !== 'object') return { error: 'The annotator core returned no result.' };
      return result;
    });
  }

  function normaliseDocuments(documents) {
    if (!Array.isArray(documents)) throw new TypeError('annotator.analyze: documents must be an array of {id, text, date?}');
    return documents.map(function (document, index) {
      if (!document || typeof document !== 'object') throw new TypeError('annotator.analyze: document ' + index + ' is not an object');
      var copy = { id: String(document.id != null ? document.id : 'document-' + (index + 1)), text: String(document.text != null ? document.text : '') };
      if (document.date) copy.date = String(document.date);
      return copy;
    });
  }

  // Public, UI-independent API for scripts and tests. Resolves with the parsed result JSON,
  // or with {error: "..."} when the core refuses the request; rejects only when the
  // arguments are malformed or the core cannot be loaded at all.
  window.annotator = {
    analyze: function (documents, options) {
      var clean;
      try {
        clean = normaliseDocuments(documents);
      } catch (error) {
        return Promise.reject(error);
      }
      return callCore(clean, options || {});
    },
  };

  // ---------------------------------------------------------------------------------------
  // State

  var state = {
    articles: [],        // [{id, text, title, date}] in tab order; title and date as typed, or null
    activeId: null,
    referenceDate: '',
    raw: null,           // the core's last result, or null
    result: null,        // that result with the user's corrections applied
    corrections: [],     // the user's corrections, in the order made (corrections.js)
    outcomes: [],        // for each correction, whether it applied to the last result
    editing: false,      // the active article's text is open for editing
    failed: {},          // id -> error message, for articles the core refused
    generalError: null,  // an error that concerns the whole collection
    generation: 0,
    entities: Entities.buildIndex(null), // the index of state.result's entities
    // The selected entity: {id, entity, cursor}, cursor being the position in its
    // occurrences (across articles) of the mention last shown, or null.
    selection: null,
    entityFilter: '',
    entityScopeActive: false, // list only the entities of the active article
    view: 'articles',    // or 'events': the timeline of event cards
    // The event whose sentences are marked in the articles: {event, position}, position
    // being the index in event.mentions of the report shown last, or null.
    cited: null,
  };

  var hoverCard = null;
  var eventsView = null;

  var elements = {};

  function $(id) { return document.getElementById(id); }


  // ---------------------------------------------------------------------------------------
  // Notices (the visible status area). Groups let one kind be replaced without the others.

  var notices = [];
  var noticeCounter = 0;

  // action (optional): {label, run} shown as a button in the notice, which it then closes.
  function addNotice(kind, text, group, action) {
    notices.push({ id: ++noticeCounter, kind: kind, text: text, group: group || 'misc', action: action || null });
    renderNotices();
  }

  function dismissNotice(id) {
    notices = notices.filter(function (other) { return other.id !== id; });
    renderNotices();
  }

  function clearNotices(group) {
    notices = notices.filter(function (notice) { return notice.group !== group; });
    renderNotices();
  }

  function renderNotices() {
    var box = elements.status;
    box.replaceChildren();
    notices.forEach(function (notice) {
      var item = element('div', 'notice notice--' + notice.kind);
      if (notice.kind === 'error') item.setAttribute('role', 'alert');
      var kindLabel = { error: 'Error', warning: 'Warning', info: 'Note' }[notice.kind] || 'Note';
      item.appendChild(element('span', 'notice__kind', kindLabel));
      item.appendChild(element('span', 'notice__text', notice.text));
      if (notice.action) {
        var act = element('button', 'button notice__action', notice.action.label);
        act.type = 'button';
        act.addEventListener('click', function () {
          dismissNotice(notice.id);
          notice.action.run();
        });
        item.appendChild(act);
      }
      var close = element('button', 'notice__close', '×');
      close.type = 'button';
      close.setAttribute('aria-label', 'Dismiss this message');
      close.addEventListener('click', function () { dismissNotice(notice.id); });
      item.appendChild(close);
      box.appendChild(item);
    });
    box.hidden = notices.length === 0;
  }

  // ---------------------------------------------------------------------------------------
  // Articles

  function uniqueId(wanted) {
    var taken = {};
    state.articles.forEach(function (article) { taken[article.id] = true; });
    if (!taken[wanted]) return wanted;
    var dot = wanted.lastIndexOf('.');
    var stem = dot > 0 ? wanted.slice(0, dot) : wanted;
    var extension = dot > 0 ? wanted.slice(dot) : '';
    for (var n = 2; ; n++) {
      var candidate = stem + ' (' + n + ')' + extension;
      if (!taken[candidate]) return candidate;
    }
  }

  function nextPastedId() {
    var taken = {};
    state.articles.forEach(function (article) { taken[article.id] = true; });
    for (var n = 1; ; n++) if (!taken['article-' + n]) return 'article-' + n;
  }

  function addArticles(list) {
    if (list.length === 0) return;
    list.forEach(function (article) { state.articles.push(article); });
    state.activeId = list[list.length - 1].id;
    state.view = 'articles'; // show what was just added
    analyseAll();
  }

  function removeArticle(id) {
    var index = state.articles.findIndex(function (article) { return article.id === id; });
    if (index < 0) return;
    var removed = state.articles.splice(index, 1)[0];
    delete state.failed[id];
    // Removing is one click away, so it can be undone: the text is never lost by accident.
    clearNotices('undo');
    addNotice('info', 'Removed “' + id + '”.', 'undo', {
      label: 'Undo',
      run: function () {
        var restored = { id: uniqueId(removed.id), text: removed.text, title: removed.title, date: removed.date };
        state.articles.splice(Math.min(index, state.articles.length), 0, restored);
        state.activeId = restored.id;
        analyseAll();
      },
    });
    if (state.activeId === id) {
      var next = state.articles[index] || state.articles[index - 1];
      state.activeId = next ? next.id : null;
    }
    analyseAll();
    var activeTab = elements.tabs.querySelector('[role="tab"][aria-selected="true"]');
    (activeTab || elements.pasteText).focus();
  }

  // ---------------------------------------------------------------------------------------
  // Limits: what would not fit is refused with a message, before anything is added.

  function count(number) {
    return number.toLocaleString('en');
  }

  function collectionCharacters(exceptId) {
    var total = 0;
    state.articles.forEach(function (article) { if (article.id !== exceptId) total += article.text.length; });
    return total;
  }

  // Why an article of `length` characters cannot be, or null when it fits.
  function articleTooLong(length) {
    if (length <= LIMITS.articleCharacters) return null;
    return 'it has ' + count(length) + ' characters, and an article can have at most ' + count(LIMITS.articleCharacters) +
      ' (about 1 MB of text). Split it into several articles.';
  }

  // Why a workspace of `articles` articles and `characters` characters in all cannot be,
  // or null when it fits. `advice` follows the reason.
  function collectionTooBig(articles, characters, advice) {
    if (advice === undefined) advice = ' Remove some articles, or export this collection and start another in an empty workspace.';
    if (articles > LIMITS.articles) {
      return 'the workspace would have ' + count(articles) + ' articles, and it holds at most ' + count(LIMITS.articles) + '.' + advice;
    }
    if (characters > LIMITS.collectionCharacters) {
      return 'all the articles together would have ' + count(characters) + ' characters, and the workspace holds at most ' +
        count(LIMITS.collectionCharacters) + ' (about 10 MB of text).' + advice;
    }
    return null;
  }

  // A paste that would make a text box longer than an article may be is refused before the
  // box takes it: a box given 50 MB freezes the page for many seconds, before any check.
  // `otherCharacters`: the rest of the workspace, when the box is an article's own text.
  function guardPaste(box, event, otherCharacters) {
    var data = event.clipboardData;
    var pasted = data ? data.getData('text/plain') || data.getData('text') || '' : '';
    var length = box.value.length - Math.abs(box.selectionEnd - box.selectionStart) + pasted.length;
    var why = articleTooLong(length) || (otherCharacters != null ? collectionTooBig(state.articles.length, otherCharacters + length) : null);
    if (!why) return;
    event.preventDefault();
    clearNotices('paste');
    addNotice('error', 'The text was not pasted: ' + why, 'paste');
  }

  function addPastedText() {
    var text = elements.pasteText.value;
    if (!text.trim()) {
      addNotice('info', 'Nothing to add: type or paste an article into the text box first.', 'paste');
      elements.pasteText.focus();
      return;
    }
    clearNotices('paste');
    var why = articleTooLong(text.length) || collectionTooBig(state.articles.length + 1, collectionCharacters() + text.length);
    if (why) {
      addNotice('error', 'The article was not added: ' + why, 'paste');
      return;
    }
    addArticles([{ id: nextPastedId(), text: text, title: null, date: null }]);
    elements.pasteText.value = '';
    saveSoon();
  }

  // Reads the files as text; refuses (with a message) anything that is not a text file.
  function readFiles(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (files.length === 0) return Promise.resolve();
    clearNotices('files');
    setBusy(true);
    return Promise.all(files.map(readOneFile)).then(function (outcomes) {
      var accepted = [];
      var characters = collectionCharacters();
      outcomes.forEach(function (outcome) {
        if (outcome.error) {
          addNotice('error', outcome.error, 'files');
          return;
        }
        var why = articleTooLong(outcome.text.length) ||
          collectionTooBig(state.articles.length + accepted.length + 1, characters + outcome.text.length);
        if (why) {
          addNotice('error', '“' + outcome.name + '” was not added: ' + why, 'files');
          return;
        }
        characters += outcome.text.length;
        if (outcome.warning) addNotice('warning', outcome.warning, 'files');
        var id = uniqueId(outcome.name);
        if (id !== outcome.name) addNotice('info', '“' + outcome.name + '” was already open; the new one is named “' + id + '”.', 'files');
        accepted.push({ id: id, text: outcome.text, title: null, date: outcome.date || null });
      });
      if (accepted.length) addArticles(accepted);
      else setBusy(false);
    });
  }

  function readOneFile(file) {
    var name = file.name || 'untitled.txt';
    if (!ACCEPTED_FILE.test(name)) {
      return Promise.resolve({ error: '“' + name + '” was not added: only .txt, .md and .html files can be opened.' });
    }
    if (file.size > LIMITS.fileBytes) {
      return Promise.resolve({ error: '“' + name + '” was not added: it is ' + (file.size / 1048576).toFixed(1) +
        ' MB, and a file opened here can be at most 16 MB (an article at most ' + count(LIMITS.articleCharacters) + ' characters).' });
    }
    var read = typeof file.arrayBuffer === 'function' ? file.arrayBuffer() : new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
    return read.then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var binary = ImportText.binaryMessage(name, bytes);
      if (binary) return { error: binary };
      var encoding = 'utf-8';
      if (bytes.length >= 2 && bytes[0] === 0xFF && bytes[1] === 0xFE) encoding = 'utf-16le';
      else if (bytes.length >= 2 && bytes[0] === 0xFE && bytes[1] === 0xFF) encoding = 'utf-16be';
      var decoded = new TextDecoder(encoding).decode(bytes); // drops a BOM, replaces bad bytes with U+FFFD
      if (decoded.indexOf('\u0000') !== -1) {
        return { error: '“' + name + '” was not added: it contains NUL bytes, so it is a binary file, not text.' };
      }
      if (!decoded.trim()) return { error: '“' + name + '” was not added: it is empty.' };
      var imported = ImportText.fromFile(name, decoded);
      if (imported.error) return { error: '“' + name + '” was not added: ' + imported.error };
      var outcome = { name: name, text: imported.text, date: imported.date || null };
      var warnings = imported.warning ? [imported.warning] : [];
      var replaced = (decoded.match(/\uFFFD/g) || []).length;
      if (replaced > 0 && encoding === 'utf-8') {
        warnings.push('it is not valid UTF-8: ' + replaced + ' unreadable character(s) are shown as �');
      }
      if (warnings.length) outcome.warning = '“' + name + '”: ' + warnings.join('; ') + '.';
      return outcome;
    }, function (error) {
      return { error: '“' + name + '” could not be read: ' + errorMessage(error) };
    });
  }

  // ---------------------------------------------------------------------------------------
  // Analysis: the whole collection in one call after every change.

  function setBusy(busy) {
    document.body.dataset.state = busy ? 'busy' : 'idle';
    elements.articleView.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  // Analyses the whole collection after a change. Changes made while an analysis runs are
  // gathered into one more analysis when it ends, so that typing never queues up work.
  var analysis = { running: null, again: false, startedAt: 0, progressTimer: 0 };
  var PROGRESS_AFTER_MS = 300;

  function analyseAll() {
    ++state.generation;
    saveSoon();
    if (state.articles.length === 0) {
      if (analysis.running) core.cancel();
      setResult(null);
      state.failed = {};
      state.generalError = null;
      clearNotices('analysis');
      render();
      setBusy(false);
      return Promise.resolve();
    }
    if (analysis.running) {
      analysis.again = true;
      return analysis.running;
    }
    return runAnalysis(false);
  }

  function runAnalysis(isRetry) {
    var generation = state.generation;
    analysis.again = false;
    setBusy(true);
    var documents = state.articles.map(function (article) {
      var document = { id: article.id, text: article.text };
      if (article.date) document.date = article.date;
      return document;
    });
    var options = state.referenceDate ? { reference_date: state.referenceDate } : {};
    analysis.startedAt = Date.now();
    clearTimeout(analysis.progressTimer);
    analysis.progressTimer = setTimeout(function () { showProgress({ stage: 'documents', done: 0, total: documents.length }); }, PROGRESS_AFTER_MS);
    analysis.running = callCore(documents, options).then(function (result) {
      return result.error && !result.cancelled && !result.crashed ? isolateFailures(documents, options, result) : { result: result };
    }).then(function (outcome) {
      clearTimeout(analysis.progressTimer);
      hideProgress();
      analysis.running = null;
      if (analysis.again || generation !== state.generation) return runAnalysis(false); // a newer change
      var result = outcome.result;
      if (result && result.cancelled) {
        clearNotices('analysis');
        addNotice('info', 'Analysis cancelled. The articles are shown as last analysed.', 'analysis',
          { label: 'Analyse again', run: function () { analyseAll(); } });
        render();
        setBusy(false);
        return undefined;
      }
      // The worker died and was replaced: one more try, then say so.
      if (result && result.crashed && !isRetry) return runAnalysis(true);
      setResult(result && !result.error ? result : null);
      state.failed = outcome.failed || {};
      state.generalError = result && result.error ? result.error : null;
      reportAnalysis();
      render();
      setBusy(false);
      markFirstAnalysis();
      return undefined;
    });
    return analysis.running;
  }

  // The collection failed as a whole: find which articles the core refuses, and show the
  // others annotated all the same.
  function isolateFailures(documents, options, whole) {
    return Promise.all(documents.map(function (document) { return callCore([document], options); })).then(function (alone) {
      var failed = {};
      var good = documents.filter(function (document, index) {
        if (alone[index].error) failed[document.id] = alone[index].error;
        return !alone[index].error;
      });
      if (Object.keys(failed).length === 0) return { result: whole }; // no single article is at fault
      if (good.length === 0) return { result: null, failed: failed };
      return callCore(good, options).then(function (result) { return { result: result, failed: failed }; });
    });
  }

  // The progress of a long analysis, with a way to stop it.
  function showProgress(progress) {
    var box = elements.progress;
    if (!analysis.running) return;
    var stages = { documents: 'Reading articles', entities: 'Gathering entities', events: 'Finding events' };
    var fraction = progress.stage === 'documents' && progress.total > 0 ? progress.done / progress.total * 0.8
      : progress.stage === 'entities' ? 0.85 : 0.95;
    elements.progressText.textContent = (stages[progress.stage] || 'Analysing') +
      (progress.stage === 'documents' ? ' ' + progress.done.toLocaleString('en') + ' of ' + progress.total.toLocaleString('en') : '') + '…';
    elements.progressBar.value = fraction;
    box.hidden = false;
  }

  function hideProgress() {
    elements.progress.hidden = true;
  }

  // The first analysis shown after the page opened, for the page benchmark.
  function markFirstAnalysis() {
    if (!window.performance || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName('annotator:first-analysis').length === 0) performance.mark('annotator:first-analysis');
  }

  function reportAnalysis() {
    clearNotices('analysis');
    if (state.generalError) {
      addNotice('error', 'The articles could not be analysed: ' + state.generalError + '\nYour text is kept and shown without annotations.', 'analysis');
    }
    // A few of each, then how many more: 10,000 empty articles make 10,000 warnings, which
    // no one reads and which took the page seconds to show one by one.
    var failedIds = Object.keys(state.failed);
    failedIds.slice(0, NOTICES_OF_A_KIND).forEach(function (id) {
      addNotice('error', '“' + id + '” could not be analysed: ' + state.failed[id] + '\nIts text is kept; remove the tab or fix the text and add it again.', 'analysis');
    });
    if (failedIds.length > NOTICES_OF_A_KIND) {
      addNotice('error', (failedIds.length - NOTICES_OF_A_KIND).toLocaleString('en') + ' more articles could not be analysed; their tabs are marked.', 'analysis');
    }
    var warnings = (state.result && state.result.warnings) || [];
    warnings.slice(0, NOTICES_OF_A_KIND).forEach(function (warning) {
      var where = warning && warning.document ? '“' + warning.document + '”: ' : '';
      addNotice('warning', where + (warning && warning.message ? warning.message : String(warning)), 'analysis');
    });
    if (warnings.length > NOTICES_OF_A_KIND) {
      addNotice('warning', (warnings.length - NOTICES_OF_A_KIND).toLocaleString('en') + ' more warnings of the same kinds.', 'analysis');
    }
  }

  // The analysed document of an article, by id (an index: the tab row asks for each of
  // thousands of articles).
  var resultIndex = { result: null, byId: null };

  function resultFor(id) {
    if (!state.result || !Array.isArray(state.result.documents)) return null;
    if (resultIndex.result !== state.result) {
      resultIndex.result = state.result;
      resultIndex.byId = new Map();
      state.result.documents.forEach(function (document) {
        if (document && !resultIndex.byId.has(document.id)) resultIndex.byId.set(document.id, document);
      });
    }
    return resultIndex.byId.get(id) || null;
  }

  // A new result, and the selection carried over to the same entity in it (ids change
  // when articles are added or removed), or dropped when the entity is gone.
  function setResult(raw) {
    state.raw = raw;
    var corrected = Corrections.apply(raw, state.corrections);
    var result = corrected.result;
    state.outcomes = corrected.outcomes;
    state.result = result;
    state.entities = Entities.buildIndex(result);
    if (state.selection) {
      var again = Entities.findAgain(state.entities, state.selection.entity);
      state.selection = again ? { id: String(again.id), entity: again, cursor: null } : null;
    }
    if (state.cited) {
      var event = Events.findAgain(result && result.events, state.cited.event);
      state.cited = event ? { event: event, position: null } : null;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  function render() {
    if (hoverCard) hoverCard.hide();
    renderTabs();
    renderArticle();
    renderSide();
    renderView();
    renderSelection(); // and the events view's content, which depends on the selection
    document.body.dataset.articles = String(state.articles.length);
  }

  function tabLabel(article) {
    if (article.title) return article.title;
    var analysed = resultFor(article.id);
    var title = analysed && typeof analysed.title === 'string' ? analysed.title.replace(/\s+/g, ' ').trim() : '';
    return title || article.id;
  }

  // The tab row is kept, not rebuilt: each article's tab is made once and changed only when
  // what it shows changes, so that moving among 10,000 articles stays quick (rebuilding
  // the row took 1.5 s a click) and a clicked tab keeps the focus for the arrow keys.
  var tabItems = {}; // article id → {item, tab, hits, hitsText, shown}

  function makeTab(id) {
    var item = element('div', 'tab-item');
    item.setAttribute('role', 'presentation');
    var tab = element('button', 'tab');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', 'article-view');
    tab.dataset.id = id;
    tab.addEventListener('click', function () { activate(id, false); });
    tab.addEventListener('keydown', onTabKeydown);
    item.appendChild(tab);
    // How many mentions of the selected entity this article has (updateTabHits).
    var hits = element('span', 'tab__hits');
    hits.setAttribute('aria-hidden', 'true');
    hits.hidden = true;
    item.appendChild(hits);
    var remove = element('button', 'tab-remove', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove ' + id);
    remove.title = 'Remove this article';
    remove.dataset.id = id;
    remove.addEventListener('click', function () { removeArticle(id); });
    item.appendChild(remove);
    return { id: id, item: item, tab: tab, hits: hits, hitsText: null, shown: null };
  }

  function renderTabs() {
    var tabs = elements.tabs;
    var kept = {};
    var items = [];
    state.articles.forEach(function (article, index) {
      var entry = tabItems[article.id] || makeTab(article.id);
      kept[article.id] = entry;
      items.push(entry.item);
      var active = article.id === state.activeId;
      var label = tabLabel(article);
      // Below the title: the article's date (typed or found) and its id.
      var analysedTab = resultFor(article.id);
      var when = article.date || (analysedTab && analysedTab.date) || '';
      var below = [when, label !== article.id ? article.id : ''].filter(Boolean).join(' · ');
      var failed = !!state.failed[article.id];
      var shown = [index, active, failed, label, below].join('\n');
      if (entry.shown === shown) return;
      entry.shown = shown;
      entry.item.className = 'tab-item' + (active ? ' is-active' : '') + (failed ? ' has-error' : '');
      var tab = entry.tab;
      tab.id = 'tab-' + index;
      tab.setAttribute('aria-selected', active ? 'true' : 'false');
      tab.tabIndex = active ? 0 : -1;
      tab.title = label === article.id ? article.id : label + '\n' + article.id;
      tab.replaceChildren(element('span', 'tab__label', label));
      if (below) tab.appendChild(element('span', 'tab__id', below));
      entry.hitsText = element('span', 'tab__hits-text visually-hidden');
      tab.appendChild(entry.hitsText);
    });
    tabItems = kept;
    var children = tabs.children;
    var inOrder = children.length === items.length && items.every(function (item, i) { return children[i] === item; });
    if (!inOrder) {
      var row = document.createDocumentFragment();
      items.forEach(function (item) { row.appendChild(item); });
      tabs.replaceChildren(row);
    }
    var activeTab = state.activeId != null && tabItems[state.activeId] ? tabItems[state.activeId].tab : null;
    if (activeTab) {
      elements.articleView.setAttribute('aria-labelledby', activeTab.id);
      // Keep the active tab visible in a tab row that scrolls sideways (narrow screens),
      // without scrolling the page itself.
      var item = activeTab.parentNode;
      var left = item.offsetLeft; // .tabs is positioned, so this is relative to it
      if (left < tabs.scrollLeft) tabs.scrollLeft = left;
      else if (left + item.offsetWidth > tabs.scrollLeft + tabs.clientWidth) tabs.scrollLeft = left + item.offsetWidth - tabs.clientWidth;
    } else {
      elements.articleView.removeAttribute('aria-labelledby');
    }
  }

  function onTabKeydown(event) {
    var tabs = Array.prototype.slice.call(elements.tabs.querySelectorAll('[role="tab"]'));
    var index = tabs.indexOf(event.currentTarget);
    var target = null;
    if (event.key === 'ArrowRight') target = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') target = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') target = tabs[0];
    else if (event.key === 'End') target = tabs[tabs.length - 1];
    else if (event.key === 'Delete') {
      event.preventDefault();
      removeArticle(event.currentTarget.dataset.id);
      return;
    }
    if (target) {
      event.preventDefault();
      activate(target.dataset.id, true);
    }
  }

  function activate(id, focusTab) {
    state.activeId = id;
    // The mention last stepped to is in another article now: Next starts from this one.
    var selection = state.selection;
    if (selection && selection.cursor != null) {
      var shown = state.entities.occurrences(selection.id)[selection.cursor];
      if (!shown || shown.document !== id) selection.cursor = null;
    }
    // The marked event: its first report in this article is the one shown.
    if (state.cited) {
      var here = Events.rangesIn(state.cited.event, id, null)[0];
      state.cited.position = here ? here.position : null;
    }
    render();
    if (focusTab) {
      var tab = elements.tabs.querySelector('[aria-selected="true"]');
      if (tab) tab.focus();
    }
    if (state.cited) revealCitation(false);
  }

  function activeArticle() {
    for (var i = 0; i < state.articles.length; i++) if (state.articles[i].id === state.activeId) return state.articles[i];
    return null;
  }

  function renderArticle() {
    var view = elements.articleView;
    var article = activeArticle();
    if (!article || !state.editing) view.replaceChildren();
    if (!article) {
      view.appendChild(elements.emptyState);
      return;
    }
    if (state.editing) {
      renderEditor(view, article);
      return;
    }
    var analysed = resultFor(article.id);
    if (!analysed || typeof analysed.text !== 'string') {
      // Not analysed (an error, or the core is still loading): the text as the user gave it.
      var note = element('div', 'article__meta');
      note.appendChild(element('span', 'chip', state.failed[article.id] || state.generalError ? 'Not analysed: see the message above' : 'Analysing…'));
      view.appendChild(note);
      var raw = element('div', 'article__text article__raw', article.text);
      view.appendChild(raw);
      return;
    }
    view.appendChild(renderMeta(analysed));
    var body = element('div', 'article__text');
    buildAnnotatedText(body, analysed);
    view.appendChild(body);
  }

  function renderMeta(analysed) {
    var meta = element('div', 'article__meta');
    var dateChip = element('span', 'chip');
    var info = dateInfo(analysed);
    dateChip.appendChild(document.createTextNode('Date '));
    dateChip.appendChild(element('strong', null, info.value));
    if (info.sourceShort) dateChip.appendChild(document.createTextNode(' · ' + info.sourceShort));
    meta.appendChild(dateChip);
    var sentences = Array.isArray(analysed.sentences) ? analysed.sentences.length : 0;
    var mentions = Array.isArray(analysed.mentions) ? analysed.mentions.length : 0;
    meta.appendChild(element('span', 'chip', sentences + (sentences === 1 ? ' sentence' : ' sentences')));
    meta.appendChild(element('span', 'chip', mentions + (mentions === 1 ? ' mention' : ' mentions')));
    return meta;
  }

  // Where the document's date came from, in words.
  function dateInfo(analysed) {
    var text = analysed.text || '';
    var dateline = analysed.dateline && typeof analysed.dateline.start === 'number' ? analysed.dateline : null;
    if (!analysed.date) {
      return {
        value: 'none',
        sourceShort: 'no dateline',
        source: 'No dateline, and no reference date set: relative dates such as “Monday” stay unresolved.',
      };
    }
    var article = state.articles.filter(function (candidate) { return candidate.id === analysed.id; })[0];
    if (article && article.date && analysed.date === article.date) {
      return { value: analysed.date, sourceShort: 'typed', source: 'As you typed it.' };
    }
    if (dateline) {
      var datelineText = text.slice(dateline.start, dateline.end).replace(/\s+/g, ' ').trim();
      return { value: analysed.date, sourceShort: 'from dateline', source: 'From the dateline “' + datelineText + '”.' };
    }
    if (state.referenceDate && analysed.date === state.referenceDate) {
      return { value: analysed.date, sourceShort: 'reference date', source: 'No dateline: the reference date is used.' };
    }
    return { value: analysed.date, sourceShort: 'not from a dateline', source: 'Not from a dateline.' };
  }

  // Text with nested spans. Sentences, the dateline and mentions are intervals over the
  // text (UTF-16 offsets); the text is cut at every boundary and each piece is wrapped in
  // the chain of intervals covering it, outermost first, reusing open elements, so any
  // nesting works and a (rare) crossing interval is split rather than dropped.
  function buildAnnotatedText(container, analysed) {
    var text = analysed.text;
    var length = text.length;
    var intervals = [];
    var order = 0;

    function valid(range) {
      return range && typeof range.start === 'number' && typeof range.end === 'number' &&
        range.start >= 0 && range.end <= length && range.start < range.end;
    }

    var sentences = (Array.isArray(analysed.sentences) ? analysed.sentences : []).filter(valid)
      .slice().sort(function (a, b) { return a.start - b.start; });
    var previousEnd = 0;
    sentences.forEach(function (sentence, index) {
      var gap = text.slice(previousEnd, sentence.start);
      var continuation = index > 0 && !/\n/.test(gap);
      intervals.push({ start: sentence.start, end: sentence.end, rank: 0, order: order++, kind: 'sentence', data: sentence, continuation: continuation });
      previousEnd = sentence.end;
    });
    if (valid(analysed.dateline)) {
      intervals.push({ start: analysed.dateline.start, end: analysed.dateline.end, rank: 1, order: order++, kind: 'dateline' });
    }
    (Array.isArray(analysed.mentions) ? analysed.mentions : []).forEach(function (mention, index) {
      if (!valid(mention)) return;
      intervals.push({ start: mention.start, end: mention.end, rank: 2, order: order++, kind: 'mention', data: mention, index: index });
    });
    // The marked event's sentences in this article, and their triggers.
    if (state.cited) {
      Events.rangesIn(state.cited.event, analysed.id, state.cited.position).forEach(function (cited) {
        if (!valid(cited.sentence)) return;
        intervals.push({ start: cited.sentence.start, end: cited.sentence.end, rank: 0.5, order: order++, kind: 'cited', data: cited });
        if (valid(cited.trigger)) intervals.push({ start: cited.trigger.start, end: cited.trigger.end, rank: 1.5, order: order++, kind: 'trigger', data: cited });
      });
    }

    // Outer before inner: lower rank, then longer, then earlier.
    function outerFirst(a, b) {
      return a.rank - b.rank || (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.order - b.order;
    }

    var cuts = [0, length];
    intervals.forEach(function (interval) { cuts.push(interval.start, interval.end); });
    cuts.sort(function (a, b) { return a - b; });

    // One sweep over the cuts: `covering` holds the intervals open at the current piece
    // (a handful: a sentence, a mention, a cited sentence), so a long article with tens
    // of thousands of mentions is built in n log n, not n² (a 1 MB article froze the
    // page for half a minute).
    var byStart = intervals.slice().sort(function (a, b) { return a.start - b.start; });
    var next = 0;
    var covering = [];
    var open = []; // [{interval, node}]
    for (var c = 0; c < cuts.length - 1; c++) {
      var from = cuts[c], to = cuts[c + 1];
      if (from === to) continue;
      while (next < byStart.length && byStart[next].start <= from) covering.push(byStart[next++]);
      covering = covering.filter(function (interval) { return interval.end >= to; });
      var chain = covering.slice().sort(outerFirst);
      var keep = 0;
      while (keep < open.length && keep < chain.length && open[keep].interval === chain[keep]) keep++;
      open.length = keep;
      for (var k = keep; k < chain.length; k++) {
        var node = intervalElement(chain[k], text, from !== chain[k].start);
        (k === 0 ? container : open[k - 1].node).appendChild(node);
        open.push({ interval: chain[k], node: node });
      }
      appendText(open.length ? open[open.length - 1].node : container, text.slice(from, to));
    }
    // One tab stop for all the mentions (roving tabindex): Tab enters at the first, the
    // arrow keys move between them (onArticleKeydown).
    var first = container.querySelector('mark.mention:not([data-piece="rest"])');
    if (first) first.tabIndex = 0;
  }

  function intervalElement(interval, text, isContinuedPiece) {
    if (interval.kind === 'sentence') {
      var role = String(interval.data.role || 'body');
      var sentence = element('span', 'sentence sentence--' + role.replace(/[^a-z-]/gi, ''));
      if (interval.continuation && !isContinuedPiece) sentence.classList.add('is-continuation');
      sentence.dataset.role = role;
      if (role === 'title') {
        sentence.setAttribute('role', 'heading');
        sentence.setAttribute('aria-level', '2');
      }
      return sentence;
    }
    if (interval.kind === 'cited' || interval.kind === 'trigger') {
      var cited = element('span', interval.kind === 'cited' ? 'cited-sentence' : 'cited-trigger');
      cited.dataset.position = String(interval.data.position);
      if (interval.data.current) cited.classList.add('is-current');
      if (interval.kind === 'cited' && !isContinuedPiece) cited.tabIndex = -1;
      return cited;
    }
    if (interval.kind === 'dateline') {
      var dateline = element('span', 'dateline');
      dateline.title = 'Dateline';
      return dateline;
    }
    var mention = interval.data;
    var type = String(mention.type || 'MISC');
    var mark = element('mark', 'mention');
    // Short mentions never wrap, so the type label stays beside its text.
    if (interval.end - interval.start <= 24) mark.classList.add('mention--nowrap');
    // data-index: the mention's index in its document's mentions; a mention cut in pieces
    // (it crosses a sentence) has one mark per piece, all with its index.
    mark.dataset.index = String(interval.index);
    if (isContinuedPiece) mark.dataset.piece = 'rest';
    mark.dataset.type = type;
    mark.dataset.value = mention.value == null ? '' : String(mention.value);
    // The highlight's style follows the mention's type; its colour follows the entity's
    // type ("Russian", NORP, is a mention of Russia, a place) and shade.
    var entity = state.entities.get(mention.entity);
    mark.dataset.entity = entity ? String(entity.id) : '';
    mark.dataset.family = entity ? String(entity.type) : type;
    if (entity) {
      mark.dataset.shade = String(state.entities.shade(entity.id));
      mark.classList.add('mention--entity');
      if (state.selection && state.selection.id === String(entity.id)) mark.classList.add('is-selected');
    }
    mark.dataset.tip = mentionTip(mention, entity);
    if (mention.corrected || (entity && entity.corrected)) mark.classList.add('is-corrected');
    mark.tabIndex = -1;
    return mark;
  }

  // A one-line summary of a mention (data-tip): "PERSON · person · Ri Yong Ho".
  function mentionTip(mention, entity) {
    var type = String(mention.type || 'MISC');
    var parts = [type];
    var value = mention.value == null ? '' : String(mention.value);
    if (DATE_TYPES[type] || MENTION_TYPES.indexOf(type) < 0) parts.push(value || 'unresolved');
    else parts.push(value || TYPE_LABELS[type]);
    if (entity) parts.push(Entities.oneLine(entity.name));
    return parts.join(' · ');
  }

  // Appends text, turning blank lines into paragraph breaks (a block span that keeps the
  // original characters, so the article's textContent stays exactly the document's text).
  function appendText(parent, text) {
    var paragraphBreak = /\n[^\S\n]*\n\s*/g;
    var last = 0;
    var match;
    while ((match = paragraphBreak.exec(text)) !== null) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(element('span', 'para-break', match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderSide() {
    var article = activeArticle();
    var analysed = article ? resultFor(article.id) : null;

    // Document facts
    var info = elements.docInfo;
    info.replaceChildren();
    function row(term, value, extra) {
      info.appendChild(element('dt', null, term));
      var dd = element('dd');
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      if (extra) dd.appendChild(element('span', 'source', extra));
      info.appendChild(dd);
    }
    if (!article) {
      row('Date', '—');
      info.lastChild.classList.add('muted');
    } else {
      row('ID', element('code', null, article.id));
      if (analysed) {
        var date = dateInfo(analysed);
        row('Date', date.value, date.source);
      } else {
        row('Date', '—', state.failed[article.id] || state.generalError ? 'Not analysed.' : 'Analysing…');
      }
      row('Length', article.text.length.toLocaleString('en') + ' characters');
    }
    renderArticleTools(article);
    renderCorrections();

    // Dates and times found in the active article
    var list = elements.dateList;
    list.replaceChildren();
    var found = analysed && Array.isArray(analysed.mentions)
      ? analysed.mentions.filter(function (mention) { return mention && DATE_TYPES[mention.type]; })
      : [];
    var allMentions = analysed && Array.isArray(analysed.mentions) ? analysed.mentions : [];
    found.forEach(function (mention) {
      var item = element('li');
      var button = element('button');
      button.type = 'button';
      var value = mention.value == null || mention.value === '' ? '' : String(mention.value);
      button.setAttribute('aria-label', 'Show “' + mention.text + '” in the article: ' + mention.type + ', ' + (value || 'unresolved'));
      var label = element('span', 'date-text');
      var chip = element('span', 'type-sample', String(mention.text));
      if (String(mention.text).length <= 18) chip.classList.add('type-sample--nowrap');
      chip.dataset.type = String(mention.type);
      chip.dataset.value = value;
      label.appendChild(chip);
      button.appendChild(label);
      button.appendChild(element('span', 'date-value' + (value ? '' : ' is-unresolved'), value || 'unresolved'));
      var index = allMentions.indexOf(mention);
      button.addEventListener('click', function () { showMention(index); });
      item.appendChild(button);
      list.appendChild(item);
    });
    elements.datesCount.textContent = analysed ? String(found.length) : '';
    elements.dateListEmpty.hidden = found.length > 0;
    elements.dateListEmpty.textContent = !article ? 'Add an article to see its dates.'
      : analysed ? 'None found in this article.'
      : state.failed[article.id] || state.generalError ? 'Not analysed.' : 'Not analysed yet.';
  }

  function renderArticleTools(article) {
    elements.articleTools.hidden = !article;
    if (!article) return;
    // Never overwrite a field while the user types in it.
    if (document.activeElement !== elements.articleTitle) elements.articleTitle.value = article.title || '';
    var analysed = resultFor(article.id);
    elements.articleTitle.placeholder = analysed && analysed.title ? Entities.oneLine(analysed.title) : 'As detected';
    if (document.activeElement !== elements.articleDate) elements.articleDate.value = article.date || '';
    elements.editText.textContent = state.editing ? 'Done editing' : 'Edit text';
    elements.editText.setAttribute('aria-pressed', state.editing ? 'true' : 'false');
  }

  function renderCorrections() {
    Correcting.renderList(elements.correctionList, state.corrections, state.outcomes, undoCorrection);
    elements.correctionsCount.textContent = state.corrections.length ? String(state.corrections.length) : '';
    elements.correctionListEmpty.hidden = state.corrections.length > 0;
  }

  function showMention(index) {
    var mark = elements.articleView.querySelector('mark.mention[data-index="' + index + '"]');
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: smoothScroll() });
    focusMark(mark);
    flash(mark);
  }

  function smoothScroll() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  }

  function flash(mark) {
    elements.articleView.querySelectorAll('mark.mention[data-index="' + mark.dataset.index + '"]').forEach(function (piece) {
      piece.classList.remove('is-flash');
      void piece.offsetWidth; // restart the animation
      piece.classList.add('is-flash');
    });
  }

  // Moves the article's one tab stop to this mark and focuses it.
  function focusMark(mark, preventScroll) {
    elements.articleView.querySelectorAll('mark.mention[tabindex="0"]').forEach(function (other) { other.tabIndex = -1; });
    mark.tabIndex = 0;
    mark.focus({ preventScroll: preventScroll !== false });
  }

  // ---------------------------------------------------------------------------------------
  // The selected entity: its mentions marked in every article, the bar above the article
  // (where it is, previous / next across articles, clear), a count on each tab, and its
  // entry opened in the side list.

  // Selects an entity (by id; null clears). reveal: scroll to its first mention in the
  // active article, or go to the first article that has one.
  function selectEntity(id, reveal) {
    var entity = id == null ? null : state.entities.get(id);
    state.selection = entity ? { id: String(entity.id), entity: entity, cursor: null } : null;
    if (hoverCard) hoverCard.refresh();
    if (!entity) {
      renderSelection();
      return;
    }
    if (!reveal) {
      renderSelection();
      return;
    }
    var occurrences = state.entities.occurrences(entity.id);
    var here = occurrences.findIndex(function (occurrence) { return occurrence.document === state.activeId; });
    stepTo(here >= 0 ? here : 0);
  }

  // Shows the selection's occurrence number `position` (across articles): switches tabs
  // if needed, scrolls to it and marks it as the current one. Focus stays where it is (on
  // the Next button, say), so the same key steps again.
  function stepTo(position) {
    var selection = state.selection;
    if (!selection) return;
    var occurrences = state.entities.occurrences(selection.id);
    if (occurrences.length === 0) { renderSelection(); return; }
    position = (position + occurrences.length) % occurrences.length;
    selection.cursor = position;
    var occurrence = occurrences[position];
    if (occurrence.document !== state.activeId || state.view !== 'articles') {
      state.activeId = occurrence.document;
      state.view = 'articles';
      render();
    } else {
      renderSelection();
    }
    var mark = elements.articleView.querySelector('mark.mention[data-index="' + occurrence.index + '"]');
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: smoothScroll() });
    flash(mark);
  }

  function stepBy(delta) {
    var selection = state.selection;
    if (!selection) return;
    var occurrences = state.entities.occurrences(selection.id);
    if (occurrences.length === 0) return;
    if (selection.cursor != null) {
      stepTo(selection.cursor + delta);
      return;
    }
    // Nothing stepped to yet in this article: start from its first (Next) or last
    // (Previous) mention, else from the next article in tab order that has one.
    var order = resultDocumentOrder();
    var activeRank = order.indexOf(state.activeId);
    var start = -1;
    if (delta > 0) {
      start = occurrences.findIndex(function (occurrence) { return order.indexOf(occurrence.document) >= activeRank; });
      if (start < 0) start = 0;
    } else {
      for (var i = occurrences.length - 1; i >= 0 && start < 0; i--) {
        if (order.indexOf(occurrences[i].document) <= activeRank) start = i;
      }
      if (start < 0) start = occurrences.length - 1;
    }
    stepTo(start);
  }

  function resultDocumentOrder() {
    return state.result && Array.isArray(state.result.documents)
      ? state.result.documents.map(function (document) { return document && document.id; })
      : [];
  }

  // Brings every selection-dependent part of the page in line with state.selection,
  // without rebuilding the article (so focus and scroll stay where they are).
  function renderSelection() {
    var selection = state.selection;
    var id = selection ? selection.id : null;
    document.body.classList.toggle('has-selection', !!selection);
    var current = null;
    if (selection && selection.cursor != null) current = state.entities.occurrences(id)[selection.cursor] || null;
    elements.articleView.querySelectorAll('mark.mention').forEach(function (mark) {
      var selected = id != null && mark.dataset.entity === id;
      mark.classList.toggle('is-selected', selected);
      mark.classList.toggle('is-current', selected && !!current && current.document === state.activeId &&
        mark.dataset.index === String(current.index));
    });
    updateTabHits();
    renderSelectionBar();
    renderEntities();
    if (state.view === 'events') renderEventsView();
  }

  function updateTabHits() {
    var selection = state.selection;
    Object.keys(tabItems).forEach(function (id) {
      var entry = tabItems[id];
      var hits = entry.hits;
      var hitsText = entry.hitsText;
      if (!hitsText) return;
      var count = selection ? state.entities.countIn(selection.id, id) : 0;
      hits.hidden = !selection;
      hits.textContent = selection ? String(count) : '';
      hits.classList.toggle('is-zero', count === 0);
      hits.title = selection ? Entities.plural(count, 'mention', 'mentions') + ' of ' + Entities.oneLine(selection.entity.name) + ' in this article' : '';
      hitsText.textContent = selection ? ', ' + Entities.plural(count, 'mention', 'mentions') + ' of ' + Entities.oneLine(selection.entity.name) : '';
      if (selection) {
        hits.dataset.family = String(selection.entity.type);
        hits.dataset.shade = String(state.entities.shade(selection.id));
      }
    });
  }

  function renderSelectionBar() {
    var selection = state.selection;
    var bar = elements.selectionBar;
    bar.hidden = !selection;
    if (!selection) return;
    var entity = selection.entity;
    elements.selectionSwatch.dataset.family = String(entity.type);
    elements.selectionSwatch.dataset.shade = String(state.entities.shade(selection.id));
    elements.selectionName.textContent = Entities.oneLine(entity.name);
    elements.selectionType.textContent = Entities.typeName(String(entity.type));
    var total = state.entities.total(selection.id);
    var here = state.entities.countIn(selection.id, state.activeId);
    var articles = state.entities.documents(selection.id).length;
    elements.selectionCounts.textContent = here + ' here · ' + total + ' in ' + Entities.plural(articles, 'article', 'articles');
    elements.selectionCounts.title = Entities.plural(here, 'mention', 'mentions') + ' in this article, ' +
      Entities.plural(total, 'mention', 'mentions') + ' in ' + Entities.plural(articles, 'article', 'articles');
    var occurrences = state.entities.occurrences(selection.id);
    elements.selectionPosition.textContent = selection.cursor != null
      ? (selection.cursor + 1) + ' / ' + occurrences.length
      : '– / ' + occurrences.length;
    elements.selectionPosition.title = selection.cursor != null
      ? 'Mention ' + (selection.cursor + 1) + ' of ' + occurrences.length + ' in all articles'
      : occurrences.length + ' mentions in all articles';
    var single = occurrences.length < 2 && selection.cursor != null;
    elements.selectionPrevious.disabled = occurrences.length === 0 || single;
    elements.selectionNext.disabled = occurrences.length === 0 || single;
  }

  // documentId → the label of its tab, for lists that name thousands of articles.
  function articleLabels() {
    var byId = new Map();
    state.articles.forEach(function (article) { byId.set(article.id, article); });
    return function (documentId) {
      var found = byId.get(documentId);
      return found ? tabLabel(found) : documentId;
    };
  }

  function renderEntities() {
    var index = state.entities;
    var article = activeArticle();
    var any = index.entities.length > 0;
    elements.entityTools.hidden = !any;
    elements.entitiesCount.textContent = state.result ? String(index.entities.length) : '';
    var shown = Entities.renderList(elements.entityList, index, {
      selectedId: state.selection ? state.selection.id : null,
      activeDocument: state.activeId,
      filter: state.entityFilter,
      onlyActive: state.entityScopeActive,
      articleLabel: articleLabels(),
      // In the events view, selecting fades the events without the entity; in the
      // articles view, it goes to the entity's first mention.
      onSelect: function (id) { selectEntity(id, state.view === 'articles'); },
      onJump: function (id, documentId) {
        var occurrences = state.entities.occurrences(id);
        var first = occurrences.findIndex(function (occurrence) { return occurrence.document === documentId; });
        if (first >= 0) stepTo(first);
      },
    });
    elements.entityListEmpty.hidden = shown > 0;
    elements.entityListEmpty.textContent = !article ? 'Add articles to see the people, organisations and places they mention.'
      : !state.result ? 'Not analysed yet.'
      : !any ? (hasNamedMentions() ? 'The names found are not linked to entities.' : 'No names found in these articles.')
      : state.entityFilter ? 'No entity matches “' + state.entityFilter + '”.'
      : 'None in this article.';
  }

  function hasNamedMentions() {
    return !!state.result && Array.isArray(state.result.documents) && state.result.documents.some(function (document) {
      return document && Array.isArray(document.mentions) && document.mentions.some(function (mention) {
        return mention && Entities.NAMED_TYPES.indexOf(mention.type) >= 0;
      });
    });
  }

  // A click on a mention selects its entity (or clears it when already selected), unless
  // the click ended a text selection the reader is making.
  function onArticleClick(event) {
    var mark = event.target.closest && event.target.closest('mark.mention');
    if (!mark || !elements.articleView.contains(mark)) return;
    var picked = window.getSelection && window.getSelection();
    if (picked && !picked.isCollapsed && elements.articleView.contains(picked.anchorNode)) return;
    toggleMarkEntity(mark);
  }

  function toggleMarkEntity(mark) {
    var id = mark.dataset.entity;
    if (!id) return;
    if (state.selection && state.selection.id === id) {
      selectEntity(null, false);
      return;
    }
    selectEntity(id, false);
    var index = Number(mark.dataset.index);
    var position = state.entities.occurrences(id).findIndex(function (occurrence) {
      return occurrence.document === state.activeId && occurrence.index === index;
    });
    if (position >= 0) {
      state.selection.cursor = position;
      renderSelection();
    }
  }

  // Keys on a focused mention: ← → (and Home, End) move between the mentions of the
  // article, Enter or Space selects the mention's entity.
  function onArticleKeydown(event) {
    var mark = event.target.closest && event.target.closest('mark.mention');
    if (!mark || mark !== event.target || event.altKey || event.ctrlKey || event.metaKey) return;
    var marks = Array.prototype.slice.call(elements.articleView.querySelectorAll('mark.mention:not([data-piece="rest"])'));
    var at = marks.indexOf(mark);
    var target = null;
    if (event.key === 'ArrowRight') target = marks[Math.min(at + 1, marks.length - 1)];
    else if (event.key === 'ArrowLeft') target = marks[Math.max(at - 1, 0)];
    else if (event.key === 'Home') target = marks[0];
    else if (event.key === 'End') target = marks[marks.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggleMarkEntity(mark);
      if (hoverCard) hoverCard.refresh();
      return;
    } else if (event.key === 'c' || event.key === 'C') {
      event.preventDefault();
      if (hoverCard) hoverCard.hide();
      openCorrection(mark);
      return;
    }
    if (target) {
      event.preventDefault();
      focusMark(target, false);
    }
  }

  // ---------------------------------------------------------------------------------------
  // The views (articles, or the events' timeline) and the event marked in the articles.

  // Which view shows, the switch's counts, and the bar of the marked event. The events
  // view's content is filled by renderSelection (it fades the events without the selected
  // entity).
  function renderView() {
    var events = state.result && Array.isArray(state.result.events) ? state.result.events : [];
    var articles = state.view === 'articles';
    elements.viewSwitch.hidden = state.articles.length === 0;
    elements.articlesCount.textContent = state.articles.length ? String(state.articles.length) : '';
    elements.eventsCount.textContent = state.result ? String(events.length) : '';
    [[elements.viewArticles, articles], [elements.viewEvents, !articles]].forEach(function (pair) {
      pair[0].setAttribute('aria-selected', pair[1] ? 'true' : 'false');
      pair[0].tabIndex = pair[1] ? 0 : -1;
    });
    elements.articlePane.hidden = !articles;
    elements.eventsView.hidden = articles;
    document.body.dataset.view = state.view;
    var bar = elements.eventBar;
    bar.hidden = !articles || !state.cited || !activeArticle();
    if (bar.hidden) return;
    Events.renderCitationBar(bar, {
      event: state.cited.event,
      position: state.cited.position,
      activeDocument: state.activeId,
      documentOrder: resultDocumentOrder(),
      onStep: stepCitation,
      onBack: function () { setView('events', true); },
      onClose: function () {
        state.cited = null;
        render();
        elements.articleView.focus({ preventScroll: true });
      },
    });
  }

  function renderEventsView() {
    eventsView.render({
      result: state.result,
      index: state.entities,
      selectedId: state.selection ? state.selection.id : null,
      selectedName: state.selection ? Entities.oneLine(state.selection.entity.name) : '',
      citedKey: state.cited ? Events.keyOf(state.cited.event) : null,
      articleCount: resultDocumentOrder().length,
      smooth: smoothScroll() === 'smooth',
      emptyText: !state.result ? 'Add articles to see the events they report.'
        : 'No events were found in these articles: no meetings, visits, agreements, statements or other political events.',
      articleLabel: articleLabels(),
      onCite: showCitation,
      onSelectEntity: function (id) { selectEntity(id, false); },
    });
  }

  // Shows one view; focus: move the focus into it (its marked event card, else the view).
  function setView(view, focus) {
    if (hoverCard) hoverCard.hide();
    state.view = view;
    render();
    if (view === 'events') {
      var card = state.cited ? eventsView.card(state.cited.event) : null;
      if (card) card.scrollIntoView({ block: 'center' });
      else if (elements.eventsView.getBoundingClientRect().top < 0) elements.eventsView.scrollIntoView({ block: 'start' });
      if (focus) (card || elements.eventsView).focus({ preventScroll: true });
    } else if (focus) {
      elements.articleView.focus({ preventScroll: true });
    }
  }

  // Marks an event's sentences in the articles and shows its report number `position`
  // (an index into event.mentions): its article, scrolled to the sentence, focused.
  function showCitation(event, position) {
    var mentions = Array.isArray(event.mentions) ? event.mentions : [];
    if (!mentions[position]) return;
    if (hoverCard) hoverCard.hide();
    state.cited = { event: event, position: position };
    state.view = 'articles';
    if (state.articles.some(function (article) { return article.id === mentions[position].document; })) {
      state.activeId = mentions[position].document;
    }
    render();
    revealCitation(true);
  }

  function stepCitation(delta) {
    var cited = state.cited;
    var next = cited ? Events.stepReport(cited.event, resultDocumentOrder(), state.activeId, cited.position, delta) : null;
    if (next != null) showCitation(cited.event, next);
  }

  // Scrolls the article to the marked event's current sentence; focus: moves the focus
  // there too (after a click on a citation), else leaves it (on the tab just switched to).
  function revealCitation(focus) {
    var sentence = elements.articleView.querySelector('.cited-sentence.is-current');
    if (!sentence) return;
    sentence.scrollIntoView({ block: 'center', behavior: smoothScroll() });
    if (focus) sentence.focus({ preventScroll: true });
    sentence.classList.remove('is-flash');
    void sentence.offsetWidth; // restart the animation
    sentence.classList.add('is-flash');
  }

  function onViewKeydown(event) {
    var tabs = [elements.viewArticles, elements.viewEvents];
    var at = tabs.indexOf(event.currentTarget);
    var target = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') target = tabs[1 - at];
    else if (event.key === 'Home') target = tabs[0];
    else if (event.key === 'End') target = tabs[1];
    if (!target) return;
    event.preventDefault();
    setView(target === elements.viewEvents ? 'events' : 'articles', false);
    target.focus();
  }

  // ---------------------------------------------------------------------------------------
  // Wiring

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') !== -1;
  }

  function setUpDropping() {
    var zone = elements.dropZone;
    var depth = 0;
    // Files dropped anywhere on the page are taken, so a stray drop never navigates away
    // from the page (and the user's articles).
    window.addEventListener('dragenter', function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      document.body.classList.add('is-dragover');
    });
    window.addEventListener('dragleave', function (event) {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) document.body.classList.remove('is-dragover');
    });
    window.addEventListener('dragover', function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('drop', function (event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      document.body.classList.remove('is-dragover');
      zone.classList.remove('is-dragover');
      readFiles(event.dataTransfer.files);
    });
    zone.addEventListener('dragenter', function () { zone.classList.add('is-dragover'); });
    zone.addEventListener('dragleave', function (event) {
      if (!zone.contains(event.relatedTarget)) zone.classList.remove('is-dragover');
    });
  }

  function setUpEntities() {
    hoverCard = window.NewsAnnotator.createHoverCard({
      root: elements.articleView,
      card: elements.mentionCard,
      selector: 'mark.mention',
      content: function (mark) {
        var analysed = resultFor(state.activeId);
        var mention = analysed && Array.isArray(analysed.mentions) ? analysed.mentions[Number(mark.dataset.index)] : null;
        if (!mention) return null;
        var entity = state.entities.get(mark.dataset.entity);
        return Entities.cardContent({
          mention: mention,
          entity: entity,
          index: state.entities,
          selected: !!entity && !!state.selection && state.selection.id === String(entity.id),
        });
      },
      // The other mentions of the same entity light up while one is hovered or focused.
      onShow: function (mark) {
        var id = mark.dataset.entity;
        elements.articleView.querySelectorAll('mark.mention.is-related').forEach(function (other) { other.classList.remove('is-related'); });
        if (!id) return;
        elements.articleView.querySelectorAll('mark.mention[data-entity="' + id + '"]').forEach(function (other) {
          if (other !== mark) other.classList.add('is-related');
        });
      },
      onHide: function () {
        elements.articleView.querySelectorAll('mark.mention.is-related').forEach(function (other) { other.classList.remove('is-related'); });
      },
    });
    elements.articleView.addEventListener('click', onArticleClick);
    elements.articleView.addEventListener('keydown', onArticleKeydown);
    elements.articleView.addEventListener('focusin', function (event) {
      var mark = event.target;
      if (mark.matches && mark.matches('mark.mention') && mark.tabIndex !== 0) focusMark(mark);
    });
    elements.selectionPrevious.addEventListener('click', function () { stepBy(-1); });
    elements.selectionNext.addEventListener('click', function () { stepBy(1); });
    elements.selectionClear.addEventListener('click', function () {
      var id = state.selection ? state.selection.id : null;
      selectEntity(null, false);
      // Focus goes back to the entity in the list, else to the article.
      var back = id != null && elements.entityList.querySelector('button.entity-button[data-entity="' + id + '"]');
      (back || elements.articleView).focus({ preventScroll: true });
    });
    elements.entityFilter.addEventListener('input', function () {
      state.entityFilter = elements.entityFilter.value.trim();
      renderEntities();
    });
    elements.entityScope.addEventListener('change', function () {
      state.entityScopeActive = elements.entityScope.checked;
      renderEntities();
    });
    // Escape clears the selection, except in a text field (where it means something else)
    // and when it has just closed the hover card (mention-card.js stops it then).
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      if (target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && target.type !== 'checkbox'))) return;
      if (event.key === 'Escape' && state.selection) selectEntity(null, false);
      // Ctrl+Z (⌘Z) outside a text field takes back the last correction.
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && (event.key === 'z' || event.key === 'Z') && state.corrections.length) {
        event.preventDefault();
        var last = state.corrections[state.corrections.length - 1];
        undoCorrection(last.id);
        clearNotices('correction');
        addNotice('info', 'Undone: ' + Corrections.describe(last) + '.', 'correction');
      }
    });
  }

  // ---------------------------------------------------------------------------------------
  // The workspace kept in the browser: saved a moment after every change (store.js), and
  // opened again with the page, so nothing typed or pasted is lost on a reload or a crash.

  var store = null;
  var saveTimer = 0;
  var saves = 0;
  var SAVE_AFTER_MS = 250;

  function workspace() {
    return {
      format: 'news-annotator/workspace',
      version: 1,
      reference_date: state.referenceDate,
      articles: state.articles.map(function (article) {
        return { id: article.id, text: article.text, title: article.title || null, date: article.date || null };
      }),
      corrections: state.corrections,
      active: state.activeId,
      draft: elements.pasteText ? elements.pasteText.value : '',
    };
  }

  // body[data-saved] says whether everything is saved (for the user's peace and the tests).
  var changes = 0;

  function saveSoon() {
    changes++;
    document.body.dataset.saved = 'false';
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_AFTER_MS);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    if (!store) return Promise.resolve();
    var saving = changes;
    return store.save(workspace()).then(function (outcome) {
      clearNotices('storage');
      if (outcome.ok) {
        document.body.dataset.saves = String(++saves);
        if (saving === changes) document.body.dataset.saved = 'true';
        return;
      }
      addNotice('error', (outcome.full
        ? 'This browser’s storage for the page is full, so your latest changes are not saved'
        : 'Your work could not be saved in this browser (' + outcome.error + ')') +
        '. Everything stays open in this tab: export it before you close it.', 'storage',
        { label: 'Export', run: function () { exportAs('collection'); } });
    });
  }

  // Replaces the workspace with another (restored, or imported).
  function openWorkspace(opened, saved) {
    state.articles = opened.articles.map(function (article) {
      return { id: article.id, text: article.text, title: article.title || null, date: article.date || null };
    });
    state.corrections = opened.corrections || [];
    state.referenceDate = opened.reference_date || '';
    elements.referenceDate.value = state.referenceDate;
    var active = saved && saved.active;
    state.activeId = state.articles.some(function (article) { return article.id === active; })
      ? active : (state.articles[0] ? state.articles[0].id : null);
    state.editing = false;
    state.selection = null;
    state.cited = null;
    if (saved && typeof saved.draft === 'string' && !elements.pasteText.value) elements.pasteText.value = saved.draft;
    return analyseAll();
  }

  function restoreWorkspace() {
    return NewsAnnotator.createStore().then(function (opened) {
      store = opened;
      if (store.kind === 'none') {
        elements.storageNote.textContent = 'All analysis happens in WebAssembly in this tab. This browser gives the page no storage: export your work before closing the tab.';
      }
      return store.load();
    }).then(function (saved) {
      if (!saved) return undefined;
      var read = Exports.readCollection(JSON.stringify(saved));
      if (read.error) {
        addNotice('warning', 'The work saved in this browser could not be read back: ' + read.error, 'storage');
        return undefined;
      }
      if (read.workspace.articles.length === 0 && !saved.draft) return undefined;
      return openWorkspace(read.workspace, saved);
    }).catch(function (error) {
      addNotice('warning', 'The work saved in this browser could not be opened: ' + errorMessage(error), 'storage');
    });
  }

  // ---------------------------------------------------------------------------------------
  // Export and import (export.js writes the formats).

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function exportAs(kind) {
    var result = state.result;
    if (kind !== 'collection' && !result) {
      addNotice('info', 'Nothing to export yet: add an article and wait for its analysis.', 'export');
      return;
    }
    var types = Exports.MEDIA_TYPES;
    if (kind === 'collection') download('news-annotator-collection.json', Exports.collectionJson(workspace(), result), types.json);
    else if (kind === 'entities') download('entities.csv', Exports.entitiesCsv(result), types.csv);
    else if (kind === 'events') download('events.csv', Exports.eventsCsv(result), types.csv);
    else if (kind === 'web-annotations') download('annotations.jsonld', Exports.webAnnotations(result), types.webAnnotations);
    else if (kind === 'brat') {
      var standoff = state.activeId ? Exports.bratStandoff(result, state.activeId) : null;
      if (!standoff) {
        addNotice('info', 'Open an analysed article to export it for brat.', 'export');
        return;
      }
      download(Exports.fileName(standoff.name, 'txt'), standoff.text, types.text);
      download(Exports.fileName(standoff.name, 'ann'), standoff.ann, types.text);
      download('annotation.conf', Exports.bratConfig(result), types.text);
    }
  }

  function importFile(file) {
    if (!file) return Promise.resolve();
    clearNotices('import');
    if (file.size > LIMITS.importBytes) {
      addNotice('error', '“' + file.name + '” was not imported: it is ' + (file.size / 1048576).toFixed(0) +
        ' MB, and a collection imported here can be at most 256 MB.', 'import');
      return Promise.resolve();
    }
    return file.text().then(function (text) {
      var read = Exports.readCollection(text);
      if (read.error) {
        addNotice('error', '“' + file.name + '” was not imported: ' + read.error, 'import');
        return undefined;
      }
      var articles = read.workspace.articles;
      var characters = 0;
      var why = null;
      for (var i = 0; i < articles.length && !why; i++) {
        characters += articles[i].text.length;
        var tooLong = articleTooLong(articles[i].text.length);
        if (tooLong) why = 'its article “' + articles[i].id + '” ' + tooLong.replace(/^it /, '');
      }
      why = why || collectionTooBig(articles.length, characters, '');
      if (why) {
        addNotice('error', '“' + file.name + '” was not imported: ' + why, 'import');
        return undefined;
      }
      var before = workspace();
      var warnings = read.warnings || [];
      warnings.slice(0, NOTICES_OF_A_KIND).forEach(function (warning) { addNotice('warning', '“' + file.name + '”: ' + warning, 'import'); });
      if (warnings.length > NOTICES_OF_A_KIND) {
        addNotice('warning', '“' + file.name + '”: ' + (warnings.length - NOTICES_OF_A_KIND) + ' more warnings of the same kinds.', 'import');
      }
      addNotice('info', 'Opened “' + file.name + '”: ' + Entities.plural(read.workspace.articles.length, 'article', 'articles') +
        ', ' + Entities.plural(read.workspace.corrections.length, 'correction', 'corrections') + '.', 'import', {
        label: 'Undo',
        run: function () { openWorkspace(before, before); },
      });
      return openWorkspace(read.workspace, null);
    }, function (error) {
      addNotice('error', '“' + file.name + '” could not be read: ' + errorMessage(error), 'import');
    });
  }

  // ---------------------------------------------------------------------------------------
  // Corrections (corrections.js applies them, correcting.js shows them).

  var correctDialog = null;

  function addCorrection(correction) {
    state.corrections.push(correction);
    reapplyCorrections();
    clearNotices('correction');
    var outcome = state.outcomes[state.outcomes.length - 1];
    if (outcome && !outcome.applied) {
      addNotice('warning', Corrections.describe(correction) + ': not applied, ' + outcome.reason + '.', 'correction');
    } else {
      addNotice('info', Corrections.describe(correction) + '.', 'correction', { label: 'Undo', run: function () { undoCorrection(correction.id); } });
    }
  }

  function undoCorrection(id) {
    state.corrections = state.corrections.filter(function (correction) { return correction.id !== id; });
    reapplyCorrections();
  }

  function reapplyCorrections() {
    setResult(state.raw);
    changes++;
    saveNow(); // at once: a correction is a deliberate act, not a keystroke
    render();
  }

  // The correction dialog for the selected entity (and its current mention), or for the
  // mention of a focused mark.
  function openCorrection(mark) {
    if (!state.result) return;
    var what = { result: state.result, entity: null, document: null, mention: null };
    if (mark) {
      what.document = resultFor(state.activeId);
      what.mention = what.document && what.document.mentions[Number(mark.dataset.index)];
      if (!what.mention) return;
      what.entity = what.mention.entity != null ? state.entities.get(String(what.mention.entity)) : null;
    } else if (state.selection) {
      what.entity = state.selection.entity;
      var occurrence = state.selection.cursor != null ? state.entities.occurrences(state.selection.id)[state.selection.cursor] : null;
      if (occurrence) {
        what.document = resultFor(occurrence.document);
        what.mention = what.document && what.document.mentions[occurrence.index];
      }
    } else {
      return;
    }
    correctDialog.open(what);
  }

  // ---------------------------------------------------------------------------------------
  // The active article's own facts: its title and date as the user types them, and its
  // text, editable in place; the analysis follows the typing without holding it up.

  var editTimer = 0;
  var EDIT_ANALYSE_AFTER_MS = 400;

  function setUpArticleTools() {
    elements.articleTitle.addEventListener('input', function () {
      var article = activeArticle();
      if (!article) return;
      article.title = elements.articleTitle.value.trim() || null;
      renderTabs();
      saveSoon();
    });
    elements.articleDate.addEventListener('change', function () {
      var article = activeArticle();
      var value = elements.articleDate.value;
      if (!article || (value && !/^\d{4}-\d{2}-\d{2}$/.test(value))) return;
      article.date = value || null;
      analyseAll();
    });
    elements.editText.addEventListener('click', function () {
      state.editing = !state.editing;
      render();
      if (state.editing) {
        var editor = elements.articleView.querySelector('textarea');
        if (editor) editor.focus();
      }
    });
  }

  function renderEditor(view, article) {
    var existing = view.querySelector('textarea.article__editor');
    if (existing && existing.dataset.id === article.id) return; // keep the caret where it is
    view.replaceChildren();
    var label = element('label', 'visually-hidden', 'Text of ' + article.id);
    label.htmlFor = 'article-editor';
    var editor = element('textarea', 'article__editor');
    editor.id = 'article-editor';
    editor.dataset.id = article.id;
    editor.spellcheck = false;
    editor.value = article.text;
    editor.addEventListener('paste', function (event) { guardPaste(editor, event, collectionCharacters(article.id)); });
    editor.addEventListener('input', function () {
      article.text = editor.value;
      saveSoon();
      clearTimeout(editTimer);
      editTimer = setTimeout(analyseAll, EDIT_ANALYSE_AFTER_MS);
    });
    view.appendChild(label);
    view.appendChild(editor);
  }

  function start() {
    elements = {
      status: $('status'),
      tabs: $('tabs'),
      articleView: $('article-view'),
      emptyState: $('empty-state'),
      docInfo: $('doc-info'),
      dateList: $('date-list'),
      dateListEmpty: $('date-list-empty'),
      datesCount: $('dates-count'),
      referenceDate: $('reference-date'),
      pasteText: $('paste-text'),
      addButton: $('add-article'),
      fileInput: $('file-input'),
      dropZone: $('drop-zone'),
      showLabels: $('show-labels'),
      selectionBar: $('selection-bar'),
      selectionSwatch: $('selection-swatch'),
      selectionName: $('selection-name'),
      selectionType: $('selection-type'),
      selectionCounts: $('selection-counts'),
      selectionPosition: $('selection-position'),
      selectionPrevious: $('selection-previous'),
      selectionNext: $('selection-next'),
      selectionClear: $('selection-clear'),
      entityTools: $('entity-tools'),
      entityFilter: $('entity-filter'),
      entityScope: $('entity-scope'),
      entityList: $('entity-list'),
      entityListEmpty: $('entity-list-empty'),
      entitiesCount: $('entities-count'),
      mentionCard: $('mention-card'),
      viewSwitch: $('view-switch'),
      viewArticles: $('view-articles'),
      viewEvents: $('view-events'),
      articlesCount: $('articles-count'),
      eventsCount: $('events-count'),
      articlePane: $('article-pane'),
      eventsView: $('events-view'),
      eventBar: $('event-bar'),
      progress: $('progress'),
      progressText: $('progress-text'),
      progressBar: $('progress-bar'),
      progressCancel: $('progress-cancel'),
      selectionCorrect: $('selection-correct'),
      correctDialog: $('correct-dialog'),
      correctionList: $('correction-list'),
      correctionListEmpty: $('correction-list-empty'),
      correctionsCount: $('corrections-count'),
      articleTools: $('article-tools'),
      articleTitle: $('article-title'),
      articleDate: $('article-date'),
      editText: $('edit-text'),
      exportMenu: $('export-menu'),
      importInput: $('import-input'),
      storageNote: $('storage-note'),
    };
    setBusy(false);
    eventsView = Events.createView(elements.eventsView);

    elements.addButton.addEventListener('click', addPastedText);
    elements.pasteText.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        addPastedText();
      }
    });
    elements.fileInput.addEventListener('change', function () {
      var files = Array.prototype.slice.call(elements.fileInput.files || []);
      readFiles(files).then(function () { elements.fileInput.value = ''; });
    });
    elements.referenceDate.addEventListener('change', function () {
      var value = elements.referenceDate.value;
      if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return; // partial input while typing
      if (value === state.referenceDate) return;
      state.referenceDate = value;
      analyseAll();
    });
    elements.showLabels.addEventListener('change', function () {
      document.body.classList.toggle('hide-labels', !elements.showLabels.checked);
    });
    setUpDropping();
    setUpEntities();
    elements.viewArticles.addEventListener('click', function () { setView('articles', false); });
    elements.viewEvents.addEventListener('click', function () { setView('events', false); });
    elements.viewArticles.addEventListener('keydown', onViewKeydown);
    elements.viewEvents.addEventListener('keydown', onViewKeydown);

    setUpArticleTools();
    correctDialog = Correcting.createDialog(elements.correctDialog, addCorrection);
    elements.selectionCorrect.addEventListener('click', function () { openCorrection(null); });
    elements.progressCancel.addEventListener('click', function () { core.cancel(); });
    elements.pasteText.addEventListener('input', saveSoon);
    elements.pasteText.addEventListener('paste', function (event) { guardPaste(elements.pasteText, event, null); });
    elements.exportMenu.addEventListener('click', function (event) {
      var item = event.target.closest && event.target.closest('[data-export]');
      if (!item) return;
      elements.exportMenu.open = false;
      exportAs(item.dataset.export);
    });
    elements.importInput.addEventListener('change', function () {
      importFile(elements.importInput.files && elements.importInput.files[0]).then(function () { elements.importInput.value = ''; });
    });
    // Whatever is still waiting to be saved goes when the page is hidden or closed.
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') saveNow(); });
    window.addEventListener('pagehide', saveNow);

    render();

    core = NewsAnnotator.createCoreClient({
      onProgress: function (progress) {
        if (Date.now() - analysis.startedAt >= PROGRESS_AFTER_MS) showProgress(progress);
      },
      onRestart: function (reason) {
        addNotice('warning', reason + ' The analysis was restarted; your articles are safe.', 'core');
      },
    });
    core.ready.then(function () {
      document.body.dataset.ready = 'true';
      document.body.dataset.core = core.mode;
    }, function (error) {
      document.body.dataset.ready = 'error';
      addNotice('error', errorMessage(error) + '\nArticles you add are kept and shown without annotations.', 'core');
    });
    restoreWorkspace().then(function () { document.body.dataset.restored = 'true'; });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
