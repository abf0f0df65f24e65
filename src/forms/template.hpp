#pragma once
// A checklist template (data/checklists/template.schema.json) read into a tree the form rules walk. Parsing
// checks the JSON Schema and the rules the schema cannot state (unique ids, conditions that name earlier
// items and values those items offer); a template that fails is an ApiError 422 whose field is the JSON
// path of the first fault ("/sections/0/items/3/options").
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rw::forms {

struct Finding {
  std::string category;
  std::string grade;  // "major" (重大) or "general" (一般)
  std::string description;
  std::string suggestion;
  std::string basis;
};

struct Option {
  std::string value;
  std::string label;
  std::optional<double> score;
  bool asks_detail = false;  // text beside the option ("□待完善：____")
  bool exclusive = false;    // in a multiple choice, chosen alone (不涉及)
  std::optional<Finding> finding;
};

struct Column {
  std::string id;
  std::string label;
  std::string kind;
  std::vector<Option> options;
  bool readonly = false;
  bool required = false;

  const Option* option(const std::string& value) const;
};

struct Row {
  std::string id;
  std::string label;
};

struct Item {
  std::string id;
  std::string kind;  // yes_no single multiple text number date photo table
  std::string label;
  bool required = false;
  std::vector<Option> options;
  std::optional<double> min, max;
  bool integer = false;
  int min_photos = 0;
  std::vector<Column> columns;
  std::vector<Row> rows;
  bool rows_addable = false;
  nlohmann::json visible_if;  // null: always
  std::size_t section = 0;    // index into Template::sections

  const Option* option(const std::string& value) const;
  const Column* column(const std::string& id) const;
};

struct Section {
  std::string id;
  std::string title;
  double weight = 1;
  nlohmann::json visible_if;
  std::optional<std::size_t> parent;
};

struct Template {
  std::string code;
  std::string name;
  int version = 0;
  std::vector<std::string> service_types;
  std::vector<Section> sections;  // in document order, parents before children
  std::vector<Item> items;        // in document order
  nlohmann::json body;            // as given

  const Item* item(const std::string& id) const;
};

// Reads and checks a template; ApiError 422 `invalid_template` naming the JSON path otherwise.
Template parse_template(const nlohmann::json& body);

// The JSON Schema's verdict alone: the path and message of the first violation, if any (template_schema.cpp).
struct SchemaFault {
  std::string path;
  std::string message;
};
std::optional<SchemaFault> schema_fault(const nlohmann::json& body);

}  // namespace rw::forms
