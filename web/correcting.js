// What the user sees of corrections: the dialog in which an entity or a mention is
// corrected (rename, merge into another, split a name out; change a mention's type or
// remove it), and the list of corrections made, each with its undo. The corrections
// themselves are applied by corrections.js. Defines window.NewsAnnotator.correcting.
//
// Classic script; user text reaches the DOM only through textContent and value.
(function () {
  'use strict';

  var element = window.NewsAnnotator.dom.element;

  var Corrections = window.NewsAnnotator.corrections;
  var Entities = window.NewsAnnotator.entities;
  var TYPES = [['PERSON', 'Person'], ['ORG', 'Organisation'], ['LOCATION', 'Place'], ['NORP', 'Nationality or group'],
    ['MISC', 'Other name'], ['DATE', 'Date'], ['TIME', 'Time']];


  function button(label, className, onClick) {
    var node = element('button', 'button' + (className ? ' ' + className : ''), label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function section(title) {
    var box = element('section', 'correct__section');
    box.appendChild(element('h3', 'correct__heading', title));
    return box;
  }

  var counter = 0;
  function newId() {
    counter += 1;
    return 'c' + Date.now().toString(36) + '-' + counter;
  }

  // dialog: an empty <dialog> element. onCorrect(correction) is called with each new
  // correction; the dialog then closes (the page re-renders with it applied).
  function createDialog(dialog, onCorrect) {
    var returnFocus = null;

    function commit(correction) {
      correction.id = newId();
      correction.at = new Date().toISOString();
      dialog.close();
      onCorrect(correction);
    }

    dialog.addEventListener('close', function () {
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
      returnFocus = null;
    });

    // what: {result, entity (or null), document, mention (or null)}.
    function open(what) {
      returnFocus = document.activeElement;
      dialog.replaceChildren();
      var form = element('div', 'correct');
      var title = element('h2', 'correct__title', what.entity ? 'Correct “' + Entities.oneLine(what.entity.name) + '”' : 'Correct “' + what.mention.text + '”');
      title.id = 'correct-title';
      dialog.setAttribute('aria-labelledby', title.id);
      form.appendChild(title);
      if (what.entity) entitySections(form, what);
      if (what.mention) mentionSection(form, what);
      var actions = element('div', 'correct__actions');
      actions.appendChild(button('Close', '', function () { dialog.close(); }));
      form.appendChild(actions);
      dialog.appendChild(form);
      dialog.showModal();
      var first = dialog.querySelector('input, select');
      if (first) first.focus();
    }

    function entitySections(form, what) {
      var entity = what.entity;
      var ref = Corrections.entityRef(what.result, entity);

      var rename = section('Name');
      var nameLabel = element('label', 'correct__label', 'Canonical name');
      var nameInput = element('input', 'correct__input');
      nameInput.type = 'text';
      nameInput.value = entity.name;
      nameInput.id = 'correct-name';
      nameLabel.htmlFor = nameInput.id;
      nameInput.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { event.preventDefault(); doRename(); }
      });
      function doRename() {
        if (!nameInput.value.trim() || nameInput.value.trim() === entity.name) { nameInput.focus(); return; }
        commit({ op: 'rename', entity: ref, name: nameInput.value.trim() });
      }
      rename.appendChild(nameLabel);
      var row = element('div', 'correct__row');
      row.appendChild(nameInput);
      row.appendChild(button('Rename', 'button--primary', doRename));
      rename.appendChild(row);
      form.appendChild(rename);

      var others = (what.result.entities || []).filter(function (other) { return other.id !== entity.id; })
        .sort(function (a, b) {
          return (a.type === entity.type ? 0 : 1) - (b.type === entity.type ? 0 : 1) || String(a.name).localeCompare(String(b.name), 'en');
        });
      if (others.length > 0) {
        var merge = section('Same as another entity');
        var select = element('select', 'correct__input');
        select.id = 'correct-merge';
        var choose = element('option', null, 'Choose an entity…');
        choose.value = '';
        select.appendChild(choose);
        others.forEach(function (other) {
          var option = element('option', null, Entities.oneLine(other.name) + ' (' + Entities.typeName(other.type) + ')');
          option.value = String(other.id);
          select.appendChild(option);
        });
        var mergeLabel = element('label', 'correct__label', 'Merge “' + Entities.oneLine(entity.name) + '” into');
        mergeLabel.htmlFor = select.id;
        merge.appendChild(mergeLabel);
        var mergeRow = element('div', 'correct__row');
        mergeRow.appendChild(select);
        mergeRow.appendChild(button('Merge', '', function () {
          var into = others.filter(function (other) { return String(other.id) === select.value; })[0];
          if (into) commit({ op: 'merge', entity: ref, into: Corrections.entityRef(what.result, into) });
        }));
        merge.appendChild(mergeRow);
        form.appendChild(merge);
      }

      // Any name but the canonical one can go (renaming changes the canonical one).
      var forms = writtenForms(what.result, entity);
      var written = forms.filter(function (form) { return form.reason !== 'canonical name'; });
      if (written.length > 0 && forms.length > 1) {
        var split = section('Not the same: split a name out');
        var list = element('ul', 'correct__aliases');
        written.forEach(function (form) {
          var item = element('li');
          item.appendChild(element('span', 'correct__alias', form.text));
          item.appendChild(element('span', 'correct__reason', form.reason));
          var action = button('Split out', 'button--small', function () { commit({ op: 'split', entity: ref, alias: form.text }); });
          action.setAttribute('aria-label', 'Split “' + form.text + '” out of ' + Entities.oneLine(entity.name));
          item.appendChild(action);
          list.appendChild(item);
        });
        split.appendChild(list);
        form.appendChild(split);
      }
    }

    function mentionSection(form, what) {
      var mention = what.mention;
      var anchor = Corrections.mentionAnchor(what.document, mention);
      var box = section('This mention: “' + mention.text + '”');
      var select = element('select', 'correct__input');
      select.id = 'correct-type';
      TYPES.forEach(function (pair) {
        var option = element('option', null, pair[1]);
        option.value = pair[0];
        option.selected = pair[0] === mention.type;
        select.appendChild(option);
      });
      var label = element('label', 'correct__label', 'Type');
      label.htmlFor = select.id;
      box.appendChild(label);
      var row = element('div', 'correct__row');
      row.appendChild(select);
      row.appendChild(button('Change type', '', function () {
        if (select.value !== mention.type) commit({ op: 'retype', mention: anchor, type: select.value });
      }));
      box.appendChild(row);
      box.appendChild(button('Not a name or date: remove this mention', 'button--danger', function () {
        commit({ op: 'delete', mention: anchor });
      }));
      form.appendChild(box);
    }

    return { open: open };
  }

  // The texts an entity is written as in the articles, with why each belongs to it.
  function writtenForms(result, entity) {
    var reasons = {};
    (entity.aliases || []).forEach(function (alias) { reasons[Entities.oneLine(alias.text)] = alias.reason; });
    var seen = {};
    var forms = [];
    (result.documents || []).forEach(function (document) {
      (document.mentions || []).forEach(function (mention) {
        var text = Entities.oneLine(mention.text);
        if (String(mention.entity) !== String(entity.id) || seen[text]) return;
        seen[text] = true;
        forms.push({ text: text, reason: text === Entities.oneLine(entity.name) ? 'canonical name' : reasons[text] || 'written otherwise' });
      });
    });
    return forms;
  }

  // The corrections made, newest first, each with its undo and, when it no longer applies
  // (its article changed), why.
  function renderList(container, corrections, outcomes, onUndo) {
    container.replaceChildren();
    var byId = {};
    (outcomes || []).forEach(function (outcome) { byId[outcome.id] = outcome; });
    corrections.slice().reverse().forEach(function (correction) {
      var outcome = byId[correction.id];
      var item = element('li', 'correction' + (outcome && !outcome.applied ? ' is-stale' : ''));
      item.appendChild(element('span', 'correction__text', Corrections.describe(correction)));
      if (outcome && !outcome.applied) item.appendChild(element('span', 'correction__stale', 'No longer applies: ' + outcome.reason));
      var undo = button('Undo', 'button--small', function () { onUndo(correction.id); });
      undo.setAttribute('aria-label', 'Undo: ' + Corrections.describe(correction));
      item.appendChild(undo);
      container.appendChild(item);
    });
  }

  window.NewsAnnotator = window.NewsAnnotator || {};
  window.NewsAnnotator.correcting = { createDialog: createDialog, renderList: renderList };
})();
