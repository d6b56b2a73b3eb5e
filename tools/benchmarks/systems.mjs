// What each system is asked to do, written once for node and for the page: each function
// stands alone (no imports, no outside variables), so that the browser harness can send
// its source text to the page and run the very same code there.

// compromise: its people, places and organisations of each document (what its README
// gives as named-entity extraction), as text, counted.
export function extractWithCompromise(nlp, documents) {
  const found = { people: 0, places: 0, organizations: 0 };
  for (const document of documents) {
    const parsed = nlp(document.text);
    found.people += parsed.people().out('array').length;
    found.places += parsed.places().out('array').length;
    found.organizations += parsed.organizations().out('array').length;
  }
  return found;
}

// wink-nlp with wink-eng-lite-web-model: the entities its NER finds in each document, with
// their type (its model's types: DATE, CARDINAL, MONEY, ...), counted by type. `nlp` is
// winkNLP(model, ['sbd', 'pos', 'ner']).
export function extractWithWink(nlp, documents) {
  const detail = nlp.its.detail;
  const found = {};
  for (const document of documents) {
    for (const entity of nlp.readDoc(document.text).entities().out(detail)) {
      found[entity.type] = (found[entity.type] || 0) + 1;
    }
  }
  return found;
}

// Our core's result, counted: mentions by type, entities (across documents) by type,
// events and their mentions.
export function summariseOurs(result) {
  if (!result || result.error) return { error: result ? result.error : 'no result' };
  const mentions = {};
  for (const document of result.documents) {
    for (const mention of document.mentions) mentions[mention.type] = (mentions[mention.type] || 0) + 1;
  }
  const entities = {};
  for (const entity of result.entities) entities[entity.type] = (entities[entity.type] || 0) + 1;
  let eventMentions = 0;
  for (const event of result.events) eventMentions += event.mentions.length;
  return { mentions, entities, events: result.events.length, eventMentions };
}

// The core's call, analyzeDocuments(documents), timed by stage: that call is
// JSON.parse(analyzeDocumentsJson(documents)), and so it is made here in its two halves.
// `onProgress` timestamps mark where the documents stage (text, tokens, sentences, dates,
// tagging; per document), alias resolution ("entities") and events end; "output" is the
// result written as JSON and brought into JavaScript as a string, "parse" its JSON.parse.
// `cpuNow`, where there is one (node), gives the same marks in CPU time, in ms.
export function timedCoreCall(module, documents, cpuNow) {
  const now = () => performance.now();
  const cpu = cpuNow || (() => NaN);
  const marks = {};
  const cpuMarks = {};
  const mark = (name) => { marks[name] = now(); cpuMarks[name] = cpu(); };
  mark('start');
  const json = module.analyzeDocumentsJson(documents, {
    onProgress(stage, done) {
      if (stage === 'documents') mark('documents');
      else if (stage === 'entities') mark('entitiesStart');
      else if (done === 0) mark('eventsStart');
      else mark('eventsEnd');
    },
  });
  mark('written');
  const result = JSON.parse(json);
  mark('end');
  if (result.error) throw new Error('the core refused the documents: ' + result.error);
  const stages = (m) => ({
    documents: m.documents - m.start,
    aliases: m.eventsStart - m.entitiesStart,
    events: m.eventsEnd - m.eventsStart,
    output: m.written - m.eventsEnd,
    parse: m.end - m.written,
  });
  return {
    ms: marks.end - marks.start,
    bytes: json.length,
    result,
    stages: stages(marks),
    stagesCpu: cpuNow ? stages(cpuMarks) : null,
  };
}
