// JavaScript side of the module's one call (appended to the generated module with
// --post-js). It takes documents as plain objects and returns the result as a plain
// object, and it repairs what the UTF-8 bridge would garble: a lone surrogate (possible in
// any JS string) would be merged with the next character by Emscripten's encoder, so it
// becomes U+FFFD here, with a warning, and nothing else changes.
// options: {reference_date?: "YYYY-MM-DD", onProgress?: function (stage, done, total)}.
// analyzeDocumentsJson returns the result as JSON text: the page's worker sends it on as a
// string, which crosses to the page faster than a cloned object.
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
  var request = {documents: clean};
  if (options && options.reference_date) request.reference_date = options.reference_date;
  var json = options && typeof options.onProgress === 'function'
    ? Module['analyzeWithProgress'](JSON.stringify(request), options.onProgress)
    : Module['analyze'](JSON.stringify(request));
  if (warnings.length === 0) return json;
  var result = JSON.parse(json);
  if (result.warnings) result.warnings = result.warnings.concat(warnings);
  return JSON.stringify(result);
};
