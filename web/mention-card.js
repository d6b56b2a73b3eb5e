// The card shown beside a mention on hover and on keyboard focus: one element for the whole
// page, filled by a callback, placed above the mention (below when there is no room), kept
// open while the pointer moves onto it, closed with Escape (WCAG 1.4.13). Defines
// window.NewsAnnotator.createHoverCard.
//
// Classic script, no modules (the page must work from file://).
(function () {
  'use strict';

  var SHOW_DELAY_MS = 90;
  var HIDE_DELAY_MS = 160;
  var GAP_PX = 8;
  var MARGIN_PX = 8;

  // options: {root: the element whose descendants get the card, card: the card element,
  //           selector: which descendants, content(target) -> Node or null,
  //           onShow(target), onHide(target)}.
  // Returns {hide(), refresh(), target()}.
  function createHoverCard(options) {
    var root = options.root;
    var card = options.card;
    var current = null;      // the element the card is shown for
    var pointer = null;      // {x, y} of the mouse event that opened it, in the viewport
    var showTimer = 0;
    var hideTimer = 0;
    var overCard = false;

    card.hidden = true;
    card.setAttribute('role', 'tooltip');

    function targetOf(node) {
      var found = node && node.closest ? node.closest(options.selector) : null;
      return found && root.contains(found) ? found : null;
    }

    function show(target, at) {
      clearTimeout(hideTimer);
      var content = options.content(target);
      if (!content) { hide(); return; }
      if (current && current !== target) release(current);
      current = target;
      pointer = at || null;
      card.replaceChildren(content);
      card.hidden = false;
      target.setAttribute('aria-describedby', card.id);
      place();
      if (options.onShow) options.onShow(target);
    }

    function release(target) {
      if (target.getAttribute('aria-describedby') === card.id) target.removeAttribute('aria-describedby');
      if (options.onHide) options.onHide(target);
    }

    function hide() {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      if (current) release(current);
      current = null;
      card.hidden = true;
      card.replaceChildren();
    }

    function hideSoon() {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      hideTimer = setTimeout(function () { if (!overCard) hide(); }, HIDE_DELAY_MS);
    }

    // Above the line of the mention the pointer is on (a long mention can wrap), inside the
    // viewport; below it when there is no room above.
    function place() {
      if (!current) return;
      var rects = Array.prototype.slice.call(current.getClientRects());
      if (rects.length === 0) { hide(); return; }
      var rect = rects[0];
      if (pointer) {
        rects.forEach(function (candidate) {
          if (pointer.y >= candidate.top && pointer.y <= candidate.bottom) rect = candidate;
        });
      }
      card.style.left = '0px';
      card.style.top = '0px';
      var width = card.offsetWidth;
      var height = card.offsetHeight;
      var viewportWidth = document.documentElement.clientWidth;
      var left = Math.max(MARGIN_PX, Math.min(rect.left, viewportWidth - width - MARGIN_PX));
      var top = rect.top - height - GAP_PX;
      if (top < MARGIN_PX) top = rect.bottom + GAP_PX;
      card.style.left = Math.round(left + window.scrollX) + 'px';
      card.style.top = Math.round(top + window.scrollY) + 'px';
    }

    root.addEventListener('mouseover', function (event) {
      var target = targetOf(event.target);
      if (!target) return;
      if (target === current) { clearTimeout(hideTimer); return; }
      clearTimeout(showTimer);
      var at = { x: event.clientX, y: event.clientY };
      showTimer = setTimeout(function () { if (target.isConnected) show(target, at); }, current ? 0 : SHOW_DELAY_MS);
    });
    root.addEventListener('mouseout', function (event) {
      var from = targetOf(event.target);
      if (!from) return;
      var to = targetOf(event.relatedTarget);
      if (to === from) return;
      if (!to) hideSoon();
    });
    root.addEventListener('focusin', function (event) {
      var target = targetOf(event.target);
      if (target && event.target === target) show(target, null);
    });
    root.addEventListener('focusout', function (event) {
      if (current && event.target === current) hide();
    });
    card.addEventListener('mouseenter', function () { overCard = true; clearTimeout(hideTimer); });
    card.addEventListener('mouseleave', function () { overCard = false; hideSoon(); });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && current) {
        hide();
        event.stopPropagation();
        event.preventDefault();
      }
    }, true);
    window.addEventListener('resize', function () { if (current) place(); });

    return {
      hide: hide,
      // Fills the card again (the selection changed) if it is still showing a live element.
      refresh: function () {
        if (!current) return;
        if (!current.isConnected) { hide(); return; }
        show(current, pointer);
      },
      target: function () { return current; },
    };
  }

  window.NewsAnnotator = window.NewsAnnotator || {};
  window.NewsAnnotator.createHoverCard = createHoverCard;
})();
