return createAnnotatorCore;
}
if (typeof module === 'object' && module.exports) module.exports = annotatorCoreSource();
