// Export and import formats of the workspace: pure functions from the workspace and an
// analysis result to file contents (strings), and from an opened file back to a workspace.
// Nothing here touches the DOM or the network; the page turns the strings into Blobs and
// downloads them. Defines window.NewsAnnotator.exports in the page and module.exports in node.
//
//   collectionJson(workspace, result) -> string   the result's JSON plus a "workspace" member
//   readCollection(text)              -> {workspace, warnings} or {error}; never throws
//   entitiesCsv(result), eventsCsv(result) -> string   RFC 4180, CRLF, no BOM
//   webAnnotations(result)            -> string   W3C Web Annotation AnnotationCollection
//   bratStandoff(result, documentId)  -> {name, text, ann} or null; bratConfig(result) -> string
//   fileName(base, extension)         -> string   a safe download name
//
// Offsets: the result's offsets are UTF-16 code units (JavaScript string indices). The Web
// Annotation selectors and brat count Unicode code points, as their specifications say; the
// conversion happens here and nowhere else (positionMap).
//
// Classic script, no modules (the page must work from file://). User text is only ever put
// into strings of these formats, never into HTML.
(function (root) {
  'use strict';

  var WORKSPACE_FORMAT = 'news-annotator/workspace';
  var WORKSPACE_VERSION = 1;
  var CORRECTION_OPS = ['rename', 'merge', 'split', 'retype', 'delete'];
  var URN = 'urn:news-annotator:';
  var QUOTE_CONTEXT = 32; // code points of prefix and suffix in a TextQuoteSelector
  var LIST_SEPARATOR = ' | ';

  // What the page gives to new Blob([...], {type}) for each export.
  var MEDIA_TYPES = {
    json: 'application/json',
    csv: 'text/csv;charset=utf-8',
    webAnnotations: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    text: 'text/plain;charset=utf-8',
  };

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function isOffset(value) {
    return typeof value === 'number' && value >= 0 && value % 1 === 0;
  }

  // A [start, end) range of UTF-16 offsets that lies inside `text`.
  function isRange(range, text) {
    return isObject(range) && isOffset(range.start) && isOffset(range.end) &&
      range.start <= range.end && range.end <= text.length;
  }

  function oneLine(text) {
    return String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
  }

  // Lone surrogates replaced by U+FFFD: encodeURIComponent throws on them.
  function wellFormed(text) {
    text = String(text);
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length &&
        text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
        out += text.charAt(i) + text.charAt(i + 1);
        i++;
      } else {
        out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : text.charAt(i);
      }
    }
    return out;
  }

  function urnPart(value) {
    return encodeURIComponent(wellFormed(value));
  }

  // ---------------------------------------------------------------------------------------
  // Offsets.

  // Returns `at`, where at[i] is the position, counted in code points, of UTF-16 offset i
  // (0 <= i <= text.length). An offset inside a surrogate pair maps to after its character.
  // With `joinCrLf`, a CR before an LF counts for nothing (brat's text has LF line ends).
  function positionMap(text, joinCrLf) {
    var at = [0];
    var position = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var secondHalf = code >= 0xdc00 && code <= 0xdfff && i > 0 &&
        text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
      var crBeforeLf = joinCrLf && code === 13 && text.charCodeAt(i + 1) === 10;
      if (!secondHalf && !crBeforeLf) position++;
      at.push(position);
    }
    return at;
  }

  // The first and last `count` code points of a string.
  function firstCodePoints(text, count) {
    return Array.from(text).slice(0, count).join('');
  }
  function lastCodePoints(text, count) {
    var points = Array.from(text);
    return points.slice(Math.max(0, points.length - count)).join('');
  }

  // ---------------------------------------------------------------------------------------
  // Reading a result (every export tolerates missing or malformed parts and skips them).

  function documentsOf(result) {
    return list(result && result.documents).filter(function (document) {
      return isObject(document) && document.id != null && typeof document.text === 'string';
    });
  }

  function entitiesById(result) {
    var byId = Object.create(null);
    list(result && result.entities).forEach(function (entity) {
      if (isObject(entity) && entity.id != null) byId[String(entity.id)] = entity;
    });
    return byId;
  }

  function entityName(byId, id) {
    var entity = byId[String(id)];
    return entity && typeof entity.name === 'string' ? entity.name : String(id);
  }

  // ---------------------------------------------------------------------------------------
  // The workspace.

  // A copy of the workspace with exactly the persisted fields, in a fixed order.
  function workspaceCopy(workspace) {
    workspace = isObject(workspace) ? workspace : {};
    return {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      reference_date: typeof workspace.reference_date === 'string' ? workspace.reference_date : '',
      articles: list(workspace.articles).map(function (article) {
        article = isObject(article) ? article : {};
        return {
          id: article.id == null ? '' : String(article.id),
          text: typeof article.text === 'string' ? article.text : '',
          title: typeof article.title === 'string' ? article.title : null,
          date: typeof article.date === 'string' ? article.date : null,
        };
      }),
      corrections: JSON.parse(JSON.stringify(list(workspace.corrections))),
    };
  }

  // The whole collection with its annotations: the result's own JSON (every member of the
  // core's contract, unchanged) followed by "workspace" (articles, reference date and
  // corrections), indented by 2 spaces. Without a result, only the workspace member.
  function collectionJson(workspace, result) {
    var collection = {};
    if (isObject(result)) {
      Object.keys(result).forEach(function (key) {
        if (key !== 'workspace' && key !== '__proto__') collection[key] = result[key];
      });
    }
    collection.workspace = workspaceCopy(workspace);
    return JSON.stringify(collection, null, 2) + '\n';
  }

  function isDate(value) {
    var match = typeof value === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    var month = Number(match[2]);
    var day = Number(match[3]);
    var length = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
    return month >= 1 && month <= 12 && day >= 1 && day <= length;
  }

  // "a.txt" taken -> "a-2.txt", then "a-3.txt"; "notes" -> "notes-2".
  function uniqueName(name, taken, next) {
    if (!taken[name]) return name;
    var dot = name.lastIndexOf('.');
    var stem = dot > 0 ? name.slice(0, dot) : name;
    var extension = dot > 0 ? name.slice(dot) : '';
    var number = next[name] || 2;
    while (taken[stem + '-' + number + extension]) number++;
    next[name] = number + 1;
    return stem + '-' + number + extension;
  }

  // A checked, normalised workspace from parsed JSON: {workspace, warnings} or {error}.
  function checkWorkspace(value) {
    if (value.format != null && value.format !== WORKSPACE_FORMAT) {
      return { error: 'This file is not a News Annotator workspace (its format is "' + oneLine(value.format).slice(0, 80) + '").' };
    }
    if (value.version != null && !(typeof value.version === 'number' && value.version <= WORKSPACE_VERSION)) {
      return { error: 'This workspace has version ' + oneLine(value.version).slice(0, 20) +
        ', which this page cannot read (it reads version ' + WORKSPACE_VERSION + '). Use a newer News Annotator.' };
    }
    if (!Array.isArray(value.articles)) return { error: 'The workspace has no list of articles.' };

    var warnings = [];
    var taken = Object.create(null);
    var next = Object.create(null);
    var articles = [];
    for (var i = 0; i < value.articles.length; i++) {
      var article = value.articles[i];
      if (!isObject(article) || typeof article.text !== 'string') {
        return { error: 'Article ' + (i + 1) + ' of the workspace has no text.' };
      }
      var given = typeof article.id === 'string' || typeof article.id === 'number' ? String(article.id) : '';
      var id = uniqueName(given || 'article-' + (i + 1) + '.txt', taken, next);
      if (given && id !== given) warnings.push('Two articles were named "' + given + '"; the second is now "' + id + '".');
      taken[id] = true;
      var title = typeof article.title === 'string' && article.title.trim() ? article.title : null;
      var date = null;
      if (isDate(article.date)) date = article.date;
      else if (article.date != null && article.date !== '') {
        warnings.push('The date of "' + id + '" is not a YYYY-MM-DD date and was left out.');
      }
      articles.push({ id: id, text: article.text, title: title, date: date });
    }

    var referenceDate = '';
    if (isDate(value.reference_date)) referenceDate = value.reference_date;
    else if (value.reference_date != null && value.reference_date !== '') {
      warnings.push('The reference date is not a YYYY-MM-DD date and was left out.');
    }

    var corrections = [];
    var correctionIds = Object.create(null);
    var correctionNext = Object.create(null);
    var dropped = 0;
    list(value.corrections).forEach(function (correction) {
      if (!isObject(correction) || CORRECTION_OPS.indexOf(correction.op) < 0) { dropped++; return; }
      var copy = JSON.parse(JSON.stringify(correction));
      var given = typeof correction.id === 'string' && correction.id ? correction.id : 'c' + (corrections.length + 1);
      copy.id = uniqueName(given, correctionIds, correctionNext);
      correctionIds[copy.id] = true;
      corrections.push(copy);
    });
    if (value.corrections != null && !Array.isArray(value.corrections)) dropped++;
    if (dropped) warnings.push(dropped + (dropped === 1 ? ' correction was' : ' corrections were') + ' not understood and left out.');

    return {
      workspace: {
        format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, reference_date: referenceDate,
        articles: articles, corrections: corrections,
      },
      warnings: warnings,
    };
  }

  // Reads an opened file: a collection from collectionJson (its workspace), a bare
  // workspace, or a plain core result (articles rebuilt from documents[].id and .text,
  // without titles, dates or corrections). Returns {workspace, warnings: [string]} or
  // {error: string}; never throws. Article ids are made unique, titles and dates that are
  // not usable become null, unknown corrections are left out (each noted in warnings).
  function readCollection(text) {
    if (typeof text !== 'string') return { error: 'Nothing to read: the file is not text.' };
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!text.trim()) return { error: 'The file is empty.' };
    var value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { error: 'The file is not JSON (' + oneLine(error && error.message).slice(0, 200) + ').' };
    }
    if (!isObject(value)) return { error: 'The file is JSON, but not a News Annotator workspace or analysis.' };

    try {
      if (value.workspace != null) {
        if (!isObject(value.workspace)) return { error: 'The file\'s "workspace" is not an object.' };
        return checkWorkspace(value.workspace);
      }
      if (value.format != null || Array.isArray(value.articles)) return checkWorkspace(value);
      if (Array.isArray(value.documents)) {
        if (value.schema != null && !/^annotator\//.test(String(value.schema))) {
          return { error: 'The file is an analysis in an unknown schema ("' + oneLine(value.schema).slice(0, 80) + '").' };
        }
        for (var i = 0; i < value.documents.length; i++) {
          if (!isObject(value.documents[i]) || typeof value.documents[i].text !== 'string') {
            return { error: 'Document ' + (i + 1) + ' of the analysis has no text.' };
          }
        }
        return checkWorkspace({
          articles: value.documents.map(function (document) { return { id: document.id, text: document.text }; }),
        });
      }
    } catch (error) {
      return { error: 'The file could not be read (' + oneLine(error && error.message).slice(0, 200) + ').' };
    }
    return { error: 'The file is JSON, but neither a News Annotator workspace nor an analysis (no articles, no documents).' };
  }

  // ---------------------------------------------------------------------------------------
  // CSV (RFC 4180): CRLF after every record, fields quoted when they hold a comma, a quote,
  // CR or LF, quotes doubled. No byte order mark.
  //
  // Formula injection: a spreadsheet runs a cell that starts with = + - @ (or TAB or CR,
  // which some strip first) as a formula, and names come from the articles. Such a field
  // gets a leading apostrophe ("=cmd" -> "'=cmd"), which spreadsheets show as text; a
  // program reading the CSV sees the apostrophe.

  function csvField(value) {
    var text = value == null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = '\'' + text;
    if (/[",\r\n]/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
    return text;
  }

  function csv(header, rows) {
    return [header].concat(rows).map(function (row) { return row.map(csvField).join(',') + '\r\n'; }).join('');
  }

  // Items of a list cell: each on one line, joined with " | ".
  function joined(items) {
    return items.map(oneLine).join(LIST_SEPARATOR);
  }

  // One row per entity, in the result's order. aliases: "text (reason)"; titles, documents
  // and corrected (the corrections applied, e.g. "renamed"): lists.
  function entitiesCsv(result) {
    var rows = list(result && result.entities).filter(isObject).map(function (entity) {
      return [
        entity.id,
        entity.type,
        entity.name,
        joined(list(entity.aliases).filter(isObject).map(function (alias) {
          var reason = oneLine(alias.reason);
          return oneLine(alias.text) + (reason ? ' (' + reason + ')' : '');
        })),
        joined(list(entity.titles)),
        entity.mentions,
        joined(list(entity.documents)),
        Array.isArray(entity.corrected) ? joined(entity.corrected) : entity.corrected,
      ];
    });
    return csv(['id', 'type', 'name', 'aliases', 'titles', 'mentions', 'documents', 'corrected'], rows);
  }

  // One row per event. sources, targets and place: entity names; articles: the distinct
  // documents cited; sentences: the cited sentences' text, each once, on one line.
  function eventsCsv(result) {
    var byId = entitiesById(result);
    var texts = Object.create(null);
    documentsOf(result).forEach(function (document) { texts[String(document.id)] = document.text; });
    var rows = list(result && result.events).filter(isObject).map(function (event) {
      var articles = [];
      var sentences = [];
      var seen = Object.create(null);
      list(event.mentions).filter(isObject).forEach(function (mention) {
        var documentId = String(mention.document);
        if (articles.indexOf(documentId) < 0) articles.push(documentId);
        var text = texts[documentId];
        if (text == null || !isRange(mention.sentence, text)) return;
        var key = documentId + '\u0000' + mention.sentence.start + '\u0000' + mention.sentence.end;
        if (seen[key]) return;
        seen[key] = true;
        sentences.push(text.slice(mention.sentence.start, mention.sentence.end));
      });
      var names = function (ids) { return joined(list(ids).map(function (id) { return entityName(byId, id); })); };
      return [
        event.id, event.type, event.mode, event.cameo, event.label,
        names(event.sources), names(event.targets), event.place == null ? '' : entityName(byId, event.place),
        event.date, event.status, event.quote, joined(articles), joined(sentences),
      ];
    });
    return csv(['id', 'type', 'mode', 'cameo', 'label', 'sources', 'targets', 'place', 'date', 'status', 'quote',
      'articles', 'sentences'], rows);
  }

  // ---------------------------------------------------------------------------------------
  // W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD.
  //
  // One AnnotationCollection whose first (and only) AnnotationPage embeds the annotations
  // (spec §5). Every resource has an IRI: documents, entities and annotations get
  // urn:news-annotator: names, stable within one export (entity and event ids are the
  // result's, which change when the articles change). Text selectors count Unicode code
  // points, as spec §4.2.4 requires ("not in terms of code units"); TextPositionSelector and
  // TextQuoteSelector are given together as alternatives for the same text (§4.2).

  function documentUrn(id) {
    return URN + 'document:' + urnPart(id);
  }

  // A target: the text [start, end) (UTF-16 offsets) of a document.
  function textTarget(document, at, start, end) {
    var text = document.text;
    return {
      type: 'SpecificResource',
      source: documentUrn(document.id),
      selector: [
        { type: 'TextPositionSelector', start: at[start], end: at[end] },
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: lastCodePoints(text.slice(Math.max(0, start - 2 * QUOTE_CONTEXT), start), QUOTE_CONTEXT),
          suffix: firstCodePoints(text.slice(end, end + 2 * QUOTE_CONTEXT), QUOTE_CONTEXT),
        },
      ],
    };
  }

  function textualBody(purpose, value, id) {
    var body = id == null ? {} : { id: id };
    body.type = 'TextualBody';
    body.purpose = purpose;
    body.value = String(value);
    body.format = 'text/plain';
    return body;
  }

  // A mention: motivation "tagging", a tagging body with its type, an identifying body with
  // the entity's canonical name (its id is the entity's IRI, so all mentions of an entity
  // share that body), and for a resolved date a describing body with its value.
  function mentionAnnotation(document, at, mention, index, byId) {
    var body = [textualBody('tagging', mention.type)];
    var entity = mention.entity == null ? null : byId[String(mention.entity)];
    if (entity && typeof entity.name === 'string') {
      body.push(textualBody('identifying', entity.name, URN + 'entity:' + urnPart(entity.id)));
    }
    if (mention.value != null && mention.value !== '') body.push(textualBody('describing', mention.value));
    return {
      id: URN + 'annotation:mention:' + urnPart(document.id) + ':' + index,
      type: 'Annotation',
      motivation: 'tagging',
      body: body,
      target: textTarget(document, at, mention.start, mention.end),
    };
  }

  // An event: motivation "describing" (the spec's motivation "to describe the Target, as
  // opposed to a comment about" it: the label says what the cited sentences report), a
  // describing body with the label and classifying bodies with its PLOVER type and CAMEO
  // code. Targets: each cited sentence once (the spec relates every body to each target on
  // its own, §3.2.6, which is what a citation means). Participants are in the label only:
  // the model has no role for "source of the event" that a consumer would understand.
  function eventAnnotation(event, documents) {
    var targets = [];
    var seen = Object.create(null);
    list(event.mentions).filter(isObject).forEach(function (mention) {
      var entry = documents[String(mention.document)];
      if (!entry || !isRange(mention.sentence, entry.document.text)) return;
      var key = String(mention.document) + '\u0000' + mention.sentence.start + '\u0000' + mention.sentence.end;
      if (seen[key]) return;
      seen[key] = true;
      targets.push(textTarget(entry.document, entry.at, mention.sentence.start, mention.sentence.end));
    });
    if (!targets.length) return null; // an Annotation must have a target
    var body = [];
    if (event.label != null && event.label !== '') body.push(textualBody('describing', event.label));
    if (event.type != null && event.type !== '') body.push(textualBody('classifying', event.type));
    if (event.cameo != null && event.cameo !== '') body.push(textualBody('classifying', 'CAMEO ' + event.cameo));
    var annotation = {
      id: URN + 'annotation:event:' + urnPart(event.id),
      type: 'Annotation',
      motivation: 'describing',
    };
    if (body.length) annotation.body = body;
    annotation.target = targets.length === 1 ? targets[0] : targets;
    return annotation;
  }

  // The result as a Web Annotation collection (a JSON-LD string): one annotation per
  // mention with valid offsets, in document order, then one per event with a valid
  // cited sentence.
  function webAnnotations(result) {
    var byId = entitiesById(result);
    var documents = Object.create(null);
    var items = [];
    documentsOf(result).forEach(function (document) {
      var at = positionMap(document.text, false);
      documents[String(document.id)] = { document: document, at: at };
      list(document.mentions).forEach(function (mention, index) {
        if (isRange(mention, document.text)) items.push(mentionAnnotation(document, at, mention, index, byId));
      });
    });
    list(result && result.events).filter(isObject).forEach(function (event) {
      var annotation = eventAnnotation(event, documents);
      if (annotation) items.push(annotation);
    });
    var collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: URN + 'annotations',
      type: 'AnnotationCollection',
      label: 'News Annotator: entities and events',
      total: items.length,
      first: { id: URN + 'annotations:page:1', type: 'AnnotationPage', startIndex: 0, items: items },
    };
    return JSON.stringify(collection, null, 2) + '\n';
  }

  // ---------------------------------------------------------------------------------------
  // brat standoff (https://brat.nlplab.org/standoff.html).
  //
  // The .txt is the document's text with CRLF and CR turned into LF (brat may read it with
  // universal newlines). Offsets count code points of that text. Lines of the .ann:
  //   T<n>  TYPE start end[;start end...]  text   a mention or an event trigger
  //   E<n>  EVENTTYPE:T<trigger> Source:T<n> Source2:T<n> Target:T<n> Place:T<n>
  //   #<n>  AnnotatorNotes T<n>|E<n>  entity: <canonical name> | value: <date> | <event label>
  // A mention that crosses a line break becomes a discontinuous annotation: one fragment per
  // line, the line breaks left out, and its text the fragments joined by a space (brat's
  // rule). Event arguments are the mentions of the event's entities inside the cited
  // sentence; notes are on the event, never on a trigger (brat refuses other references to
  // triggers).

  // Everything Python's splitlines() breaks at: brat reads the .ann line by line that way.
  var BRAT_LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

  function bratType(type) {
    return String(type == null ? '' : type).replace(/[^A-Za-z0-9_-]/g, '_') || 'Other';
  }

  function bratNote(text) {
    return String(text).replace(/[\n\r\v\f\x1c-\x1e\x85\u2028\u2029\t]+/g, ' ');
  }

  // "start end;start end" and the joined text for [start, end) of `text`, or null when the
  // range has no text outside line breaks.
  function bratSpan(text, at, start, end) {
    var fragments = [];
    var from = -1;
    for (var i = start; i <= end; i++) {
      var breaks = i === end || BRAT_LINE_BREAK.test(text.charAt(i));
      if (breaks && from >= 0) { fragments.push([from, i]); from = -1; }
      else if (!breaks && from < 0) from = i;
    }
    if (!fragments.length) return null;
    return {
      offsets: fragments.map(function (f) { return at[f[0]] + ' ' + at[f[1]]; }).join(';'),
      text: fragments.map(function (f) { return text.slice(f[0], f[1]); }).join(' '),
    };
  }

  // The .txt and .ann of one document, and a file name stem for both ({name}.txt and
  // {name}.ann, brat's pairing). Null when the result has no such document.
  function bratStandoff(result, documentId) {
    var document = null;
    documentsOf(result).forEach(function (candidate) {
      if (!document && String(candidate.id) === String(documentId)) document = candidate;
    });
    if (!document) return null;
    var text = document.text;
    var at = positionMap(text, true);
    var byId = entitiesById(result);
    var lines = [];
    var counts = { T: 0, E: 0, note: 0 };
    var mentionIds = []; // {start, end, entity, id} of the mentions written

    function textBound(type, start, end) {
      var span = bratSpan(text, at, start, end);
      if (!span) return null;
      var id = 'T' + (++counts.T);
      lines.push(id + '\t' + bratType(type) + ' ' + span.offsets + '\t' + span.text);
      return id;
    }
    function note(target, content) {
      lines.push('#' + (++counts.note) + '\tAnnotatorNotes ' + target + '\t' + bratNote(content));
    }

    list(document.mentions).forEach(function (mention) {
      if (!isRange(mention, text)) return;
      var id = textBound(mention.type, mention.start, mention.end);
      if (!id) return;
      mentionIds.push({ start: mention.start, end: mention.end, entity: mention.entity, id: id });
      var entity = mention.entity == null ? null : byId[String(mention.entity)];
      if (entity && typeof entity.name === 'string') note(id, 'entity: ' + entity.name);
      else if (mention.value != null && mention.value !== '') note(id, 'value: ' + mention.value);
    });

    // The mention of an entity inside a sentence, as a T id.
    function argument(entityId, sentence) {
      for (var i = 0; i < mentionIds.length; i++) {
        var m = mentionIds[i];
        if (m.entity != null && String(m.entity) === String(entityId) && m.start >= sentence.start && m.end <= sentence.end) return m.id;
      }
      return null;
    }

    list(result.events).filter(isObject).forEach(function (event) {
      list(event.mentions).filter(isObject).forEach(function (mention) {
        if (String(mention.document) !== String(document.id) || !isRange(mention.trigger, text)) return;
        var sentence = isRange(mention.sentence, text) ? mention.sentence : mention.trigger;
        var trigger = textBound(event.type, mention.trigger.start, mention.trigger.end);
        if (!trigger) return;
        var parts = [bratType(event.type) + ':' + trigger];
        var roles = [['Source', list(event.sources)], ['Target', list(event.targets)],
          ['Place', event.place == null ? [] : [event.place]]];
        roles.forEach(function (role) {
          var used = [];
          role[1].forEach(function (entityId) {
            var id = argument(entityId, sentence);
            if (!id || used.indexOf(id) >= 0) return;
            used.push(id);
            parts.push(role[0] + (used.length > 1 ? used.length : '') + ':' + id);
          });
        });
        var eventId = 'E' + (++counts.E);
        lines.push(eventId + '\t' + parts.join(' '));
        var details = [event.status, event.date].filter(function (part) { return part != null && part !== ''; });
        note(eventId, oneLine(event.label || event.type) + (details.length ? ' (' + details.join(', ') + ')' : ''));
      });
    });

    var name = fileName(String(document.id).replace(/\.txt$/i, ''), '');
    return { name: name, text: text.replace(/\r\n?/g, '\n'), ann: lines.length ? lines.join('\n') + '\n' : '' };
  }

  // An annotation.conf declaring the result's mention and event types, so that brat shows
  // the .ann files without configuration errors.
  function bratConfig(result) {
    var entityTypes = [];
    var eventTypes = [];
    documentsOf(result).forEach(function (document) {
      list(document.mentions).forEach(function (mention) {
        var type = isObject(mention) ? bratType(mention.type) : null;
        if (type && entityTypes.indexOf(type) < 0) entityTypes.push(type);
      });
    });
    list(result && result.events).filter(isObject).forEach(function (event) {
      var type = bratType(event.type);
      if (eventTypes.indexOf(type) < 0) eventTypes.push(type);
    });
    return ['[entities]'].concat(entityTypes, ['', '[relations]', '', '[events]'],
      eventTypes.map(function (type) { return type + '\tSource*:<ENTITY>, Target*:<ENTITY>, Place?:<ENTITY>'; }),
      ['', '[attributes]', '']).join('\n');
  }

  // ---------------------------------------------------------------------------------------
  // File names.

  // A download name "base.extension" that is safe on every system: no path separators,
  // control characters, bidirectional controls (which can disguise the extension) or
  // characters Windows forbids (each run becomes "_"), no leading
  // dots or trailing dots and spaces, at most 120 code points, not a reserved Windows
  // device name; "news-annotator" when nothing is left. The extension keeps [A-Za-z0-9]
  // only; an empty one gives the base alone.
  function fileName(base, extension) {
    var name = wellFormed(base == null ? '' : base)
      .replace(/[\/\\<>:"|?*\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]+/g, '_')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, '');
    name = Array.from(name).slice(0, 120).join('').replace(/[\s.]+$/, '');
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = '_' + name;
    if (!name) name = 'news-annotator';
    var suffix = String(extension == null ? '' : extension).replace(/[^A-Za-z0-9]/g, '');
    return suffix ? name + '.' + suffix : name;
  }

  var api = {
    MEDIA_TYPES: MEDIA_TYPES,
    collectionJson: collectionJson,
    readCollection: readCollection,
    entitiesCsv: entitiesCsv,
    eventsCsv: eventsCsv,
    webAnnotations: webAnnotations,
    bratStandoff: bratStandoff,
    bratConfig: bratConfig,
    fileName: fileName,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else {
    root.NewsAnnotator = root.NewsAnnotator || {};
    root.NewsAnnotator.exports = api;
  }
})(typeof self !== 'undefined' ? self : this);
