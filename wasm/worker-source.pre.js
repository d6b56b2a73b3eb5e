// The whole module is the body of one function, so that the page can hand its source text
// (annotatorCoreSource.toString()) to a Web Worker started from a Blob URL: from file://
// a page can fetch nothing, not even its own scripts. Calling it defines the module's
// factory, createAnnotatorCore. Closed by worker-source.post.js.
function annotatorCoreSource() {
