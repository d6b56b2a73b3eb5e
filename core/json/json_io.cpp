#include "json/json_io.h"

#include <nlohmann/json.hpp>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "json/utf16_index.h"

namespace annotator {
namespace {

using Json = nlohmann::ordered_json;

std::string_view roleName(BlockRole role) {
    switch (role) {
        case BlockRole::Title: return "title";
        case BlockRole::Heading: return "heading";
        case BlockRole::Dateline: return "dateline";
        case BlockRole::Body: break;
    }
    return "body";
}

Outcome<DocumentInput> documentFromJson(const Json& object, size_t position) {
    const std::string where = "document " + std::to_string(position + 1);
    if (!object.is_object()) return Error{where + " is not a JSON object"};
    DocumentInput input;
    const auto id = object.find("id");
    if (id != object.end() && !id->is_null()) {
        if (!id->is_string()) return Error{where + ": \"id\" must be a string"};
        input.id = id->get<std::string>();
    }
    if (input.id.empty()) input.id = "document-" + std::to_string(position + 1);
    const auto text = object.find("text");
    if (text == object.end() || !text->is_string()) return Error{where + " (" + input.id + ") has no \"text\" string"};
    input.text = text->get<std::string>();
    const auto date = object.find("date");
    if (date != object.end() && !date->is_null()) {
        const auto parsed = date->is_string() ? parseIsoDate(date->get<std::string>()) : std::nullopt;
        if (!parsed) return Error{where + " (" + input.id + "): \"date\" must be YYYY-MM-DD"};
        input.date = parsed;
    }
    return input;
}

Json spanJson(Span span, const Utf16Index& index) {
    return Json{{"start", index.toUtf16(span.begin)}, {"end", index.toUtf16(span.end)}};
}

// Collapses the white space of a headline that was wrapped over several lines.

Json documentJson(const Document& document, const Utf16Index& index) {
    Json sentences = Json::array();
    for (const Sentence& sentence : document.sentences) {
        Json json = spanJson(sentence.bytes, index);
        json["role"] = roleName(document.blocks[sentence.block].role);
        sentences.push_back(std::move(json));
    }
    Json mentions = Json::array();
    for (const Mention& mention : document.mentions) {
        Json json = spanJson(mention.bytes, index);
        json["text"] = mention.bytes.of(document.text);
        json["type"] = toString(mention.type);
        json["entity"] = mention.entity ? Json(*mention.entity) : Json(nullptr);
        json["value"] = mention.value.empty() ? Json(nullptr) : Json(mention.value);
        mentions.push_back(std::move(json));
    }
    Json json;
    json["id"] = document.id;
    json["title"] = document.title ? Json(singleLine(document.title->of(document.text))) : Json(nullptr);
    json["date"] = document.date ? Json(formatIsoDate(*document.date)) : Json(nullptr);
    json["dateline"] = document.dateline ? spanJson(*document.dateline, index) : Json(nullptr);
    json["text"] = document.text;
    json["sentences"] = std::move(sentences);
    json["mentions"] = std::move(mentions);
    return json;
}

// Entities with, for the page's side list, their mention count and the documents they
// appear in, in document order.
Json entitiesJson(const Collection& collection) {
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
    Json entities = Json::array();
    for (size_t id = 0; id < collection.entities.size(); ++id) {
        const Entity& entity = collection.entities[id];
        Json aliases = Json::array();
        for (const Alias& alias : entity.aliases) {
            aliases.push_back({{"text", alias.text}, {"reason", toString(alias.reason)}});
        }
        entities.push_back({{"id", id},
                            {"type", toString(entity.type)},
                            {"name", entity.name},
                            {"aliases", std::move(aliases)},
                            {"titles", entity.titles},
                            {"mentions", counts[id]},
                            {"documents", documents[id]}});
    }
    return entities;
}

// Events, each report cited by its document's id, its sentence and trigger in UTF-16.
Json eventsJson(const Collection& collection, const std::vector<Utf16Index>& indexes) {
    const auto optional = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
    Json events = Json::array();
    for (size_t id = 0; id < collection.events.size(); ++id) {
        const Event& event = collection.events[id];
        Json mentions = Json::array();
        for (const EventMention& mention : event.mentions) {
            const Document& document = collection.documents[mention.document];
            const Utf16Index& index = indexes[mention.document];
            mentions.push_back({{"document", document.id},
                                {"sentence", spanJson(document.sentences[mention.sentence].bytes, index)},
                                {"trigger", spanJson(mention.trigger, index)},
                                {"text", mention.trigger.of(document.text)}});
        }
        events.push_back({{"id", id},
                          {"type", event.type},
                          {"mode", optional(event.mode)},
                          {"cameo", optional(event.cameo)},
                          {"label", event.label},
                          {"sources", event.sources},
                          {"targets", event.targets},
                          {"place", event.place ? Json(*event.place) : Json(nullptr)},
                          {"date", optional(event.date)},
                          {"status", toString(event.status)},
                          {"quote", optional(event.quote)},
                          {"mentions", std::move(mentions)}});
    }
    return events;
}

std::string dump(const Json& json, bool pretty) {
    return json.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

Outcome<DocumentInput> parseDocumentJson(std::string_view json, size_t position) {
    std::string text(json);
    repairUtf8(text);  // JSON must be UTF-8; repaired text still names what it can
    const Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded()) return Error{"line " + std::to_string(position + 1) + " is not valid JSON"};
    return documentFromJson(parsed, position);
}

std::string toJson(const Collection& collection, bool pretty) {
    Json documents = Json::array();
    // Each document's offsets in UTF-16, for its own JSON and the events that cite it.
    std::vector<Utf16Index> indexes;
    indexes.reserve(collection.documents.size());
    for (const Document& document : collection.documents) {
        documents.push_back(documentJson(document, indexes.emplace_back(document.text)));
    }
    Json warnings = Json::array();
    for (const Warning& warning : collection.warnings) {
        warnings.push_back({{"document", warning.document}, {"message", warning.message}});
    }
    Json json;
    json["schema"] = "annotator/1";
    json["documents"] = std::move(documents);
    json["entities"] = entitiesJson(collection);
    json["events"] = eventsJson(collection, indexes);
    json["warnings"] = std::move(warnings);
    return dump(json, pretty) + (pretty ? "\n" : "");
}

std::string errorJson(std::string_view message) { return dump(Json{{"error", message}}, false); }

std::string analyseRequestJson(std::string_view request, std::function<void(const Progress&)> onProgress) {
    // Strings from JavaScript can hold lone surrogates, which arrive as invalid UTF-8.
    std::string text(request);
    const Utf8Repair repair = repairUtf8(text);
    const Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return errorJson("the request is not a JSON object");
    const auto documents = parsed.find("documents");
    if (documents == parsed.end() || !documents->is_array()) return errorJson("the request has no \"documents\" array");
    std::vector<DocumentInput> inputs;
    for (size_t i = 0; i < documents->size(); ++i) {
        Outcome<DocumentInput> input = documentFromJson((*documents)[i], i);
        if (!input) return errorJson(input.error().message);
        inputs.push_back(std::move(input.value()));
    }
    AnalysisOptions options;
    options.onProgress = std::move(onProgress);
    const auto reference = parsed.find("reference_date");
    if (reference != parsed.end() && !reference->is_null() && !(reference->is_string() && reference->get<std::string>().empty())) {
        options.referenceDate = reference->is_string() ? parseIsoDate(reference->get<std::string>()) : std::nullopt;
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
