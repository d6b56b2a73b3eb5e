// Offline use over http(s): registers the service worker sw.js and tells the page when the
// offline copy is ready or a new version has been stored. Shows nothing itself: the page
// decides what to say. From file:// it does nothing at all: the page is read from disk
// there, and needs no worker.
//
// What index.html needs: <script src="offline.js"></script> (a classic script with no
// dependencies, before or after app.js: nothing is reported before the worker has stored the
// files) and, in its Content-Security-Policy, worker-src 'self' (for sw.js) and manifest-src
// 'self'. Not a <link rel="manifest">: over http(s) this script adds that link itself, since
// from file:// Chromium fetches a linked manifest anyway, is refused (CORS, origin 'null')
// and logs an error in the console.
//
// Interface
//   window.NewsAnnotator.offline = {state, version}, kept current:
//     state   'off'      file://, or no service workers here (an insecure http origin)
//             'pending'  registering, or storing the files for the first time
//             'ready'    every file is stored; the page opens without a network
//             'update'   a new version is stored and in charge; a reload shows it
//             'error'    registration or storing failed, nothing is stored (details in the
//                        event; a failed update leaves the state 'ready')
//     version the stored version (precache.js, a 16-hex-digit content hash), or null
//
//   window event 'annotator:offline' (a CustomEvent), fired on each of these changes:
//     detail: {state: 'ready' | 'update' | 'error', version: string | null, message: string | null}
//       'ready'   the first time this browser has stored the page (first visit, or after
//                 the site data was cleared): "now available offline"
//       'update'  a newer version was stored while this page was open, or this page was
//                 opened from an older copy: "reload to use the new version"
//       'error'   message says what failed; the page keeps working online
//     No event on a visit that finds the offline copy already current: state is 'ready'.
//
// Example:
//   window.addEventListener('annotator:offline', function (event) {
//     if (event.detail.state === 'update') showNotice('A new version is ready: reload to use it.');
//   });
(function () {
  'use strict';

  var namespace = window.NewsAnnotator = window.NewsAnnotator || {};
  var status = namespace.offline = { state: 'off', version: null };

  var protocol = window.location.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return;

  // The app manifest, linked only where it can be fetched (not from file://, see above).
  if (!document.querySelector('link[rel="manifest"]')) {
    var link = document.createElement('link');
    link.rel = 'manifest';
    link.href = 'manifest.webmanifest';
    document.head.appendChild(link);
  }

  if (!('serviceWorker' in navigator)) return;

  status.state = 'pending';
  var tracked = [];
  var initialController = navigator.serviceWorker.controller;  // the worker that served this page

  function report(state, version, message) {
    status.state = state;
    if (version) status.version = version;
    window.dispatchEvent(new CustomEvent('annotator:offline', {
      detail: { state: state, version: version || null, message: message || null },
    }));
  }

  // Asks a worker which version it stores; null when it does not answer within a second.
  function versionOf(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      var timer = setTimeout(function () { resolve(null); }, 1000);
      channel.port1.onmessage = function (event) {
        clearTimeout(timer);
        resolve(event.data && typeof event.data.version === 'string' ? event.data.version : null);
      };
      worker.postMessage({ type: 'version' }, [channel.port2]);
    });
  }

  // Follows a newly installing worker to the end of its installation. It replaces an
  // active worker (an update) or is the first one (ready offline for the first time).
  function track(registration, worker) {
    if (!worker || tracked.indexOf(worker) >= 0) return;
    tracked.push(worker);
    var isUpdate = Boolean(registration.active && registration.active !== worker);
    function settle() {
      if (worker.state === 'activated') {
        worker.removeEventListener('statechange', settle);
        versionOf(worker).then(function (version) { report(isUpdate ? 'update' : 'ready', version); });
      } else if (worker.state === 'redundant') {
        worker.removeEventListener('statechange', settle);
        // Redundant because a newer worker took its place: that one reports.
        if (registration.installing || registration.waiting) return;
        if (registration.active) {
          report('error', null, 'a new version could not be stored; the stored one stays in use');
          status.state = 'ready';
        } else {
          report('error', null, 'the files for offline use could not be stored');
        }
      }
    }
    worker.addEventListener('statechange', settle);
    settle();
  }

  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(function (registration) {
    registration.addEventListener('updatefound', function () { track(registration, registration.installing); });
    var pending = registration.installing || registration.waiting;
    if (pending) {
      track(registration, pending);
    } else if (registration.active) {
      var active = registration.active;
      versionOf(active).then(function (version) {
        // Served by a worker that has been replaced since (before this script ran): an update.
        if (initialController && initialController !== active) report('update', version);
        else { status.state = 'ready'; status.version = version; }
      });
    }
  }, function (error) {
    report('error', null, 'the service worker could not be registered: ' + (error && error.message || error));
  });
})();
