#include "json/json_io.h"

#include <cstdint>
#include <vector>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "json/json_reader.h"
#include "json/json_writer.h"
#include "json/utf16_index.h"

namespace annotator {
namespace {

std::string_view roleName(BlockRole role) {
    switch (role) {
        case BlockRole::Title: return "title";
        case BlockRole::Heading: return "heading";
        case BlockRole::Dateline: return "dateline";
        case BlockRole::Body: break;
    }
    return "body";
}

// A field of a request's document as read: absent, null, a string, or another value.
struct Field {
    enum Kind : uint8_t { Absent, Null, String, Other } kind = Absent;
    std::string text;
};

bool readField(JsonReader& in, Field& field) {
    field.text.clear();
    if (in.peek() == '"') {
        field.kind = Field::String;
        return in.string(field.text);
    }
    field.kind = in.peek() == 'n' ? Field::Null : Field::Other;  // skipValue() checks that it is null
    return in.skipValue();
}

// One element of a request's "documents" (or one line of --jsonl) as read, to be checked
// once the whole request is known to be JSON.
struct DocumentFields {
    bool object = false;
    Field id, text, date;
};

bool readDocument(JsonReader& in, DocumentFields& fields) {
    fields.object = in.peek() == '{';
    if (!fields.object) return in.skipValue();
    in.beginObject();
    std::string key;
    while (in.nextKey(key)) {
        Field* field = key == "id" ? &fields.id : key == "text" ? &fields.text : key == "date" ? &fields.date : nullptr;
        if (!(field ? readField(in, *field) : in.skipValue())) return false;  // a key given twice: the last counts
    }
    return !in.failed();
}

Outcome<DocumentInput> documentFrom(DocumentFields fields, size_t position) {
    const std::string where = "document " + std::to_string(position + 1);
    if (!fields.object) return Error{where + " is not a JSON object"};
    DocumentInput input;
    if (fields.id.kind == Field::Other) return Error{where + ": \"id\" must be a string"};
    if (fields.id.kind == Field::String) input.id = std::move(fields.id.text);
    if (input.id.empty()) input.id = "document-" + std::to_string(position + 1);
    if (fields.text.kind != Field::String) return Error{where + " (" + input.id + ") has no \"text\" string"};
    input.text = std::move(fields.text.text);
    if (fields.date.kind == Field::String || fields.date.kind == Field::Other) {
        const auto parsed = fields.date.kind == Field::String ? parseIsoDate(fields.date.text) : std::nullopt;
        if (!parsed) return Error{where + " (" + input.id + "): \"date\" must be YYYY-MM-DD"};
        input.date = parsed;
    }
    return input;
}

void span(JsonWriter& out, std::string_view name, Span span, const Utf16Index& index) {
    out.key(name).beginObject().member("start", index.toUtf16(span.begin)).member("end", index.toUtf16(span.end)).endObject();
}

// A string, or null when it is empty.
void optional(JsonWriter& out, std::string_view name, std::string_view text) {
    out.key(name);
    if (text.empty()) out.null(); else out.value(text);
}

void optional(JsonWriter& out, std::string_view name, const std::optional<uint32_t>& id) {
    out.key(name);
    if (id) out.value(*id); else out.null();
}

template <typename Items>
void array(JsonWriter& out, std::string_view name, const Items& items) {
    out.key(name).beginArray();
    for (const auto& item : items) out.value(item);
    out.endArray();
}

void document(JsonWriter& out, const Document& document, const Utf16Index& index) {
    out.beginObject().member("id", document.id);
    out.key("title");
    if (document.title) out.value(singleLine(document.title->of(document.text))); else out.null();
    out.key("date");
    if (document.date) out.value(formatIsoDate(*document.date)); else out.null();
    if (document.dateline) span(out, "dateline", *document.dateline, index); else out.key("dateline").null();
    out.member("text", document.text);
    out.key("sentences").beginArray();
    for (const Sentence& sentence : document.sentences) {
        out.beginObject()
            .member("start", index.toUtf16(sentence.bytes.begin))
            .member("end", index.toUtf16(sentence.bytes.end))
            .member("role", roleName(document.blocks[sentence.block].role))
            .endObject();
    }
    out.endArray();
    out.key("mentions").beginArray();
    for (const Mention& mention : document.mentions) {
        out.beginObject()
            .member("start", index.toUtf16(mention.bytes.begin))
            .member("end", index.toUtf16(mention.bytes.end))
            .member("text", mention.bytes.of(document.text))
            .member("type", toString(mention.type));
        optional(out, "entity", mention.entity);
        optional(out, "value", mention.value);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

// Entities with, for the page's side list, their mention count and the documents they
// appear in, in document order.
void entities(JsonWriter& out, const Collection& collection) {
    std::vector<uint32_t> counts(collection.entities.size());
    std::vector<std::vector<std::string_view>> documents(collection.entities.size());
    for (const Document& document : collection.documents) {
        for (const Mention& mention : document.mentions) {
            if (!mention.entity) continue;
            ++counts[*mention.entity];
            auto& seen = documents[*mention.entity];
            if (seen.empty() || seen.back() != document.id) seen.push_back(document.id);
        }
    }
    out.key("entities").beginArray();
    for (size_t id = 0; id < collection.entities.size(); ++id) {
        const Entity& entity = collection.entities[id];
        out.beginObject().member("id", id).member("type", toString(entity.type)).member("name", entity.name);
        out.key("aliases").beginArray();
        for (const Alias& alias : entity.aliases) {
            out.beginObject().member("text", alias.text).member("reason", toString(alias.reason)).endObject();
        }
        out.endArray();
        array(out, "titles", entity.titles);
        out.member("mentions", counts[id]);
        array(out, "documents", documents[id]);
        out.endObject();
    }
    out.endArray();
}

// Events, each report cited by its document's id, its sentence and trigger in UTF-16.
void events(JsonWriter& out, const Collection& collection, const std::vector<Utf16Index>& indexes) {
    out.key("events").beginArray();
    for (size_t id = 0; id < collection.events.size(); ++id) {
        const Event& event = collection.events[id];
        out.beginObject().member("id", id).member("type", event.type);
        optional(out, "mode", event.mode);
        optional(out, "cameo", event.cameo);
        out.member("label", event.label);
        array(out, "sources", event.sources);
        array(out, "targets", event.targets);
        optional(out, "place", event.place);
        optional(out, "date", event.date);
        out.member("status", toString(event.status));
        optional(out, "quote", event.quote);
        out.key("mentions").beginArray();
        for (const EventMention& mention : event.mentions) {
            const Document& document = collection.documents[mention.document];
            const Utf16Index& index = indexes[mention.document];
            out.beginObject().member("document", document.id);
            span(out, "sentence", document.sentences[mention.sentence].bytes, index);
            span(out, "trigger", mention.trigger, index);
            out.member("text", mention.trigger.of(document.text)).endObject();
        }
        out.endArray();
        out.endObject();
    }
    out.endArray();
}

}  // namespace

Outcome<DocumentInput> parseDocumentJson(std::string_view json, size_t position) {
    std::string text(json);
    repairUtf8(text);  // JSON must be UTF-8; repaired text still names what it can
    JsonReader in(text);
    DocumentFields fields;
    if (!readDocument(in, fields) || !in.atEnd()) return Error{"line " + std::to_string(position + 1) + " is not valid JSON"};
    return documentFrom(std::move(fields), position);
}

std::string toJson(const Collection& collection, bool pretty) {
    JsonWriter out(pretty);
    out.beginObject().member("schema", "annotator/1");
    // Each document's offsets in UTF-16, for its own JSON and the events that cite it.
    std::vector<Utf16Index> indexes;
    indexes.reserve(collection.documents.size());
    out.key("documents").beginArray();
    for (const Document& each : collection.documents) document(out, each, indexes.emplace_back(each.text));
    out.endArray();
    entities(out, collection);
    events(out, collection, indexes);
    out.key("warnings").beginArray();
    for (const Warning& warning : collection.warnings) {
        out.beginObject().member("document", warning.document).member("message", warning.message).endObject();
    }
    out.endArray();
    out.endObject();
    return out.take() + (pretty ? "\n" : "");
}

std::string errorJson(std::string_view message) {
    return JsonWriter(false).beginObject().member("error", message).endObject().take();
}

std::string analyseRequestJson(std::string_view request, std::function<void(const Progress&)> onProgress) {
    // Strings from JavaScript can hold lone surrogates, which arrive as invalid UTF-8.
    std::string text(request);
    const Utf8Repair repair = repairUtf8(text);
    // The request read whole first (malformed JSON anywhere is that error), then checked.
    JsonReader in(text);
    const bool object = in.peek() == '{';
    bool listed = false;  // "documents" is an array
    std::vector<DocumentFields> documents;
    Field reference;
    if (object) {
        in.beginObject();
        std::string key;
        while (in.nextKey(key)) {
            if (key == "documents") {
                documents.clear();
                listed = in.peek() == '[';
                if (!listed) {
                    if (!in.skipValue()) break;
                    continue;
                }
                in.beginArray();
                while (in.nextElement() && readDocument(in, documents.emplace_back())) {}
            } else if (!(key == "reference_date" ? readField(in, reference) : in.skipValue())) {
                break;
            }
        }
    } else {
        in.skipValue();
    }
    if (!object || in.failed() || !in.atEnd()) return errorJson("the request is not a JSON object");
    if (!listed) return errorJson("the request has no \"documents\" array");
    std::vector<DocumentInput> inputs;
    inputs.reserve(documents.size());
    for (size_t i = 0; i < documents.size(); ++i) {
        Outcome<DocumentInput> input = documentFrom(std::move(documents[i]), i);
        if (!input) return errorJson(input.error().message);
        inputs.push_back(std::move(input.value()));
    }
    documents.clear();
    AnalysisOptions options;
    options.onProgress = std::move(onProgress);
    if (reference.kind == Field::Other || (reference.kind == Field::String && !reference.text.empty())) {
        options.referenceDate = reference.kind == Field::String ? parseIsoDate(reference.text) : std::nullopt;
        if (!options.referenceDate) return errorJson("\"reference_date\" must be YYYY-MM-DD");
    }
    Outcome<Collection> collection = analyse(std::move(inputs), options);
    if (!collection) return errorJson(collection.error().message);
    if (repair.replaced > 0) {
        collection.value().warnings.push_back(
            {"", std::to_string(repair.replaced) + " invalid character(s) (lone surrogates) replaced with U+FFFD"});
    }
    return toJson(collection.value(), false);
}

}  // namespace annotator
