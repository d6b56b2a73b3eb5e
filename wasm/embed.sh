#!/bin/sh
# Makes the page's module from Emscripten's output: the JS glue inside one function,
# annotatorCoreSource, and the wasm as a base64 string beside it, annotatorWasmBase64. A
# page opened from disk (file://) can load neither a .wasm file nor a worker script, so the
# page hands the function's source text (40 KB) to a Web Worker through a Blob URL and
# posts it the string (web/core-client.js). The bytes are given to Emscripten as
# wasmBinary, decoded natively where the browser can: Emscripten's own SINGLE_FILE path
# fetches a 4 MB data: URL, which takes Chromium over a second.
# Usage: embed.sh GLUE.js MODULE.wasm OUT.js
set -eu
glue=$1 wasm=$2 out=$3
{
  echo '// The annotator core: call annotatorCoreSource() for its factory, createCore(options) →'
  echo '// Promise of the module; options.wasmBase64 is the module (else annotatorWasmBase64, below).'
  echo '// In node, require() gives the factory. Made by wasm/embed.sh.'
  echo 'function annotatorCoreSource() {'
  cat "$glue"
  cat <<'JS'
function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(text, 'base64'));
  var codes = new Uint8Array(128);
  var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (var a = 0; a < alphabet.length; a++) codes[alphabet.charCodeAt(a)] = a;
  var padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  var bytes = new Uint8Array(text.length / 4 * 3 - padding);
  for (var i = 0, j = 0; i < text.length; i += 4) {
    var n = codes[text.charCodeAt(i)] << 18 | codes[text.charCodeAt(i + 1)] << 12 |
            codes[text.charCodeAt(i + 2)] << 6 | codes[text.charCodeAt(i + 3)];
    bytes[j++] = n >> 16;
    if (j < bytes.length) bytes[j++] = n >> 8 & 255;
    if (j < bytes.length) bytes[j++] = n & 255;
  }
  return bytes;
}
return function createCore(options) {
  var base64 = options && options.wasmBase64 || (typeof annotatorWasmBase64 === 'string' ? annotatorWasmBase64 : '');
  return createAnnotatorCore(Object.assign({}, options, { wasmBinary: decodeBase64(base64), wasmBase64: undefined }));
};
}
JS
  printf 'var annotatorWasmBase64 = "'
  base64 -w0 "$wasm"
  echo '";'
  echo "if (typeof module === 'object' && module.exports) module.exports = annotatorCoreSource();"
} > "$out"
