#pragma once
// What a filled form means, as pure functions of a template and its answers: which sections and items are
// visible, whether an answer fits its item, what a submission still lacks, which findings the chosen options
// raise, and the score. One pass in document order, since a condition only reads earlier items.
//
// An answer is {"value": V, "detail"?: text, "note"?: text, "photos"?: [file ids]} with V by kind:
// yes_no / single: an option value; multiple: a list of option values; text: a string; number: a number;
// date: "YYYY-MM-DD"; photo: a list of file ids; table: a list of {"row"?: preset row id, "cells": {column:
// V}}.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "forms/template.hpp"

namespace rw::forms {

using Answers = std::map<std::string, nlohmann::json>;  // item id → answer
// The enterprise's fields a condition may read: field → its values (tags has several).
using EnterpriseFacts = std::map<std::string, std::vector<std::string>>;

struct Visibility {
  std::vector<bool> sections;  // by Template::sections index
  std::vector<bool> items;     // by Template::items index
};
Visibility visibility(const Template& form, const Answers& answers, const EnterpriseFacts& enterprise);

// Why an answer does not fit its item (a code and zh/en messages), or nothing.
struct AnswerFault {
  std::string code;
  std::string zh;
  std::string en;
};
std::optional<AnswerFault> check_answer(const Item& item, const nlohmann::json& answer);

// What keeps a form from being submitted: each visible required item without an answer, and photo items
// below their minimum.
struct Gap {
  std::string item_id;
  std::string code;  // "required" or "too_few_photos"
};
std::vector<Gap> submission_gaps(const Template& form, const Answers& answers,
                                 const EnterpriseFacts& enterprise);

// The findings the chosen options of visible items raise, in document order (a table's cells raise
// findings too, named by their row).
struct RaisedFinding {
  std::string item_id;
  std::string option_value;
  Finding finding;
  std::vector<std::int64_t> photo_file_ids;  // the answer's photos
};
std::vector<RaisedFinding> raised_findings(const Template& form, const Answers& answers,
                                           const EnterpriseFacts& enterprise);

// The score of a scored form (any option with a score): per top-level section the sum of the chosen options'
// scores of its visible items (sub-sections included) and the best it could have been, and the total as
// the weighted sum.
struct SectionScore {
  std::string section_id;
  double score = 0;
  double best = 0;
  double weight = 1;
};
struct Score {
  double total = 0;
  double best = 0;
  std::vector<SectionScore> sections;
};
std::optional<Score> score(const Template& form, const Answers& answers, const EnterpriseFacts& enterprise);

}  // namespace rw::forms
