// Entities in the page: the index of an analysis result's entities (which mentions, in
// which articles, which shade of its type's colour), the side list of entities, and the
// content of the card shown on a mention. Defines window.NewsAnnotator.entities; app.js
// owns the state and decides when to call these.
//
// Classic script, no modules (the page must work from file://). User text reaches the DOM
// only through textContent / createTextNode, never innerHTML.
(function () {
  'use strict';

  var element = window.NewsAnnotator.dom.element;

  var NAMED_TYPES = ['PERSON', 'ORG', 'LOCATION', 'NORP', 'MISC'];
  var TYPE_NAMES = {
    PERSON: { one: 'Person', group: 'People' },
    ORG: { one: 'Organisation', group: 'Organisations' },
    LOCATION: { one: 'Place', group: 'Places' },
    NORP: { one: 'Nationality or group', group: 'Nationalities & groups' },
    MISC: { one: 'Other name', group: 'Other names' },
    DATE: { one: 'Date', group: 'Dates' },
    TIME: { one: 'Time', group: 'Times' },
  };
  // Shades per type: style.css defines [data-shade="0"] … [data-shade="7"].
  var SHADES = 8;
  var MAX_CARD_ALIASES = 8;


  function plural(count, one, many) {
    return count.toLocaleString('en') + ' ' + (count === 1 ? one : many);
  }

  function typeName(type) {
    return (TYPE_NAMES[type] && TYPE_NAMES[type].one) || String(type);
  }

  function oneLine(text) {
    return String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
  }

  // Case- and accent-insensitive form for filtering ("rey yong ho" finds "Rey Yong-ho").
  function foldForSearch(text) {
    return oneLine(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-‐‑–—.'’]/g, ' ').replace(/\s+/g, ' ');
  }

  // An alias's reason as a phrase: "surname of" names the entity it is the surname of.
  function reasonText(alias, entity) {
    var reason = oneLine(alias && alias.reason);
    if (/ of$/.test(reason) && entity && entity.name) return reason + ' ' + oneLine(entity.name);
    return reason;
  }

  function isEntity(value) {
    return value && typeof value === 'object' && value.id != null && typeof value.name === 'string';
  }

  // ---------------------------------------------------------------------------------------
  // The index of one analysis result.

  // Returns {entities, get(id), shade(id), occurrences(id), countIn(id, documentId),
  // total(id), documents(id)}. Occurrences are {document, index} (an index into that
  // document's mentions), in the order of the result's documents, then of the text.
  // Shades: the n-th entity of a type (in id order, which follows first appearance) gets
  // shade n mod 8, so the first eight people all look different and a colour stays put
  // when an article is appended.
  function buildIndex(result) {
    var entities = result && Array.isArray(result.entities) ? result.entities.filter(isEntity) : [];
    var byId = Object.create(null);
    var shades = Object.create(null);
    var perType = Object.create(null);
    entities.slice().sort(function (a, b) { return Number(a.id) - Number(b.id); }).forEach(function (entity) {
      var key = String(entity.id);
      byId[key] = entity;
      var type = String(entity.type);
      perType[type] = perType[type] || 0;
      shades[key] = perType[type]++ % SHADES;
    });

    var occurrences = Object.create(null);
    var counts = Object.create(null); // id -> {documentId: count}
    var documentOrder = [];
    (result && Array.isArray(result.documents) ? result.documents : []).forEach(function (document) {
      if (!document || !Array.isArray(document.mentions)) return;
      documentOrder.push(document.id);
      document.mentions.forEach(function (mention, index) {
        if (!mention || mention.entity == null) return;
        var key = String(mention.entity);
        if (!byId[key]) return;
        (occurrences[key] = occurrences[key] || []).push({ document: document.id, index: index });
        var perDocument = counts[key] = counts[key] || Object.create(null);
        perDocument[document.id] = (perDocument[document.id] || 0) + 1;
      });
    });

    return {
      entities: entities,
      get: function (id) { return id == null || id === '' ? null : byId[String(id)] || null; },
      shade: function (id) { return shades[String(id)] || 0; },
      occurrences: function (id) { return occurrences[String(id)] || []; },
      countIn: function (id, documentId) {
        var perDocument = counts[String(id)];
        return perDocument ? perDocument[documentId] || 0 : 0;
      },
      // The entity's own count when the core gives one, else the mentions found.
      total: function (id) {
        var entity = byId[String(id)];
        if (entity && typeof entity.mentions === 'number') return entity.mentions;
        return (occurrences[String(id)] || []).length;
      },
      // [{id, count}] for the documents the entity appears in, in the result's order.
      documents: function (id) {
        var perDocument = counts[String(id)] || {};
        return documentOrder.filter(function (documentId) { return perDocument[documentId] > 0; })
          .map(function (documentId) { return { id: documentId, count: perDocument[documentId] }; });
      },
    };
  }

  // What identifies an entity across analyses (ids are positions and change when an
  // article is added or removed).
  function keyOf(entity) {
    return entity ? String(entity.type) + '\u0000' + oneLine(entity.name) : '';
  }

  // The entity of a new index that continues a selected one: same type and name, else one
  // of the same type that now lists the old name among its aliases. Null when gone.
  function findAgain(index, previous) {
    if (!previous) return null;
    var key = keyOf(previous);
    var name = oneLine(previous.name);
    var same = null;
    var absorbed = null;
    index.entities.forEach(function (entity) {
      if (same) return;
      if (keyOf(entity) === key) same = entity;
      else if (!absorbed && String(entity.type) === String(previous.type) && Array.isArray(entity.aliases) &&
        entity.aliases.some(function (alias) { return alias && oneLine(alias.text) === name; })) absorbed = entity;
    });
    return same || absorbed;
  }

  // An element showing an entity's colour (its type's family, its own shade).
  function swatch(family, shade) {
    var node = element('span', 'entity-swatch');
    node.dataset.family = family;
    if (shade != null) node.dataset.shade = String(shade);
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // The side list.

  // Fills `container` with the entities grouped by type, most mentioned first.
  // options: {selectedId, activeDocument, filter, onlyActive, articleLabel(id),
  //           onSelect(id), onJump(id, documentId)}. Returns the number of entities shown.
  function renderList(container, index, options) {
    var focusedId = null;
    var focusedDocument = null;
    var active = document.activeElement;
    if (active && container.contains(active)) {
      focusedId = active.dataset.entity || null;
      focusedDocument = active.dataset.document || null;
    }
    container.replaceChildren();

    var query = foldForSearch(options.filter || '');
    var shown = 0;
    var groups = Object.create(null);
    index.entities.forEach(function (entity) {
      var id = String(entity.id);
      if (options.onlyActive && index.countIn(id, options.activeDocument) === 0 && id !== String(options.selectedId)) return;
      var matchedAlias = null;
      if (query) {
        if (foldForSearch(entity.name).indexOf(query) < 0) {
          var aliases = Array.isArray(entity.aliases) ? entity.aliases : [];
          for (var a = 0; a < aliases.length && !matchedAlias; a++) {
            if (aliases[a] && foldForSearch(aliases[a].text).indexOf(query) >= 0) matchedAlias = aliases[a];
          }
          if (!matchedAlias) return;
        }
      }
      var type = NAMED_TYPES.indexOf(String(entity.type)) >= 0 ? String(entity.type) : 'MISC';
      (groups[type] = groups[type] || []).push({ entity: entity, matchedAlias: matchedAlias });
    });

    NAMED_TYPES.forEach(function (type) {
      var members = groups[type];
      if (!members) return;
      members.sort(function (a, b) {
        return index.total(b.entity.id) - index.total(a.entity.id) ||
          oneLine(a.entity.name).localeCompare(oneLine(b.entity.name), 'en') || Number(a.entity.id) - Number(b.entity.id);
      });
      var group = element('section', 'entity-group');
      var heading = element('h3', 'entity-group__title', TYPE_NAMES[type].group + ' ');
      heading.appendChild(element('span', 'count', String(members.length)));
      group.appendChild(heading);
      var list = element('ul', 'entity-list__items');
      members.forEach(function (member) {
        list.appendChild(listItem(member.entity, member.matchedAlias, index, options));
        shown++;
      });
      group.appendChild(list);
      container.appendChild(group);
    });

    if (focusedId != null) {
      var selector = focusedDocument != null
        ? '[data-entity="' + cssString(focusedId) + '"][data-document="' + cssString(focusedDocument) + '"]'
        : 'button.entity-button[data-entity="' + cssString(focusedId) + '"]';
      var again = container.querySelector(selector) || container.querySelector('button.entity-button[data-entity="' + cssString(focusedId) + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    return shown;
  }

  function cssString(value) {
    return String(value).replace(/["\\]/g, '\\$&');
  }

  function listItem(entity, matchedAlias, index, options) {
    var id = String(entity.id);
    var selected = options.selectedId != null && String(options.selectedId) === id;
    var aliases = Array.isArray(entity.aliases) ? entity.aliases.filter(function (alias) { return alias && alias.text; }) : [];
    var total = index.total(id);
    var documents = index.documents(id);

    var item = element('li', 'entity-item' + (selected ? ' is-selected' : ''));
    var button = element('button', 'entity-button');
    button.type = 'button';
    button.dataset.entity = id;
    button.setAttribute('aria-pressed', selected ? 'true' : 'false');
    button.appendChild(swatch(String(entity.type), index.shade(id)));
    var text = element('span', 'entity-button__text');
    text.appendChild(element('span', 'entity-button__name', oneLine(entity.name)));
    var meta = [];
    var titles = Array.isArray(entity.titles) ? entity.titles : [];
    if (titles.length) meta.push(oneLine(titles[0]));
    if (aliases.length) meta.push(plural(aliases.length, 'alias', 'aliases'));
    meta.push(plural(documents.length, 'article', 'articles'));
    if (matchedAlias) meta.push('as “' + oneLine(matchedAlias.text) + '”');
    text.appendChild(element('span', 'entity-button__meta', meta.join(' · ')));
    button.appendChild(text);
    var count = element('span', 'entity-button__count', String(total));
    count.setAttribute('aria-label', plural(total, 'mention', 'mentions'));
    count.title = plural(total, 'mention', 'mentions') + ' in all articles';
    button.appendChild(count);
    button.title = selected ? 'Clear the selection' : 'Highlight every mention of ' + oneLine(entity.name);
    button.addEventListener('click', function () { options.onSelect(selected ? null : id); });
    item.appendChild(button);

    if (selected) item.appendChild(details(entity, aliases, documents, options));
    return item;
  }

  function details(entity, aliases, documents, options) {
    var box = element('div', 'entity-details');
    if (aliases.length) {
      box.appendChild(element('p', 'entity-details__label', 'Also written as'));
      var list = element('ul', 'alias-list');
      aliases.forEach(function (alias) {
        var item = element('li');
        item.appendChild(element('span', 'alias-list__text', oneLine(alias.text)));
        var reason = reasonText(alias, entity);
        if (reason) item.appendChild(element('span', 'alias-list__reason', reason));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.appendChild(element('p', 'entity-details__label', 'Mentions per article'));
    var perArticle = element('ul', 'entity-documents');
    // The first hundred articles are listed, and how many more: a list of 10,000 took the
    // page two seconds to lay out at each selection. Next and Previous step through all.
    documents.slice(0, ARTICLES_LISTED).forEach(function (document) {
      var item = element('li');
      var jump = element('button', 'entity-documents__button' + (document.id === options.activeDocument ? ' is-active' : ''));
      jump.type = 'button';
      jump.dataset.entity = String(entity.id);
      jump.dataset.document = document.id;
      var label = options.articleLabel(document.id);
      jump.appendChild(element('span', 'entity-documents__title', label));
      var count = element('span', 'entity-documents__count', String(document.count));
      jump.appendChild(count);
      jump.setAttribute('aria-label', 'Go to the first of ' + plural(document.count, 'mention', 'mentions') + ' in ' + label);
      if (document.id === options.activeDocument) jump.setAttribute('aria-current', 'true');
      jump.addEventListener('click', function () { options.onJump(String(entity.id), document.id); });
      item.appendChild(jump);
      perArticle.appendChild(item);
    });
    box.appendChild(perArticle);
    if (documents.length > ARTICLES_LISTED) {
      box.appendChild(element('p', 'entity-details__more muted', 'And ' + plural(documents.length - ARTICLES_LISTED, 'more article', 'more articles') +
        ': step through them with Next and Previous.'));
    }
    return box;
  }
  var ARTICLES_LISTED = 100;

  // ---------------------------------------------------------------------------------------
  // The card shown on hover or focus of a mention.

  // options: {mention, entity (or null), index, selected}. Returns a DocumentFragment.
  function cardContent(options) {
    var mention = options.mention || {};
    var entity = options.entity;
    var type = String(mention.type || 'MISC');
    var written = oneLine(mention.text);
    var fragment = document.createDocumentFragment();
    var head = element('div', 'mention-card__head');

    if (!entity) {
      head.appendChild(swatch(type, null));
      head.appendChild(element('strong', 'mention-card__name', written));
      head.appendChild(element('span', 'mention-card__type', typeName(type)));
      fragment.appendChild(head);
      correctedLines(fragment, mention, null);
      if (type === 'DATE' || type === 'TIME') {
        var value = mention.value == null ? '' : String(mention.value);
        var line = element('p', 'mention-card__line');
        if (value) {
          line.appendChild(document.createTextNode('Value '));
          line.appendChild(element('code', 'mention-card__value', value));
        } else {
          line.textContent = 'Unresolved: there is no date to resolve it against.';
        }
        fragment.appendChild(line);
      } else {
        fragment.appendChild(element('p', 'mention-card__line muted', 'Not linked to an entity.'));
      }
      return fragment;
    }

    var id = String(entity.id);
    var family = String(entity.type);
    var name = oneLine(entity.name);
    var aliases = Array.isArray(entity.aliases) ? entity.aliases.filter(function (alias) { return alias && alias.text; }) : [];
    head.appendChild(swatch(family, options.index.shade(id)));
    head.appendChild(element('strong', 'mention-card__name', name));
    head.appendChild(element('span', 'mention-card__type', typeName(family)));
    fragment.appendChild(head);
    var titles = Array.isArray(entity.titles) ? entity.titles.map(oneLine) : [];
    if (titles.length) fragment.appendChild(element('p', 'mention-card__line mention-card__titles', titles.join(' · ')));
    correctedLines(fragment, mention, entity);

    if (written && written !== name) {
      var here = element('p', 'mention-card__line');
      here.appendChild(document.createTextNode('Written here as '));
      here.appendChild(element('q', 'mention-card__written', written));
      var own = aliases.filter(function (alias) { return oneLine(alias.text) === written; })[0];
      var reason = own ? reasonText(own, entity) : '';
      if (reason) here.appendChild(document.createTextNode(' — ' + reason));
      if (type !== family) here.appendChild(document.createTextNode(' (' + typeName(type).toLowerCase() + ')'));
      fragment.appendChild(here);
    }

    if (aliases.length) {
      fragment.appendChild(element('p', 'mention-card__label', 'Also written as'));
      var list = element('ul', 'mention-card__aliases');
      aliases.slice(0, MAX_CARD_ALIASES).forEach(function (alias) {
        var item = element('li');
        item.appendChild(element('span', 'mention-card__alias', oneLine(alias.text)));
        var why = reasonText(alias, entity);
        if (why) item.appendChild(element('span', 'mention-card__reason', ' — ' + why));
        list.appendChild(item);
      });
      if (aliases.length > MAX_CARD_ALIASES) {
        list.appendChild(element('li', 'muted', 'and ' + (aliases.length - MAX_CARD_ALIASES) + ' more (see the list of entities)'));
      }
      fragment.appendChild(list);
    }

    var total = options.index.total(id);
    var articles = options.index.documents(id).length;
    fragment.appendChild(element('p', 'mention-card__stats',
      plural(total, 'mention', 'mentions') + ' in ' + plural(articles, 'article', 'articles')));
    fragment.appendChild(element('p', 'mention-card__hint', options.selected
      ? 'Selected. Click or press Enter to clear.'
      : 'Click or press Enter to highlight every mention.'));
    return fragment;
  }

  // What the user's corrections changed here (corrections.js marks them).
  function correctedLines(fragment, mention, entity) {
    var notes = (entity && Array.isArray(entity.corrected) ? entity.corrected : []).slice();
    if (mention && mention.corrected) notes.unshift('this mention: ' + mention.corrected);
    notes.forEach(function (note) {
      fragment.appendChild(element('p', 'mention-card__line mention-card__corrected', 'Corrected by you: ' + note));
    });
  }

  window.NewsAnnotator = window.NewsAnnotator || {};
  window.NewsAnnotator.entities = {
    NAMED_TYPES: NAMED_TYPES,
    typeName: typeName,
    oneLine: oneLine,
    plural: plural,
    buildIndex: buildIndex,
    findAgain: findAgain,
    swatch: swatch,
    renderList: renderList,
    cardContent: cardContent,
    reasonText: reasonText,
  };
})();
