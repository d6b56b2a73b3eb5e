// Runs the annotator core off the page's thread, so that typing never waits for an
// analysis. The core (annotator-core.js) is one function, annotatorCoreSource, whose
// source text becomes a Web Worker through a Blob URL (a page opened from disk, file://,
// may not start a worker from a file), and the wasm as a base64 string, which the worker
// is sent first. Both ends of the conversation are in this file: workerMain runs inside
// the worker, createCoreClient on the page.
//
// Messages, page → worker: {type: 'start', wasmBase64}, then {type: 'analyse', job, documents, options}
//           worker → page: {type: 'ready'} | {type: 'failed', message}
//                          | {type: 'progress', job, stage, done, total}
//                          | {type: 'result', job, json}
// A result is the core's JSON contract or {error}; a failing call never kills the worker
// silently: a wasm abort is reported as that job's error and the module is started again.
//
// Where no worker can be started (an old browser, a stricter CSP), the client runs the
// core on the page itself, with the same interface, and says so in `mode`.
(function (root) {
  'use strict';

  // Inside the worker. createCore is the module factory (createAnnotatorCore).
  function workerMain(scope, createCore) {
    var core = null;
    var PROGRESS_EVERY_MS = 100;

    // The module, with its models loaded by a first small analysis, so that the user's
    // first analysis is as fast as any other.
    var wasmBase64 = null;

    function start() {
      core = Promise.resolve(createCore({ wasmBase64: wasmBase64 })).then(function (module) {
        module.analyzeDocuments([{ id: 'warm-up', text: 'Ready.' }], {});
        return module;
      });
      return core;
    }

    function message(error) {
      return error && error.message ? error.message : String(error);
    }

    scope.onmessage = function (event) {
      var request = event.data || {};
      if (request.type === 'start') {
        wasmBase64 = request.wasmBase64;
        start().then(function () { scope.postMessage({ type: 'ready' }); }, function (error) {
          scope.postMessage({ type: 'failed', message: 'The annotator core could not start: ' + message(error) });
        });
        return;
      }
      if (request.type !== 'analyse') return;
      (core || start()).then(function (module) {
        var last = 0;
        var options = {
          onProgress: function (stage, done, total) {
            var now = Date.now();
            if (now - last < PROGRESS_EVERY_MS && done < total) return;
            last = now;
            scope.postMessage({ type: 'progress', job: request.job, stage: stage, done: done, total: total });
          },
        };
        if (request.options && request.options.reference_date) options.reference_date = request.options.reference_date;
        var json;
        try {
          json = module.analyzeDocumentsJson(request.documents, options);
          if (module.stopped) core = null; // it aborted (out of memory): the next job starts a new one
        } catch (error) {
          core = null; // an abort leaves the module unusable: the next job starts a new one
          json = JSON.stringify({ error: 'The annotator core failed: ' + message(error) });
        }
        scope.postMessage({ type: 'result', job: request.job, json: json });
      }, function (error) {
        core = null;
        scope.postMessage({ type: 'result', job: request.job, json: JSON.stringify({ error: 'The annotator core could not start: ' + message(error) }) });
      });
    };
  }

  function parseResult(json) {
    try {
      var result = JSON.parse(json);
      if (result && typeof result === 'object') return result;
    } catch (error) {
      // reported below
    }
    return { error: 'The annotator core returned no result.' };
  }

  function workerUrl() {
    var source = String(root.annotatorCoreSource) +
      '\n;(' + String(workerMain) + ')(self, annotatorCoreSource());\n';
    return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }

  // hooks: {onProgress(progress), onRestart(reason)}. Returns
  //   analyse(documents, options) → Promise of the result or {error} (never rejects;
  //     {cancelled: true} when cancel() stopped it),
  //   cancel() stops the running job (the worker is replaced, which takes a moment),
  //   ready → Promise, resolved when the core has started, rejected when it cannot,
  //   mode: 'worker' or 'page'.
  function createCoreClient(hooks) {
    hooks = hooks || {};
    if (typeof root.annotatorCoreSource !== 'function' || typeof root.annotatorWasmBase64 !== 'string') {
      var missing = Promise.reject(new Error(
        'The annotator core (annotator-core.js) is missing or failed to load. ' +
        'Build the page with tools/build.sh and open public/index.html.'));
      missing.catch(function () {});
      return {
        mode: 'none', ready: missing, cancel: function () {},
        analyse: function () { return missing.then(null, function (error) { return { error: error.message }; }); },
      };
    }
    if (early) {
      var adopted = early;
      early = null;
      adopted.setHooks(hooks);
      return adopted;
    }
    try {
      return workerClient(hooks);
    } catch (error) {
      return pageClient();
    }
  }

  // The worker starts as soon as this script runs, while the rest of the page loads; the
  // page's first createCoreClient takes it over.
  var early = null;
  if (typeof root.annotatorCoreSource === 'function' && typeof root.annotatorWasmBase64 === 'string' &&
      typeof root.Worker === 'function' && typeof root.document !== 'undefined') {
    try {
      early = workerClient({});
    } catch (error) {
      early = null;
    }
  }

  function workerClient(hooks) {
    var worker = null;
    var url = workerUrl();
    var jobs = {};   // job number → resolve
    var pending = {}; // job number → its request, until the first worker has started
    var nextJob = 1;
    var client = { mode: 'worker' };
    var settleReady;
    var started = false;  // has any worker said 'ready'?
    var fallback = null;  // the page client, when no worker can run here

    function finishAll(result) {
      Object.keys(jobs).forEach(function (job) { jobs[job](result); });
      jobs = {};
    }

    function spawn() {
      worker = new Worker(url);
      worker.postMessage({ type: 'start', wasmBase64: root.annotatorWasmBase64 });
      // (This promise once shadowed `started`, so that a worker refused by the browser was
      // never seen as one that had not started: it was replaced without end, a hundred
      // times a second, instead of the core running on the page.)
      var starting = new Promise(function (resolve, reject) { settleReady = { resolve: resolve, reject: reject }; });
      starting.catch(function () {});
      client.ready = starting;
      worker.onmessage = function (event) {
        var data = event.data || {};
        if (data.type === 'ready') {
          started = true;
          crashesSinceReady = 0;
          pending = {};
          settleReady.resolve();
        }
        else if (data.type === 'failed') {
          settleReady.reject(new Error(data.message));
          finishAll({ error: data.message });
        } else if (data.type === 'progress') {
          if (jobs[data.job] && hooks.onProgress) hooks.onProgress({ stage: data.stage, done: data.done, total: data.total });
        } else if (data.type === 'result') {
          var resolve = jobs[data.job];
          delete jobs[data.job];
          delete pending[data.job];
          if (resolve) resolve(parseResult(data.json));
        }
      };
      // The worker itself died (out of memory, a crash the module could not report):
      // every pending job fails with a message, and a new worker takes over.
      // A worker that keeps dying before it is ready is given up for the page.
      worker.onerror = function (event) {
        event.preventDefault();
        if (!started) return runOnPage();
        var reason = 'The analysis stopped unexpectedly' + (event.message ? ' (' + event.message + ')' : '') + '.';
        settleReady.reject(new Error(reason));
        finishAll({ error: reason, crashed: true });
        if (++crashesSinceReady > MAX_CRASHES_BEFORE_READY) runOnPage();
        else restart();
        if (hooks.onRestart) hooks.onRestart(reason);
      };
    }
    var crashesSinceReady = 0;
    var MAX_CRASHES_BEFORE_READY = 3;

    // A worker that fails before it ever starts will not start here (a policy forbids
    // it): the core runs on the page instead, and the jobs waiting are sent there.
    function runOnPage() {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      fallback = pageClient();
      client.mode = 'page';
      settleReady.resolve(fallback.ready); // whoever waits on the first `ready` learns it too
      client.ready = fallback.ready;
      var waiting = pending;
      pending = {};
      jobs = {};
      Object.keys(waiting).forEach(function (job) {
        fallback.analyse(waiting[job].documents, waiting[job].options).then(waiting[job].resolve);
      });
    }

    function restart() {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      spawn();
    }

    client.analyse = function (documents, options) {
      if (fallback) return fallback.analyse(documents, options);
      var job = nextJob++;
      return new Promise(function (resolve) {
        jobs[job] = resolve;
        if (!started) pending[job] = { documents: documents, options: options, resolve: resolve };
        worker.postMessage({ type: 'analyse', job: job, documents: documents, options: options || {} });
      });
    };
    client.setHooks = function (given) { hooks = given || {}; };
    client.cancel = function () {
      if (Object.keys(jobs).length === 0) return;
      restart();
      finishAll({ cancelled: true, error: 'The analysis was cancelled.' });
    };
    spawn();
    return client;
  }

  // The same interface on the page's own thread.
  function pageClient() {
    var core = null;
    function start() {
      core = Promise.resolve(root.annotatorCoreSource()({}));
      return core;
    }
    var client = { mode: 'page', ready: start(), cancel: function () {} };
    client.ready.catch(function () {});
    client.analyse = function (documents, options) {
      return (core || start()).then(function (module) {
        try {
          var result = module.analyzeDocuments(documents, options || {});
          if (module.stopped) core = null;
          return result;
        } catch (error) {
          core = null;
          return { error: 'The annotator core failed: ' + (error && error.message ? error.message : String(error)) };
        }
      }, function (error) {
        core = null;
        return { error: 'The annotator core could not start: ' + (error && error.message ? error.message : String(error)) };
      });
    };
    return client;
  }

  root.NewsAnnotator = root.NewsAnnotator || {};
  root.NewsAnnotator.createCoreClient = createCoreClient;
})(typeof self !== 'undefined' ? self : this);
