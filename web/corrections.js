// The user's corrections, applied on top of every analysis. A correction names what it
// changes by what the user saw, not by ids, because ids change with every analysis: an
// entity by its type and name and one of its mentions (its "anchor"), a mention by its
// article, text and place. Applied in order, each correction finds its target in the
// result as corrected so far, so a rename followed by a merge works as the user did it.
//
// Corrections:
//   {op: 'rename',  entity: ref, name}            the entity's canonical name
//   {op: 'merge',   entity: ref, into: ref}       all of entity's mentions join `into`
//   {op: 'split',   entity: ref, alias}           the mentions written `alias` leave entity
//   {op: 'retype',  mention: anchor, type}        one mention's type (it leaves its entity)
//   {op: 'delete',  mention: anchor}              a false mention
// ref = {type, name, anchor}; anchor = {document, start, end, text} (UTF-16 offsets).
// Every correction also has an `id` (for undo) and `at` (when it was made).
//
// apply(result, corrections) → {result, outcomes: [{id, applied, reason?}]}: a corrected
// copy of the result (the input is left alone) in which every changed entity has
// `corrected: [what was done]` and every changed mention `corrected: "…"`. A correction
// whose target is gone (the article was edited or removed) is not applied, and says why.
(function (root) {
  'use strict';

  var DATE_TYPES = { DATE: true, TIME: true };

  function squash(text) { return String(text == null ? '' : text).replace(/\s+/g, ' ').trim(); }

  function copy(value) {
    return typeof structuredClone === 'function' ? structuredClone(value) : JSON.parse(JSON.stringify(value));
  }

  // ---------------------------------------------------------------------------------------
  // Finding what a correction names

  // The mention at an anchor: the same text where it was, else the same text nearest to it
  // (the article was edited before it). Returns {document, index} or null.
  function findMention(result, anchor) {
    if (!anchor) return null;
    var documents = result.documents || [];
    for (var d = 0; d < documents.length; d++) {
      if (!documents[d] || documents[d].id !== anchor.document) continue;
      var mentions = documents[d].mentions || [];
      var best = -1;
      var bestDistance = Infinity;
      for (var i = 0; i < mentions.length; i++) {
        if (squash(mentions[i].text) !== squash(anchor.text)) continue;
        var distance = Math.abs(mentions[i].start - anchor.start);
        if (distance < bestDistance) { best = i; bestDistance = distance; }
      }
      return best < 0 ? null : { document: documents[d], index: best };
    }
    return null;
  }

  function entityById(result, id) {
    var entities = result.entities || [];
    for (var i = 0; i < entities.length; i++) if (String(entities[i].id) === String(id)) return entities[i];
    return null;
  }

  // The entity a ref names: the one its anchor belongs to, else the one of that type and
  // name, else the one of that type with that name among its aliases.
  function findEntity(result, ref) {
    if (!ref) return null;
    var found = findMention(result, ref.anchor);
    if (found) {
      var owner = found.document.mentions[found.index].entity;
      if (owner != null) {
        var entity = entityById(result, owner);
        if (entity && (!ref.type || entity.type === ref.type)) return entity;
      }
    }
    var name = squash(ref.name);
    var entities = result.entities || [];
    var byAlias = null;
    for (var i = 0; i < entities.length; i++) {
      if (ref.type && entities[i].type !== ref.type) continue;
      if (squash(entities[i].name) === name) return entities[i];
      if (!byAlias && (entities[i].aliases || []).some(function (alias) { return squash(alias.text) === name; })) byAlias = entities[i];
    }
    return byAlias;
  }

  // A ref for an entity as the user sees it now: what a new correction stores.
  function entityRef(result, entity) {
    var anchor = null;
    (result.documents || []).some(function (document) {
      return (document.mentions || []).some(function (mention) {
        if (String(mention.entity) !== String(entity.id)) return false;
        anchor = mentionAnchor(document, mention);
        return true;
      });
    });
    return { type: entity.type, name: entity.name, anchor: anchor };
  }

  function mentionAnchor(document, mention) {
    return { document: document.id, start: mention.start, end: mention.end, text: mention.text };
  }

  // ---------------------------------------------------------------------------------------
  // Changing the result

  function note(entity, what) {
    (entity.corrected = entity.corrected || []).push(what);
  }

  function nextEntityId(result) {
    return (result.entities || []).reduce(function (most, entity) { return Math.max(most, Number(entity.id) + 1); }, 0);
  }

  function eachMention(result, visit) {
    (result.documents || []).forEach(function (document) {
      (document.mentions || []).forEach(function (mention) { visit(mention, document); });
    });
  }

  // Events that named `from` name `to` instead (null: no one).
  function redirectEvents(result, from, to) {
    (result.events || []).forEach(function (event) {
      ['sources', 'targets'].forEach(function (role) {
        var ids = (event[role] || []).map(function (id) { return String(id) === String(from) ? to : id; });
        event[role] = ids.filter(function (id, index) {
          return id != null && ids.findIndex(function (other) { return String(other) === String(id); }) === index;
        });
      });
      if (event.place != null && String(event.place) === String(from)) event.place = to;
    });
  }

  function addAlias(entity, text, reason) {
    var squashed = squash(text);
    if (!squashed || squash(entity.name) === squashed) return;
    entity.aliases = entity.aliases || [];
    if (entity.aliases.some(function (alias) { return squash(alias.text) === squashed; })) return;
    entity.aliases.push({ text: text, reason: reason });
  }

  // An entity of `type` called `name` (by name or alias), or a new one.
  function entityFor(result, type, name, why) {
    var found = findEntity(result, { type: type, name: name });
    if (found) return found;
    var entity = { id: nextEntityId(result), type: type, name: squash(name), aliases: [], titles: [], mentions: 0, documents: [] };
    note(entity, why);
    result.entities.push(entity);
    return entity;
  }

  var operations = {
    rename: function (result, correction) {
      var entity = findEntity(result, correction.entity);
      var name = squash(correction.name);
      if (!entity) return 'the entity is no longer found';
      if (!name) return 'the new name is empty';
      if (name === entity.name) return null;
      var before = entity.name;
      entity.name = name;
      entity.aliases = (entity.aliases || []).filter(function (alias) { return squash(alias.text) !== name; });
      addAlias(entity, before, 'renamed by you');
      note(entity, 'renamed from “' + before + '”');
      return null;
    },

    merge: function (result, correction) {
      var from = findEntity(result, correction.entity);
      var into = findEntity(result, correction.into);
      if (!from || !into) return 'one of the two entities is no longer found';
      if (from === into) return null;
      eachMention(result, function (mention) { if (String(mention.entity) === String(from.id)) mention.entity = into.id; });
      addAlias(into, from.name, 'merged by you');
      (from.aliases || []).forEach(function (alias) { addAlias(into, alias.text, alias.reason); });
      (from.titles || []).forEach(function (title) { if ((into.titles = into.titles || []).indexOf(title) < 0) into.titles.push(title); });
      note(into, '“' + from.name + '” merged into it');
      redirectEvents(result, from.id, into.id);
      result.entities = result.entities.filter(function (entity) { return entity !== from; });
      return null;
    },

    split: function (result, correction) {
      var entity = findEntity(result, correction.entity);
      var alias = squash(correction.alias);
      if (!entity) return 'the entity is no longer found';
      var moving = [];
      eachMention(result, function (mention) {
        if (String(mention.entity) === String(entity.id) && squash(mention.text) === alias) moving.push(mention);
      });
      if (moving.length === 0) return '“' + alias + '” is no longer one of its names';
      var split = { id: nextEntityId(result), type: entity.type, name: alias, aliases: [], titles: [], mentions: 0, documents: [] };
      note(split, 'split out of “' + entity.name + '”');
      result.entities.push(split);
      moving.forEach(function (mention) { mention.entity = split.id; });
      entity.aliases = (entity.aliases || []).filter(function (other) { return squash(other.text) !== alias; });
      note(entity, '“' + alias + '” split out');
      return null;
    },

    retype: function (result, correction) {
      var found = findMention(result, correction.mention);
      if (!found) return 'the mention is no longer in its article';
      var mention = found.document.mentions[found.index];
      if (mention.type === correction.type) return null;
      var before = mention.type;
      var previous = mention.entity;
      mention.corrected = 'type changed from ' + before;
      mention.type = correction.type;
      if (DATE_TYPES[correction.type]) {
        mention.entity = null;
        if (mention.value === undefined) mention.value = null;
      } else {
        mention.entity = entityFor(result, correction.type, mention.text, 'made from a mention whose type you changed').id;
        mention.value = null;
      }
      if (previous != null && previous !== mention.entity) dropIfEmpty(result, previous, mention.entity);
      return null;
    },

    delete: function (result, correction) {
      var found = findMention(result, correction.mention);
      if (!found) return 'the mention is no longer in its article';
      var mention = found.document.mentions.splice(found.index, 1)[0];
      if (mention.entity != null) dropIfEmpty(result, mention.entity, null);
      return null;
    },
  };

  // An entity left without mentions goes, and its events name `successor` instead.
  function dropIfEmpty(result, id, successor) {
    var used = false;
    eachMention(result, function (mention) { if (String(mention.entity) === String(id)) used = true; });
    if (used) return;
    result.entities = result.entities.filter(function (entity) { return String(entity.id) !== String(id); });
    redirectEvents(result, id, successor);
  }

  // Mention counts and document lists, as the core computes them.
  function recount(result) {
    var counts = {};
    var documents = {};
    eachMention(result, function (mention, document) {
      if (mention.entity == null) return;
      var key = String(mention.entity);
      counts[key] = (counts[key] || 0) + 1;
      var list = documents[key] = documents[key] || [];
      if (list.indexOf(document.id) < 0) list.push(document.id);
    });
    result.entities.forEach(function (entity) {
      entity.mentions = counts[String(entity.id)] || 0;
      entity.documents = documents[String(entity.id)] || [];
    });
  }

  function apply(result, corrections) {
    if (!result || !Array.isArray(result.documents) || !corrections || corrections.length === 0) {
      return { result: result, outcomes: [] };
    }
    var corrected = copy(result);
    corrected.entities = corrected.entities || [];
    var outcomes = corrections.map(function (correction) {
      var operation = operations[correction && correction.op];
      var reason = operation ? operation(corrected, correction) : 'unknown correction “' + (correction && correction.op) + '”';
      return reason ? { id: correction && correction.id, applied: false, reason: reason } : { id: correction.id, applied: true };
    });
    recount(corrected);
    return { result: corrected, outcomes: outcomes };
  }

  // One line saying what a correction does, for the list of corrections.
  function describe(correction) {
    var name = function (ref) { return '“' + (ref && ref.name) + '”'; };
    var mention = function (anchor) { return '“' + (anchor && anchor.text) + '” in ' + (anchor && anchor.document); };
    switch (correction && correction.op) {
      case 'rename': return 'Renamed ' + name(correction.entity) + ' to “' + correction.name + '”';
      case 'merge': return 'Merged ' + name(correction.entity) + ' into ' + name(correction.into);
      case 'split': return 'Split “' + correction.alias + '” out of ' + name(correction.entity);
      case 'retype': return 'Made ' + mention(correction.mention) + ' a ' + correction.type;
      case 'delete': return 'Removed the mention ' + mention(correction.mention);
      default: return 'Unknown correction';
    }
  }

  var api = {
    apply: apply, describe: describe, entityRef: entityRef, mentionAnchor: mentionAnchor,
    operations: Object.keys(operations),
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else {
    root.NewsAnnotator = root.NewsAnnotator || {};
    root.NewsAnnotator.corrections = api;
  }
})(typeof self !== 'undefined' ? self : this);
