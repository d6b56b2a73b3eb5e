// The one way the page makes elements: user text goes in through textContent only, so
// pasted markup shows as text and never runs. Defines window.NewsAnnotator.dom.
(function () {
  'use strict';

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  window.NewsAnnotator = window.NewsAnnotator || {};
  window.NewsAnnotator.dom = { element: element };
})();
