// JavaScript side of the module's one call (appended to the generated module with
// --post-js). It takes documents as plain objects and returns the result as a plain
// object, and it repairs what the UTF-8 bridge would garble: a lone surrogate (possible in
// any JS string) would be merged with the next character by Emscripten's encoder, so it
// becomes U+FFFD here, with a warning, and nothing else changes.
// options: {reference_date?: "YYYY-MM-DD", onProgress?: function (stage, done, total)}.
// analyzeDocumentsJson returns the result as JSON text: the page's worker sends it on as a
// string, which crosses to the page faster than a cloned object. analyzeJson(request,
// onProgress?) is the call beneath, request and result as JSON text (core/json/json_io.h):
// the text crosses as UTF-8 in the module's memory, encoded and decoded natively.
//
// Limits: a call whose texts total more than 32 MB (Module.maxRequestCharacters UTF-16
// code units) is refused with an {error}: news text takes about 36 bytes of the module's
// memory per character and a line with no sentence end about 120, and the module has at
// most 2 GB. If the module aborts all the same (out of memory), the call answers an
// {error} and every later call the same: an aborted module cannot be used again, and
// Module.stopped says so, for the caller to start a new one.
Module['maxRequestCharacters'] = 32 * 1024 * 1024;
Module['stopped'] = null;

Module['analyzeDocuments'] = function (documents, options) {
  return JSON.parse(Module['analyzeDocumentsJson'](documents, options));
};

Module['analyzeDocumentsJson'] = function (documents, options) {
  var loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  var warnings = [];
  var clean = (documents || []).map(function (document, index) {
    var copy = Object.assign({}, document);
    if (typeof copy.text === 'string') {
      var count = 0;
      copy.text = copy.text.replace(loneSurrogate, function (match) {
        count++;
        return match.length === 2 ? match[0] + '\uFFFD' : '\uFFFD';
      });
      if (count > 0) {
        warnings.push({document: String(copy.id || 'document-' + (index + 1)),
                       message: count + ' lone surrogate(s) replaced with U+FFFD'});
      }
    }
    return copy;
  });
  if (Module['stopped']) return JSON.stringify({error: Module['stopped']});
  var characters = 0;
  clean.forEach(function (document) { characters += typeof document.text === 'string' ? document.text.length : 0; });
  if (characters > Module['maxRequestCharacters']) {
    return JSON.stringify({error: 'The documents have ' + (characters / 1048576).toFixed(1) + ' MB of text together, over the limit of ' +
                                  (Module['maxRequestCharacters'] / 1048576) + ' MB for one analysis in WebAssembly (its memory is at most 2 GB): ' +
                                  'analyse them in smaller groups, or with the command line, build/annotate.'});
  }
  var request = {documents: clean};
  if (options && options.reference_date) request.reference_date = options.reference_date;
  var json;
  try {
    json = Module['analyzeJson'](JSON.stringify(request), options && options.onProgress);
  } catch (error) {
    var full = typeof HEAP8 !== 'undefined' && HEAP8.length > 2048 * 1048576 - 256 * 1048576;
    Module['stopped'] = 'The annotator core stopped' + (full ? ': it ran out of memory (2 GB) on these documents' :
                                                           ' (' + (error && error.message ? error.message : String(error)) + ')') +
                        '. Analyse fewer or shorter documents at once, in a new module.';
    return JSON.stringify({error: Module['stopped']});
  }
  if (warnings.length === 0) return json;
  var result = JSON.parse(json);
  if (result.warnings) result.warnings = result.warnings.concat(warnings);
  return JSON.stringify(result);
};

Module['analyzeJson'] = function (request, onProgress) {
  var bytes = new TextEncoder().encode(request);
  var address = Module['_malloc'](Math.max(bytes.length, 1));
  try {
    HEAPU8.set(bytes, address);  // after the allocation, which may have grown the memory
    var view = Module['analyzeUtf8'](address, bytes.length, typeof onProgress === 'function' ? onProgress : null);
    return new TextDecoder().decode(view);
  } finally {
    if (!ABORT) {  // an aborted module (out of memory) runs nothing more
      Module['_free'](address);
      Module['releaseResult']();
    }
  }
};
