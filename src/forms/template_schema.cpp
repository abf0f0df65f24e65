// The JSON Schema check of a template, with valijson; the only file that includes it.
#include <memory>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "forms/template.hpp"
#include "platform/embedded.hpp"

namespace rw::forms {
namespace {

// Parsed once; valijson's Schema can be neither copied nor moved, so it lives in a function-local static.
const valijson::Schema& template_schema() {
  static const auto schema = [] {
    const auto document = nlohmann::json::parse(embedded::data_file("checklists/template.schema.json"));
    auto parsed = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(document), *parsed);
    return parsed;
  }();
  return *schema;
}

// valijson names the place as "<root>", "[sections]", "[0]"…; a JSON Pointer reads better.
std::string pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    const bool bracketed = part.size() >= 2 && part.front() == '[' && part.back() == ']';
    out += "/" + (bracketed ? part.substr(1, part.size() - 2) : part);
  }
  return out.empty() ? "/" : out;
}

}  // namespace

std::optional<SchemaFault> schema_fault(const nlohmann::json& body) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(template_schema(), valijson::adapters::NlohmannJsonAdapter(body), &results))
    return std::nullopt;
  // The deepest error names the fault; the ones above it only say a branch failed.
  valijson::ValidationResults::Error error, deepest;
  while (results.popError(error))
    if (error.context.size() > deepest.context.size()) deepest = error;
  return SchemaFault{pointer(deepest.context), deepest.description};
}

}  // namespace rw::forms
