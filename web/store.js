// Keeps the workspace (articles, corrections, the text being typed) in the browser, so that
// nothing is lost on a reload or a crash. IndexedDB where it works, else localStorage
// (some browsers give pages opened from disk no IndexedDB), else nothing, said as such.
//
// createStore() → Promise of {kind, load() → Promise of workspace or null,
//                             save(workspace) → Promise of {ok} | {error, full}}
// `full` is true when the browser's storage quota refused the write: the page then keeps
// the workspace in memory and offers an export.
(function (root) {
  'use strict';

  var DATABASE = 'news-annotator';
  var TABLE = 'workspace';
  var KEY = 'current';
  var LOCAL_KEY = 'news-annotator/workspace';

  function isQuotaError(error) {
    if (!error) return false;
    return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22;
  }

  function failure(error) {
    var full = isQuotaError(error) || (error && error.name === 'AbortError' && isQuotaError(error.inner));
    return { error: error && error.message ? error.message : String(error), full: full };
  }

  function openDatabase() {
    return new Promise(function (resolve, reject) {
      var request;
      try {
        request = root.indexedDB.open(DATABASE, 1);
      } catch (error) {
        reject(error);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(TABLE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
      request.onblocked = function () { reject(new Error('the browser keeps the database blocked')); };
    });
  }

  function indexedDbStore(database) {
    function run(mode, work) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(TABLE, mode);
        var request = work(transaction.objectStore(TABLE));
        transaction.oncomplete = function () { resolve(request.result); };
        transaction.onabort = transaction.onerror = function () {
          var error = transaction.error || request.error || new Error('the browser refused to store the workspace');
          if (request.error && error !== request.error) error.inner = request.error;
          reject(error);
        };
      });
    }
    return {
      kind: 'indexeddb',
      load: function () {
        return run('readonly', function (table) { return table.get(KEY); }).then(function (value) { return value || null; });
      },
      save: function (workspace) {
        return run('readwrite', function (table) { return table.put(workspace, KEY); })
          .then(function () { return { ok: true }; }, failure);
      },
    };
  }

  function localStore() {
    return {
      kind: 'localstorage',
      load: function () {
        try {
          var text = root.localStorage.getItem(LOCAL_KEY);
          return Promise.resolve(text ? JSON.parse(text) : null);
        } catch (error) {
          return Promise.resolve(null);
        }
      },
      save: function (workspace) {
        try {
          root.localStorage.setItem(LOCAL_KEY, JSON.stringify(workspace));
          return Promise.resolve({ ok: true });
        } catch (error) {
          return Promise.resolve(failure(error));
        }
      },
    };
  }

  function noStore() {
    return {
      kind: 'none',
      load: function () { return Promise.resolve(null); },
      save: function () { return Promise.resolve({ error: 'this browser gives the page no storage', full: false }); },
    };
  }

  function hasLocalStorage() {
    try {
      return !!root.localStorage && typeof root.localStorage.getItem === 'function';
    } catch (error) {
      return false; // some browsers throw on the mere access when storage is disabled
    }
  }

  function createStore() {
    var fallback = function () { return hasLocalStorage() ? localStore() : noStore(); };
    if (!root.indexedDB) return Promise.resolve(fallback());
    return openDatabase().then(indexedDbStore, fallback);
  }

  root.NewsAnnotator = root.NewsAnnotator || {};
  root.NewsAnnotator.createStore = createStore;
})(typeof self !== 'undefined' ? self : this);
