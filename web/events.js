// Events in the page: the model of an analysis result's events (type, participants, place,
// date, status, the sentences that report them), the Events view (a timeline of event
// cards grouped by date, with a compact date axis above it), and the bar shown above an
// article while one event's sentences are marked in it. Defines window.NewsAnnotator.events;
// app.js owns the state (which view, which event is cited) and decides when to call these.
//
// The model functions use no DOM, so tests/node/events.test.mjs runs them in node.
// Classic script, no modules (the page must work from file://). Document text reaches the
// DOM only through textContent / createTextNode, never innerHTML.
(function () {
  'use strict';

  var element = window.NewsAnnotator.dom.element;

  var WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  // PLOVER's event types (and our STATEMENT): what each covers, in a reader's words, and its
  // tone, which tints the badge (cooperation, conflict, or neither). The badge always
  // spells the type, so the tint is never the only cue.
  var TYPES = {
    AGREE: { gloss: 'agrees, promises, invites or accepts an invitation', tone: 'cooperation' },
    CONSULT: { gloss: 'meets, visits, hosts or holds talks', tone: 'cooperation' },
    SUPPORT: { gloss: 'praises, endorses, defends or signs an agreement', tone: 'cooperation' },
    CONCEDE: { gloss: 'yields, eases restrictions or releases', tone: 'cooperation' },
    COOPERATE: { gloss: 'cooperates in deed (economy, military, justice)', tone: 'cooperation' },
    AID: { gloss: 'gives aid', tone: 'cooperation' },
    RETREAT: { gloss: 'withdraws or de-escalates', tone: 'cooperation' },
    REQUEST: { gloss: 'asks for, demands or seeks', tone: 'neutral' },
    ACCUSE: { gloss: 'accuses, criticises or investigates', tone: 'conflict' },
    REJECT: { gloss: 'rejects or refuses', tone: 'conflict' },
    THREATEN: { gloss: 'threatens', tone: 'conflict' },
    PROTEST: { gloss: 'protests or demonstrates', tone: 'conflict' },
    SANCTION: { gloss: 'imposes sanctions or cuts relations', tone: 'conflict' },
    MOBILIZE: { gloss: 'mobilises forces', tone: 'conflict' },
    COERCE: { gloss: 'coerces, arrests or expels', tone: 'conflict' },
    ASSAULT: { gloss: 'attacks or fights', tone: 'conflict' },
    STATEMENT: { gloss: 'says or states (reported speech)', tone: 'neutral' },
  };

  // The twenty roots of CAMEO, for the hint on an event's code ("036" is under 03).
  var CAMEO_ROOTS = {
    '01': 'make a public statement', '02': 'appeal', '03': 'express intent to cooperate', '04': 'consult',
    '05': 'engage in diplomatic cooperation', '06': 'engage in material cooperation', '07': 'provide aid',
    '08': 'yield', '09': 'investigate', '10': 'demand', '11': 'disapprove', '12': 'reject', '13': 'threaten',
    '14': 'protest', '15': 'exhibit force posture', '16': 'reduce relations', '17': 'coerce', '18': 'assault',
    '19': 'fight', '20': 'use unconventional mass violence',
  };

  // How each status reads: `badge` is shown on the card (none for what happened), `word`
  // in running text, `description` in its tooltip.
  var STATUSES = {
    occurred: { word: 'happened', badge: null, description: 'Reported as having happened.' },
    planned: { word: 'planned', badge: 'Planned', description: 'Reported as planned or announced: it had not happened when reported.' },
    possible: { word: 'possible', badge: 'Possible', description: 'Reported as possible, expected or hoped for: not certain to happen.' },
    negated: { word: 'did not happen', badge: 'Did not happen', description: 'The reports say that this did not happen.' },
  };

  var MAX_CITATIONS_SHOWN = 3;
  var MAX_AXIS_DOTS = 6;

  function oneLine(text) {
    return String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function isSpan(range) {
    return !!range && typeof range.start === 'number' && typeof range.end === 'number' && range.start <= range.end;
  }

  // ---------------------------------------------------------------------------------------
  // Dates: the TIMEX3 values of the dates stage at their precision.

  // {precision: 'day' | 'month' | 'year' | 'other' | 'none', value, year, month, day, time,
  //  group (the value the timeline groups by), sortKey}. Times group with their day.
  function parseDate(value) {
    var text = value == null ? '' : String(value).trim();
    if (!text) return { precision: 'none', value: null, group: '', sortKey: '' };
    var match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?(?=$|T)/.exec(text);
    if (match) {
      var year = Number(match[1]);
      var month = match[2] ? Number(match[2]) : null;
      var day = match[3] ? Number(match[3]) : null;
      var valid = (month == null || (month >= 1 && month <= 12)) && (day == null || (day >= 1 && day <= daysIn(year, month)));
      if (valid) {
        var precision = day != null ? 'day' : month != null ? 'month' : 'year';
        var group = match[1] + (month != null ? '-' + match[2] : '') + (day != null ? '-' + match[3] : '');
        // By the end of the period, so that a vague date comes after the precise ones it
        // holds ("April 2018" after "9 April 2018", "2018" after "May 2018"), then the
        // finer first, then the time.
        var last = pad(month == null ? 12 : month) + '-' + pad(day == null ? daysIn(year, month == null ? 12 : month) : day);
        var rank = { day: 0, month: 1, year: 2 }[precision];
        var time = match[4] ? match[4] + ':' + match[5] : null;
        return {
          precision: precision, value: text, year: year, month: month, day: day, time: time, group: group,
          sortKey: match[1] + '-' + last + '/' + rank + '/' + (time || '') + '/' + text,
        };
      }
    }
    // Weeks, quarters, seasons, "PAST_REF"…: shown as written, after the dates of their year.
    var yearOnly = /^(\d{4})/.exec(text);
    return { precision: 'other', value: text, group: text, sortKey: (yearOnly ? yearOnly[1] + '-12-31' : '9999') + '/9/' + text };
  }

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  function daysIn(year, month) {
    if (month == null) return 31;
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  function weekday(year, month, day) {
    return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  }

  // "Monday 9 April 2018", "March 2018", "2018", "date unknown"; with a time,
  // "Tuesday 10 April 2018, 14:30". style 'short': "Mon 9 Apr", "Mar 2018".
  function formatDate(value, style) {
    var date = typeof value === 'object' && value !== null && value.precision ? value : parseDate(value);
    var short = style === 'short';
    if (date.precision === 'none') return short ? 'No date' : 'date unknown';
    if (date.precision === 'other') return date.value;
    if (date.precision === 'year') return String(date.year);
    var month = MONTHS[date.month - 1];
    if (date.precision === 'month') return (short ? month.slice(0, 3) : month) + ' ' + date.year;
    var day = weekday(date.year, date.month, date.day);
    if (short) return day.slice(0, 3) + ' ' + date.day + ' ' + month.slice(0, 3);
    return day + ' ' + date.day + ' ' + month + ' ' + date.year + (date.time && style !== 'day' ? ', ' + date.time : '');
  }

  // ---------------------------------------------------------------------------------------
  // Type, status, label.

  function statusInfo(status) {
    var key = String(status || 'occurred');
    var known = STATUSES[key];
    if (known) return { status: key, word: known.word, badge: known.badge, description: known.description };
    return { status: key, word: key, badge: key, description: 'Status: ' + key + '.' };
  }

  function typeInfo(event) {
    var type = String((event && event.type) || 'EVENT').toUpperCase();
    var known = TYPES[type];
    var mode = event && event.mode ? oneLine(event.mode) : '';
    var cameo = event && event.cameo ? String(event.cameo) : '';
    var root = cameo ? CAMEO_ROOTS[cameo.slice(0, 2)] : '';
    return {
      type: type,
      mode: mode,
      cameo: cameo,
      tone: known ? known.tone : 'neutral',
      gloss: known ? known.gloss : '',
      cameoHint: cameo ? 'CAMEO code ' + cameo + (root ? ' (' + cameo.slice(0, 2) + ': ' + root + ')' : '') : '',
    };
  }

  // The event's own label, else one made of its participants and type.
  function eventLabel(event, entityById) {
    var label = oneLine(event && event.label);
    if (label) return label;
    var names = function (ids) {
      return (Array.isArray(ids) ? ids : []).map(function (id) { var e = entityById(id); return e ? oneLine(e.name) : ''; })
        .filter(Boolean).join(', ');
    };
    var who = names(event && event.sources);
    var whom = names(event && event.targets);
    var type = typeInfo(event).type.toLowerCase();
    return [who, type, whom].filter(Boolean).join(' · ') || typeInfo(event).type;
  }

  // What identifies an event across analyses (ids are positions and change when an
  // article is added or removed).
  function keyOf(event) {
    return event ? String(event.type) + '\u0000' + oneLine(event.label) : '';
  }

  // The event of a new result that continues `previous`: same type and label, else same
  // type and a report in the same sentence. Null when gone.
  function findAgain(events, previous) {
    if (!previous || !Array.isArray(events)) return null;
    var key = keyOf(previous);
    var same = events.filter(function (event) { return event && keyOf(event) === key; })[0];
    if (same) return same;
    var first = Array.isArray(previous.mentions) ? previous.mentions[0] : null;
    if (!first || !isSpan(first.sentence)) return null;
    return events.filter(function (event) {
      return event && event.type === previous.type && Array.isArray(event.mentions) && event.mentions.some(function (mention) {
        return mention && mention.document === first.document && isSpan(mention.sentence) && mention.sentence.start === first.sentence.start;
      });
    })[0] || null;
  }

  function involves(event, entityId) {
    if (entityId == null || !event) return false;
    var id = String(entityId);
    var has = function (ids) { return Array.isArray(ids) && ids.some(function (other) { return String(other) === id; }); };
    return has(event.sources) || has(event.targets) || (event.place != null && String(event.place) === id);
  }

  // ---------------------------------------------------------------------------------------
  // Citations: each report of an event, as the sentence cut around its trigger.

  // [{position (index in event.mentions), document, sentence, trigger, before, triggerText,
  //   after}] in the event's order. The pieces are the document's text with its line breaks
  // and runs of spaces made single spaces; a trigger outside its sentence is not marked.
  function citations(event, documentsById) {
    var mentions = event && Array.isArray(event.mentions) ? event.mentions : [];
    var out = [];
    mentions.forEach(function (mention, position) {
      if (!mention) return;
      var document = documentsById[mention.document];
      var text = document && typeof document.text === 'string' ? document.text : null;
      var sentence = isSpan(mention.sentence) ? mention.sentence : null;
      var trigger = isSpan(mention.trigger) ? mention.trigger : null;
      var citation = { position: position, document: String(mention.document), sentence: sentence, trigger: trigger,
        before: '', triggerText: '', after: '' };
      if (text != null && sentence && sentence.end <= text.length) {
        if (trigger && trigger.start >= sentence.start && trigger.end <= sentence.end && trigger.start < trigger.end) {
          citation.before = squash(text.slice(sentence.start, trigger.start)).replace(/^ /, '');
          citation.triggerText = squash(text.slice(trigger.start, trigger.end));
          citation.after = squash(text.slice(trigger.end, sentence.end)).replace(/ $/, '');
        } else {
          citation.before = oneLine(text.slice(sentence.start, sentence.end));
        }
      } else {
        citation.before = oneLine(mention.text);
      }
      out.push(citation);
    });
    return out;
  }

  function squash(text) {
    return String(text).replace(/\s+/g, ' ');
  }

  // ---------------------------------------------------------------------------------------
  // The model of a result's events: cards in timeline order, grouped by date.

  // Returns {items: [card], groups: [{key, precision, heading, short, datetime, items}],
  //          summary: {total, several, uncertain, negated, undated}, articleCount}.
  // A card: {event, key, label, type, status, date, sources, targets, place (entities),
  //          documents (ids, in the result's order), citations, order}.
  // Dated groups come first, in date order; the events without a date come last, in one
  // group. Inside a group, cards keep the order of their first report in the articles.
  function buildModel(result) {
    var events = result && Array.isArray(result.events) ? result.events.filter(function (event) { return event && typeof event === 'object'; }) : [];
    var documents = result && Array.isArray(result.documents) ? result.documents.filter(Boolean) : [];
    var documentsById = Object.create(null);
    var documentRank = Object.create(null);
    documents.forEach(function (document, rank) { documentsById[document.id] = document; documentRank[document.id] = rank; });
    var entities = result && Array.isArray(result.entities) ? result.entities : [];
    var entitiesById = Object.create(null);
    entities.forEach(function (entity) { if (entity && entity.id != null) entitiesById[String(entity.id)] = entity; });
    var entityById = function (id) { return id == null ? null : entitiesById[String(id)] || null; };
    var entityList = function (ids) {
      var seen = Object.create(null);
      return (Array.isArray(ids) ? ids : []).map(entityById).filter(function (entity) {
        if (!entity || seen[entity.id]) return false;
        seen[entity.id] = true;
        return true;
      });
    };

    var items = events.map(function (event, index) {
      var cited = citations(event, documentsById);
      var inDocuments = [];
      cited.forEach(function (citation) { if (inDocuments.indexOf(citation.document) < 0) inDocuments.push(citation.document); });
      inDocuments.sort(function (a, b) { return rankOf(a) - rankOf(b); });
      // Where it is first told: the earliest article, then the earliest sentence there.
      var first = cited.slice().sort(function (a, b) {
        return rankOf(a.document) - rankOf(b.document) || startOf(a) - startOf(b);
      })[0];
      return {
        event: event,
        key: keyOf(event),
        label: eventLabel(event, entityById),
        type: typeInfo(event),
        status: statusInfo(event.status),
        date: parseDate(event.date),
        sources: entityList(event.sources),
        targets: entityList(event.targets),
        place: entityById(event.place),
        documents: inDocuments,
        citations: cited,
        order: first ? [rankOf(first.document), startOf(first), index] : [Infinity, 0, index],
      };
    });

    function rankOf(id) { return id in documentRank ? documentRank[id] : documents.length; }
    function startOf(citation) { return citation.sentence ? citation.sentence.start : 0; }

    items.sort(function (a, b) {
      var da = a.date.precision === 'none' ? '\uffff' : a.date.sortKey;
      var db = b.date.precision === 'none' ? '\uffff' : b.date.sortKey;
      if (da !== db) return da < db ? -1 : 1;
      for (var i = 0; i < 3; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
      return 0;
    });

    var groups = [];
    items.forEach(function (item) {
      var key = item.date.precision === 'none' ? 'undated' : item.date.group;
      var last = groups[groups.length - 1];
      if (last && last.key === key) { last.items.push(item); return; }
      var groupDate = item.date.precision === 'none' || item.date.precision === 'other' ? item.date : parseDate(item.date.group);
      groups.push({
        key: key,
        precision: item.date.precision,
        heading: item.date.precision === 'none' ? 'Date unknown' : capitalise(formatDate(groupDate, 'day')),
        short: formatDate(groupDate, 'short'),
        datetime: item.date.precision === 'none' ? '' : item.date.group,
        items: [item],
      });
    });

    var summary = { total: items.length, several: 0, uncertain: 0, negated: 0, undated: 0 };
    items.forEach(function (item) {
      if (item.documents.length > 1) summary.several++;
      if (item.status.status === 'planned' || item.status.status === 'possible') summary.uncertain++;
      if (item.status.status === 'negated') summary.negated++;
      if (item.date.precision === 'none') summary.undated++;
    });
    return { items: items, groups: groups, summary: summary, articleCount: documents.length };
  }

  function capitalise(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  // "Told by both articles", "Told by 2 of 3 articles", "Told by 1 article, twice".
  function toldBy(documentCount, articleCount, citationCount) {
    var text;
    if (documentCount === 2 && articleCount === 2) text = 'Told by both articles';
    else if (documentCount > 2 && documentCount === articleCount) text = 'Told by all ' + documentCount + ' articles';
    else if (articleCount > documentCount && documentCount > 1) text = 'Told by ' + documentCount + ' of ' + articleCount + ' articles';
    else text = 'Told by ' + plural(documentCount, 'article', 'articles');
    if (citationCount > documentCount) text += ' (' + plural(citationCount, 'sentence', 'sentences') + ')';
    return text;
  }

  // The summary line above the timeline.
  function summaryText(model) {
    var summary = model.summary;
    var parts = [plural(summary.total, 'event', 'events')];
    if (model.articleCount > 1) {
      parts.push(summary.several + ' told by ' + (model.articleCount === 2 ? 'both articles' : 'more than one article'));
    }
    if (summary.uncertain) parts.push(summary.uncertain + ' planned or possible');
    if (summary.negated) parts.push(summary.negated + ' did not happen');
    if (summary.undated) parts.push(summary.undated + ' without a date');
    return parts.join(' · ');
  }

  // The citations of `event` in one document: [{position, sentence, trigger, current}] in
  // the text's order, for marking them in the article. `position` is the citation shown
  // last (or null).
  function rangesIn(event, documentId, position) {
    var mentions = event && Array.isArray(event.mentions) ? event.mentions : [];
    var out = [];
    mentions.forEach(function (mention, index) {
      if (!mention || mention.document !== documentId || !isSpan(mention.sentence)) return;
      out.push({ position: index, sentence: mention.sentence, trigger: isSpan(mention.trigger) ? mention.trigger : null, current: index === position });
    });
    return out.sort(function (a, b) { return a.sentence.start - b.sentence.start || a.position - b.position; });
  }

  // The indexes of an event's reports (event.mentions) in reading order: the articles in
  // `documentOrder`, then the text's order.
  function readingOrder(event, documentOrder) {
    var mentions = event && Array.isArray(event.mentions) ? event.mentions : [];
    var rank = function (id) { var at = documentOrder.indexOf(id); return at < 0 ? documentOrder.length : at; };
    var start = function (mention) { return mention && isSpan(mention.sentence) ? mention.sentence.start : 0; };
    return mentions.map(function (mention, index) { return index; }).filter(function (index) { return !!mentions[index]; })
      .sort(function (a, b) {
        return rank(mentions[a].document) - rank(mentions[b].document) || start(mentions[a]) - start(mentions[b]) || a - b;
      });
  }

  // The report to show after report `position` (null: none shown in the active article)
  // when stepping by delta (+1 or -1), in reading order, round the ends. From an article
  // that does not tell the event, the first report of the next article that does (the
  // last of the previous one for -1). Returns an index into event.mentions, or null.
  function stepReport(event, documentOrder, activeDocument, position, delta) {
    var order = readingOrder(event, documentOrder);
    if (order.length === 0) return null;
    var at = position == null ? -1 : order.indexOf(position);
    if (at >= 0) return order[(at + delta + order.length) % order.length];
    var here = documentOrder.indexOf(activeDocument);
    var mentions = event.mentions;
    var ahead = order.filter(function (index) {
      var rank = documentOrder.indexOf(mentions[index].document);
      return delta > 0 ? rank > here : rank < here;
    });
    if (ahead.length) return delta > 0 ? ahead[0] : ahead[ahead.length - 1];
    return delta > 0 ? order[0] : order[order.length - 1];
  }

  // ---------------------------------------------------------------------------------------
  // DOM


  function icon(name) {
    var paths = {
      when: 'M7 3v3M17 3v3M4 8h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z',
      where: 'M12 21s-6-5.3-6-10a6 6 0 0 1 12 0c0 4.7-6 10-6 10zM12 13a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
      who: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20a6 6 0 0 1 12 0M16 5.3a3 3 0 0 1 0 5.4M21 20a6 6 0 0 0-4-5.6',
      told: 'M4 5h11v14H6a2 2 0 0 1-2-2V5zM15 9h5v8a2 2 0 0 1-2 2h-3',
    };
    var svg = strokeIcon(paths[name], '1.8');
    svg.setAttribute('class', 'event-icon');
    return svg;
  }

  // A line drawing in the text's colour, hidden from assistive technology.
  function strokeIcon(d, width) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', width);
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
    return svg;
  }

  // The type badge: "CONSULT · visit", tinted by tone, its gloss as a tooltip.
  function typeBadge(type) {
    var badge = element('span', 'event-type');
    badge.dataset.tone = type.tone;
    badge.appendChild(element('span', 'event-type__name', type.type));
    if (type.mode) {
      badge.appendChild(element('span', 'event-type__mode', type.mode));
    }
    if (type.gloss) badge.title = type.type + ': ' + type.gloss;
    return badge;
  }

  function statusBadge(status) {
    if (!status.badge) return null;
    var badge = element('span', 'event-status', status.badge);
    badge.dataset.status = status.status;
    badge.title = status.description;
    return badge;
  }

  // A participant: a button coloured like the entity's mentions (type and shade), which
  // selects the entity.
  function entityChip(entity, card, options) {
    var id = String(entity.id);
    var selected = options.selectedId != null && String(options.selectedId) === id;
    var chip = element('button', 'event-chip' + (selected ? ' is-selected' : ''));
    chip.type = 'button';
    chip.dataset.family = String(entity.type);
    chip.dataset.shade = String(options.index ? options.index.shade(id) : 0);
    chip.dataset.entity = id;
    chip.dataset.focus = 'chip:' + card.key + ':' + id;
    chip.setAttribute('aria-pressed', selected ? 'true' : 'false');
    chip.appendChild(element('span', 'event-chip__name', oneLine(entity.name)));
    chip.title = selected ? 'Clear the selection of ' + oneLine(entity.name) : 'Highlight ' + oneLine(entity.name) + ' everywhere';
    chip.addEventListener('click', function () { options.onSelectEntity(selected ? null : id); });
    return chip;
  }

  function fact(kind, label, content) {
    var row = element('div', 'event-fact event-fact--' + kind);
    var term = element('dt', 'event-fact__term');
    term.appendChild(icon(kind));
    term.appendChild(element('span', 'visually-hidden', label));
    term.title = label;
    row.appendChild(term);
    var value = element('dd', 'event-fact__value');
    value.appendChild(content);
    row.appendChild(value);
    return row;
  }

  function chipList(entities, card, options) {
    var list = element('span', 'event-chips');
    entities.forEach(function (entity, index) {
      if (index > 0) list.appendChild(element('span', 'event-chips__and', index === entities.length - 1 ? ' and ' : ', '));
      list.appendChild(entityChip(entity, card, options));
    });
    return list;
  }

  // One card. options: {index, selectedId, citedKey, articleLabel(id), articleCount,
  // expanded (key → true), showSentences, onCite(event, position), onSelectEntity(id),
  // onToggle(key)}.
  function renderCard(card, options) {
    var node = element('article', 'event-card');
    node.dataset.status = card.status.status;
    node.dataset.type = card.type.type;
    node.dataset.event = String(card.event.id);
    node.dataset.focus = 'card:' + card.key;
    node.tabIndex = -1;
    if (options.citedKey === card.key) node.classList.add('is-cited');
    var dimmed = options.selectedId != null && !involves(card.event, options.selectedId);
    if (dimmed) node.classList.add('is-dimmed');
    var labelId = 'event-label-' + String(card.event.id).replace(/[^\w-]/g, '_');
    node.setAttribute('aria-labelledby', labelId);

    var head = element('div', 'event-card__head');
    head.appendChild(typeBadge(card.type));
    var badge = statusBadge(card.status);
    if (badge) head.appendChild(badge);
    if (card.type.cameo) {
      var cameo = element('span', 'event-card__cameo', 'CAMEO ' + card.type.cameo);
      cameo.title = card.type.cameoHint;
      head.appendChild(cameo);
    }
    node.appendChild(head);

    var title = element('h4', 'event-card__label');
    title.id = labelId;
    title.appendChild(element('span', 'event-card__label-text', card.label));
    if (card.status.status === 'negated') title.appendChild(element('span', 'visually-hidden', ' (did not happen)'));
    else if (card.status.badge) title.appendChild(element('span', 'visually-hidden', ' (' + card.status.word + ')'));
    node.appendChild(title);

    var facts = element('dl', 'event-card__facts');
    if (card.sources.length || card.targets.length) {
      var who = element('span', 'event-who');
      if (card.sources.length) who.appendChild(chipList(card.sources, card, options));
      if (card.targets.length) {
        var arrow = element('span', 'event-who__arrow', '→');
        arrow.setAttribute('aria-hidden', 'true');
        arrow.title = 'acting towards';
        who.appendChild(arrow);
        who.appendChild(element('span', 'visually-hidden', card.sources.length ? ' towards ' : 'towards '));
        who.appendChild(chipList(card.targets, card, options));
      }
      facts.appendChild(fact('who', 'Who', who));
    }
    if (card.place) facts.appendChild(fact('where', 'Where', entityChip(card.place, card, options)));
    var when = element('span', 'event-when' + (card.date.precision === 'none' ? ' is-unknown' : ''));
    if (card.date.precision === 'none') {
      when.textContent = 'date unknown';
    } else {
      var time = element('time', null, formatDate(card.date));
      time.setAttribute('datetime', card.date.value);
      when.appendChild(time);
    }
    facts.appendChild(fact('when', 'When', when));
    node.appendChild(facts);

    // The quote of a statement, unless every sentence shown already holds it whole.
    var quoted = oneLine(card.event.quote);
    var inSentences = options.showSentences !== false && card.citations.length > 0 && card.citations.every(function (citation) {
      return oneLine(citation.before + citation.triggerText + citation.after).indexOf(quoted) >= 0;
    });
    if (quoted && !inSentences) {
      var quote = element('blockquote', 'event-card__quote');
      quote.appendChild(element('p', null, oneLine(card.event.quote)));
      node.appendChild(quote);
    }

    node.appendChild(renderCitations(card, options));

    // A click on the card outside its buttons shows its first report, unless it ends a
    // text selection (a reader copying a sentence).
    node.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('button, a, input')) return;
      var picked = window.getSelection && window.getSelection();
      if (picked && !picked.isCollapsed && node.contains(picked.anchorNode)) return;
      var first = firstCitation(card);
      if (first) options.onCite(card.event, first.position);
    });
    return node;
  }

  // The citations a card shows, at most `limit`, in reading order: the first of each article
  // before a second of any, so that the reports of every article can be compared.
  function citationsToShow(citations, documents, limit) {
    var start = function (citation) { return citation.sentence ? citation.sentence.start : 0; };
    var ordered = citations.slice().sort(function (a, b) {
      return documents.indexOf(a.document) - documents.indexOf(b.document) || start(a) - start(b) || a.position - b.position;
    });
    var seen = Object.create(null);
    var firsts = ordered.filter(function (citation) {
      if (seen[citation.document]) return false;
      seen[citation.document] = true;
      return true;
    });
    var chosen = firsts.slice(0, limit);
    ordered.forEach(function (citation) {
      if (chosen.length < limit && chosen.indexOf(citation) < 0) chosen.push(citation);
    });
    return ordered.filter(function (citation) { return chosen.indexOf(citation) >= 0; });
  }

  function firstCitation(card) {
    return card.citations.slice().sort(function (a, b) {
      return card.documents.indexOf(a.document) - card.documents.indexOf(b.document) ||
        (a.sentence ? a.sentence.start : 0) - (b.sentence ? b.sentence.start : 0);
    })[0] || null;
  }

  // "Told by both articles", then the sentences, grouped by article in the result's order;
  // without the sentences (options.showSentences false), one button per article.
  function renderCitations(card, options) {
    var box = element('div', 'event-card__told');
    var heading = element('p', 'event-card__told-by');
    heading.appendChild(icon('told'));
    heading.appendChild(element('span', null, toldBy(card.documents.length, options.articleCount, card.citations.length)));
    box.appendChild(heading);
    if (options.showSentences === false) {
      var sources = element('ul', 'citations citations--compact');
      card.documents.forEach(function (documentId) {
        var first = card.citations.filter(function (citation) { return citation.document === documentId; })
          .sort(function (a, b) { return (a.sentence ? a.sentence.start : 0) - (b.sentence ? b.sentence.start : 0); })[0];
        var label = options.articleLabel(documentId);
        var button = citationButton(card, documentId, first.position, 'citation citation--compact',
          'Show this event in “' + label + '”', options);
        button.appendChild(element('span', 'citation__source', label));
        var item = element('li', 'citations__item');
        item.appendChild(button);
        sources.appendChild(item);
      });
      box.appendChild(sources);
      return box;
    }
    var expanded = !!(options.expanded && options.expanded[card.key]);
    var chosen = citationsToShow(card.citations, card.documents, expanded ? Infinity : MAX_CITATIONS_SHOWN);
    var hidden = card.citations.length - chosen.length;
    var list = element('ul', 'citations');
    card.documents.forEach(function (documentId) {
      var mine = chosen.filter(function (citation) { return citation.document === documentId; });
      mine.forEach(function (citation) {
        var label = options.articleLabel(documentId);
        var button = citationButton(card, documentId, citation.position, 'citation',
          'Show this sentence in “' + label + '”', options);
        // The article's name once above its sentences (still read out for each).
        button.appendChild(element('span', 'citation__source' + (mine.indexOf(citation) > 0 ? ' visually-hidden' : ''), label));
        var quote = element('span', 'citation__text');
        if (citation.before) quote.appendChild(document.createTextNode(citation.before));
        if (citation.triggerText) quote.appendChild(element('mark', 'event-trigger', citation.triggerText));
        if (citation.after) quote.appendChild(document.createTextNode(citation.after));
        button.appendChild(quote);
        var item = element('li', 'citations__item');
        item.appendChild(button);
        list.appendChild(item);
      });
    });
    box.appendChild(list);
    if (hidden > 0 || expanded && card.citations.length > MAX_CITATIONS_SHOWN) {
      var more = element('button', 'button button--small citations__more',
        expanded ? 'Show fewer sentences' : 'Show ' + plural(hidden, 'more sentence', 'more sentences'));
      more.type = 'button';
      more.dataset.focus = 'more:' + card.key;
      more.setAttribute('aria-expanded', expanded ? 'true' : 'false');
      more.addEventListener('click', function () { options.onToggle(card.key); });
      box.appendChild(more);
    }
    return box;
  }

  // A button that opens the card's event at one of its sentences in an article.
  function citationButton(card, documentId, position, className, title, options) {
    var button = element('button', className);
    button.type = 'button';
    button.dataset.document = documentId;
    button.dataset.position = String(position);
    button.dataset.focus = 'cite:' + card.key + ':' + position;
    button.title = title;
    button.addEventListener('click', function () { options.onCite(card.event, position); });
    return button;
  }

  function groupId(key) {
    return 'events-' + String(key).replace(/[^\w-]/g, '_');
  }

  // The compact date axis: one stop per date group, with a dot per event (filled: happened;
  // hollow: planned or possible; crossed: did not happen). Each stop jumps to its group.
  function renderAxis(model, options) {
    var nav = element('nav', 'date-axis');
    nav.setAttribute('aria-label', 'Dates of the events');
    var list = element('ol', 'date-axis__stops');
    model.groups.forEach(function (group) {
      var item = element('li', 'date-axis__stop' + (group.key === 'undated' ? ' is-undated' : ''));
      var button = element('button', 'date-axis__button');
      button.type = 'button';
      button.dataset.focus = 'axis:' + group.key;
      button.dataset.group = group.key;
      button.appendChild(element('span', 'date-axis__label', group.short));
      var dots = element('span', 'date-axis__dots');
      dots.setAttribute('aria-hidden', 'true');
      group.items.slice(0, MAX_AXIS_DOTS).forEach(function (item) {
        var dot = element('span', 'date-axis__dot');
        dot.dataset.status = item.status.status;
        dot.dataset.tone = item.type.tone;
        if (options.selectedId != null && !involves(item.event, options.selectedId)) dot.classList.add('is-dimmed');
        dots.appendChild(dot);
      });
      if (group.items.length > MAX_AXIS_DOTS) dots.appendChild(element('span', 'date-axis__more', '+' + (group.items.length - MAX_AXIS_DOTS)));
      button.appendChild(dots);
      button.setAttribute('aria-label', group.heading + ': ' + plural(group.items.length, 'event', 'events'));
      button.addEventListener('click', function () {
        var target = document.getElementById(groupId(group.key));
        if (!target) return;
        target.scrollIntoView({ block: 'start', behavior: options.smooth ? 'smooth' : 'auto' });
        target.focus({ preventScroll: true });
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    nav.appendChild(list);
    return nav;
  }

  // Fills the Events view. options as renderCard's, plus {result, emptyText, selectedName,
  // smooth, onSentences(on)}. Returns the model shown.
  function renderView(container, options) {
    var focusKey = null;
    var active = document.activeElement;
    if (active && container.contains(active) && active.dataset) focusKey = active.dataset.focus || null;
    container.replaceChildren();
    var model = buildModel(options.result);

    var head = element('div', 'events__head');
    var heading = element('h2', 'events__title', 'Events');
    heading.id = 'events-title';
    head.appendChild(heading);
    if (model.items.length) {
      head.appendChild(element('p', 'events__summary', summaryText(model)));
      var toggle = element('label', 'toggle toggle--small events__sentences');
      var box = element('input');
      box.type = 'checkbox';
      box.checked = options.showSentences !== false;
      box.dataset.focus = 'sentences';
      box.addEventListener('change', function () { options.onSentences(box.checked); });
      toggle.appendChild(box);
      toggle.appendChild(document.createTextNode('Show the sentences'));
      head.appendChild(toggle);
    }
    container.appendChild(head);

    if (!model.items.length) {
      var empty = element('div', 'empty-state events__empty');
      empty.appendChild(element('p', 'empty-state__title', 'No events'));
      empty.appendChild(element('p', null, options.emptyText || 'No events were found in these articles.'));
      container.appendChild(empty);
      return model;
    }

    if (options.selectedId != null) {
      var count = model.items.filter(function (item) { return involves(item.event, options.selectedId); }).length;
      container.appendChild(element('p', 'events__selection',
        count + ' of ' + plural(model.items.length, 'event', 'events') + ' involve ' + (options.selectedName || 'the selected entity') +
        (count ? '; the others are faded.' : '.')));
    }

    container.appendChild(renderAxis(model, options));

    var timeline = element('ol', 'timeline');
    timeline.setAttribute('aria-label', 'Events by date');
    model.groups.forEach(function (group) {
      var item = element('li', 'timeline__group' + (group.key === 'undated' ? ' is-undated' : ''));
      item.dataset.group = group.key;
      item.dataset.precision = group.precision;
      var title = element('h3', 'timeline__date');
      title.id = groupId(group.key);
      title.tabIndex = -1;
      if (group.datetime) {
        var time = element('time', null, group.heading);
        time.setAttribute('datetime', group.datetime);
        title.appendChild(time);
      } else {
        title.appendChild(element('span', null, group.heading));
      }
      var count = element('span', 'count', String(group.items.length));
      count.setAttribute('aria-label', plural(group.items.length, 'event', 'events'));
      title.appendChild(count);
      item.appendChild(title);
      var cards = element('ol', 'timeline__events');
      group.items.forEach(function (card) {
        var cardItem = element('li', 'timeline__event');
        cardItem.appendChild(renderCard(card, options));
        cards.appendChild(cardItem);
      });
      item.appendChild(cards);
      timeline.appendChild(item);
    });
    container.appendChild(timeline);

    if (focusKey) {
      var again = container.querySelector('[data-focus="' + focusKey.replace(/["\\]/g, '\\$&') + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    return model;
  }

  // The Events view in `container`, with what only it needs to remember: which cards show
  // all their sentences, and whether sentences are shown at all. Returns {render(options),
  // card(event)}: options as renderView's, less expanded, showSentences and the toggles.
  function createView(container) {
    var ui = { expanded: Object.create(null), sentences: true };
    var last = null;
    function render(options) {
      last = options;
      return renderView(container, Object.assign({}, options, {
        expanded: ui.expanded,
        showSentences: ui.sentences,
        onToggle: function (key) {
          if (ui.expanded[key]) delete ui.expanded[key]; else ui.expanded[key] = true;
          render(last);
        },
        onSentences: function (on) { ui.sentences = on; render(last); },
      }));
    }
    return { render: render, card: function (event) { return cardElement(container, event); } };
  }

  // The card of `event` in a rendered view, or null.
  function cardElement(container, event) {
    var key = keyOf(event);
    var cards = container.querySelectorAll('article.event-card');
    for (var i = 0; i < cards.length; i++) if (cards[i].dataset.focus === 'card:' + key) return cards[i];
    return null;
  }

  // The bar above an article while an event's sentences are marked in the articles.
  // options: {event, position, activeDocument, documentOrder, onStep(delta), onBack(),
  //           onClose()}.
  function renderCitationBar(bar, options) {
    var event = options.event;
    bar.replaceChildren();
    var type = typeInfo(event);
    var status = statusInfo(event.status);
    var mentions = Array.isArray(event.mentions) ? event.mentions : [];
    var here = mentions.filter(function (mention) { return mention && mention.document === options.activeDocument; }).length;

    var who = element('span', 'event-bar__what');
    who.appendChild(typeBadge(type));
    who.appendChild(element('strong', 'event-bar__label' + (status.status === 'negated' ? ' is-negated' : ''), oneLine(event.label) || type.type));
    var badge = statusBadge(status);
    if (badge) who.appendChild(badge);
    bar.appendChild(who);

    var where = element('span', 'event-bar__where');
    if (here === 0) {
      where.textContent = 'Not told in this article';
      where.classList.add('is-absent');
    } else {
      where.textContent = plural(here, 'sentence', 'sentences') + ' here · ' + plural(mentions.length, 'report', 'reports') + ' in all';
    }
    bar.appendChild(where);

    var nav = element('span', 'event-bar__nav');
    var previous = navButton('Previous sentence of this event', 'M15 6l-6 6 6 6', function () { options.onStep(-1); });
    var order = readingOrder(event, options.documentOrder || []);
    var rank = options.position == null ? -1 : order.indexOf(options.position);
    var position = element('span', 'event-bar__position', (rank >= 0 ? rank + 1 : '–') + ' / ' + order.length);
    position.title = rank >= 0 ? 'Report ' + (rank + 1) + ' of ' + order.length + ', in the order of the articles' : '';
    position.setAttribute('aria-live', 'polite');
    var next = navButton('Next sentence of this event', 'M9 6l6 6-6 6', function () { options.onStep(1); });
    previous.disabled = next.disabled = mentions.length < 2 && here > 0;
    nav.appendChild(previous);
    nav.appendChild(position);
    nav.appendChild(next);
    bar.appendChild(nav);

    var back = element('button', 'button button--small event-bar__back', 'Back to events');
    back.type = 'button';
    back.addEventListener('click', options.onBack);
    bar.appendChild(back);
    var close = element('button', 'icon-button event-bar__close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Stop marking this event');
    close.title = 'Stop marking this event';
    close.addEventListener('click', options.onClose);
    bar.appendChild(close);
  }

  function navButton(label, path, run) {
    var button = element('button', 'icon-button');
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.title = label;
    button.appendChild(strokeIcon(path, '2'));
    button.addEventListener('click', run);
    return button;
  }

  window.NewsAnnotator = window.NewsAnnotator || {};
  window.NewsAnnotator.events = {
    parseDate: parseDate,
    formatDate: formatDate,
    statusInfo: statusInfo,
    typeInfo: typeInfo,
    eventLabel: eventLabel,
    keyOf: keyOf,
    findAgain: findAgain,
    involves: involves,
    citations: citations,
    buildModel: buildModel,
    toldBy: toldBy,
    summaryText: summaryText,
    rangesIn: rangesIn,
    readingOrder: readingOrder,
    citationsToShow: citationsToShow,
    stepReport: stepReport,
    createView: createView,
    renderCitationBar: renderCitationBar,
  };
})();
