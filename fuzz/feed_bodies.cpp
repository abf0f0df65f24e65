// Request bodies: the parse step of the routes, as their services run it before touching the database.
#include <nlohmann/json.hpp>

#include <chrono>

#include "calendar/arrangement.hpp"
#include "calendar/working_calendar.hpp"
#include "feeds.hpp"
#include "forms/form_rules.hpp"
#include "forms/shipped.hpp"
#include "forms/template.hpp"
#include "hazards/hazard_facts.hpp"
#include "notices/notice_fields.hpp"
#include "platform/json_input.hpp"
#include "registry/enterprise_record.hpp"
#include "safety/risk_records.hpp"
#include "services/catalog_record.hpp"
#include "suminsured/sum_insured_rules.hpp"

namespace rw::fuzz {
namespace {

using nlohmann::json;

void require(bool holds, const char* what) {
  if (!holds) throw InvariantBroken(what);
}

// A record read, written back as the API shows it and read again is the same record.
void enterprise(const json& body) {
  Fields fields(body);
  const auto record = registry::read_enterprise(fields);
  if (!fields.ok()) return;
  Fields again(registry::record_json(record));
  require(registry::read_enterprise(again) == record && again.ok(), "enterprise record does not round-trip");
}

void hazard(const json& body, bool create) {
  Fields fields(body);
  hazards::refuse_unknown_fields(fields, body, {"item_id"});
  hazards::HazardFacts facts;
  hazards::read_facts(fields, facts, create);
  if (fields.ok()) (void)hazards::facts_json(facts);
}

void safety_records(const json& body) {
  for (const auto kind :
       {safety::Kind::activity, safety::Kind::equipment, safety::Kind::assessment, safety::Kind::zone}) {
    try {
      const auto parsed =
          safety::parse_record(kind, body, safety::default_mapping(), safety::PlanSize{1200, 800});
      if (kind == safety::Kind::zone) (void)safety::polygon_of(parsed.data);
    } catch (const ApiError&) {
    }
  }
}

void service_type(const json& body) {
  Fields fields(body);
  (void)services::read_service_type(fields, {"survey", "inspection", "training"});
}

// A notice's fields read, shown and read again show the same.
void notice(const json& body) {
  Fields fields(body);
  notices::refuse_unknown_fields(fields, body, {"kind", "enterprise_id"});
  notices::NoticeFields read;
  notices::read_fields(fields, read);
  (void)fields.optional_ids("hazard_ids", 200);
  if (!fields.ok()) return;
  const auto shown = notices::fields_json(read);
  Fields again(shown);
  notices::NoticeFields reread;
  notices::read_fields(again, reread);
  require(again.ok() && notices::fields_json(reread) == shown, "notice fields do not round-trip");
}

void decode(unsigned char selector, const json& body) {
  switch (selector % 8) {
    case 0:
      return enterprise(body);
    case 1:
      return hazard(body, true);
    case 2:
      return hazard(body, false);
    case 3:
      return safety_records(body);
    case 4:
      (void)safety::parse_mapping(body);
      return;
    case 5:
      (void)suminsured::read_table(body, [](std::string_view) { return true; });
      return;
    case 6:
      return service_type(body);
    default:
      return notice(body);
  }
}

}  // namespace

void feed_json_body(std::string_view input) {
  if (input.empty()) return;
  try {
    decode(static_cast<unsigned char>(input[0]), parse_json_object(input.substr(1)));
  } catch (const ApiError&) {
  }
}

// As PUT /inspections/{id}/answers/{item} checks each answer, then what submitting the form computes from
// the accepted ones.
void feed_inspection_answers(std::string_view input) {
  static const auto templates = forms::shipped_templates();
  require(!templates.empty(), "no shipped templates");
  if (input.empty()) return;
  const auto& form = templates[static_cast<unsigned char>(input[0]) % templates.size()];
  json body;
  try {
    body = parse_json_object(input.substr(1));
  } catch (const ApiError&) {
    return;
  }
  forms::Answers answers;
  for (const auto& [item_id, answer] : body.items()) {
    const auto* item = form.item(item_id);
    if (item && !forms::check_answer(*item, answer)) answers[item_id] = answer;
  }
  const forms::EnterpriseFacts facts{{"industry", {"C26"}}, {"risk_level", {"larger"}}};
  const auto shown = forms::visibility(form, answers, facts);
  require(shown.items.size() == form.items.size(), "visibility does not cover every item");
  (void)forms::submission_gaps(form, answers, facts);
  (void)forms::raised_findings(form, answers, facts);
  if (const auto scored = forms::score(form, answers, facts))
    require(scored->total <= scored->best + 1e-9 || scored->best < 0, "score above the best possible");
}

void feed_template_json(std::string_view input) {
  try {
    (void)forms::parse_template(parse_json_object(input));
  } catch (const ApiError&) {
  }
}

// A checked year's working days: counting forward then back gives the same number.
void feed_calendar(std::string_view input) {
  if (input.empty()) return;
  const int year = 2020 + static_cast<unsigned char>(input[0]) % 10;
  calendar::YearArrangement arrangement;
  try {
    arrangement =
        calendar::arrangement_of(calendar::checked_arrangement(parse_json_object(input.substr(1)), year));
  } catch (const ApiError&) {
    return;
  }
  using namespace std::chrono;
  const calendar::WorkingCalendar days({{year, arrangement}});
  const calendar::Date new_year{std::chrono::year(year), January, 1d};
  for (const int n : {1, 15, 120, 300}) {
    const auto later = days.add_working_days(new_year, n);
    require(days.working_days_between(new_year, later) == n, "working days do not count back");
    require(days.is_working_day(later), "a deadline on a day off");
  }
}

}  // namespace rw::fuzz
