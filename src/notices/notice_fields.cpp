#include "notices/notice_fields.hpp"

namespace rw::notices {

using nlohmann::json;

namespace {

const std::set<std::string> kFieldNames = {
    "staff", "visited_on", "period",      "deadline_days", "law",     "plan_due_on", "submit_to", "email",
    "area",  "contractor", "check_items", "problems",      "contact", "phone",       "hazard_ids"};

std::vector<NoticeProblem> read_problems(Fields& fields) {
  std::vector<NoticeProblem> out;
  const auto& list = fields.object()["problems"];
  if (list.is_null()) return out;
  if (!list.is_array() || list.size() > 100) {
    fields.add_error("problems", "not_a_list", "应为不超过 100 项的列表", "expected a list of at most 100");
    return out;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto key = "problems[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      fields.add_error(key, "not_an_object", "每个问题应为对象", "each problem is an object");
      continue;
    }
    Fields item(list[i]);
    NoticeProblem p{item.required_text("description", 1, 2000),
                    item.optional_text("basis", 1000).value_or(""),
                    item.optional_text("suggestion", 2000).value_or("")};
    for (const auto& [k, v] : list[i].items())
      if (k != "description" && k != "basis" && k != "suggestion")
        item.add_error(k, "unknown_field", "不认识的字段", "unknown field");
    for (const auto& e : item.errors())
      fields.add_error(key + "." + e.field, e.code, e.message, e.message_en);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

void refuse_unknown_fields(Fields& fields, const json& body, const std::set<std::string>& others) {
  for (const auto& [key, value] : body.items())
    if (!kFieldNames.count(key) && !others.count(key))
      fields.add_error(key, "unknown_field", "不认识的字段", "unknown field");
}

void read_fields(Fields& fields, NoticeFields& f) {
  const auto text = [&](const char* key, std::string& into, std::size_t max) {
    if (fields.has(key)) into = fields.optional_text(key, max).value_or("");
  };
  text("staff", f.staff, 200);
  if (fields.has("visited_on")) f.visited_on = fields.optional_date("visited_on");
  text("period", f.period, 200);
  if (fields.has("deadline_days")) f.deadline_days = fields.optional_integer("deadline_days", 1, 250);
  text("law", f.law, 500);
  if (fields.has("plan_due_on")) f.plan_due_on = fields.optional_date("plan_due_on");
  text("submit_to", f.submit_to, 200);
  if (fields.has("email")) f.email = fields.optional_email("email").value_or("");
  text("area", f.area, 100);
  text("contractor", f.contractor, 200);
  if (fields.has("check_items"))
    f.check_items = fields.optional_texts("check_items", 30, 500).value_or(std::vector<std::string>{});
  if (fields.has("problems")) f.problems = read_problems(fields);
  text("contact", f.contact, 100);
  text("phone", f.phone, 50);
}

json fields_json(const NoticeFields& f) {
  json problems = json::array();
  for (const auto& p : f.problems)
    problems.push_back({{"description", p.description}, {"basis", p.basis}, {"suggestion", p.suggestion}});
  return {{"staff", f.staff},
          {"visited_on", f.visited_on ? json(*f.visited_on) : json()},
          {"period", f.period},
          {"deadline_days", f.deadline_days ? json(*f.deadline_days) : json()},
          {"law", f.law},
          {"plan_due_on", f.plan_due_on ? json(*f.plan_due_on) : json()},
          {"submit_to", f.submit_to},
          {"email", f.email},
          {"area", f.area},
          {"contractor", f.contractor},
          {"check_items", f.check_items},
          {"problems", problems},
          {"contact", f.contact},
          {"phone", f.phone}};
}

}  // namespace rw::notices
