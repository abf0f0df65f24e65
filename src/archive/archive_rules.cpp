#include "archive/archive_rules.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <stdexcept>

#include "platform/dates.hpp"
#include "platform/files/sha256.hpp"
#include "platform/json_nested.hpp"

namespace rw::archive {
namespace {

std::chrono::year_month_day date_of(const std::string& text) {
  const auto date = parse_date(text);
  if (!date) throw std::invalid_argument("archive: not a date: " + text);
  return *date;
}

// Appends one field as "<length>:<bytes>;".
void field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

const ListItem* DocumentList::find(std::string_view code) const {
  for (const auto& item : items)
    if (item.code == code) return &item;
  return nullptr;
}

namespace {

constexpr std::size_t kMaxCategories = 50;
constexpr std::size_t kMaxItems = 200;
constexpr int kMaxReviseYears = 20;

// An item code is a path segment of the API and a folder name of the export: digits, letters, '-' and '.'.
bool code_shape(std::string_view code) {
  for (const char c : code)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  return !code.empty() && code.front() != '.';
}

constexpr std::size_t kMaxHeldAs = 20;

// A list code: lower-case letters, digits and '_' ("xuzhou_e1").
bool list_code_shape(std::string_view code) {
  for (const char c : code)
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) &&
        c != '_')
      return false;
  return !code.empty() && code.size() <= 40;
}

// held_as: {"xuzhou_e1": ["2-1"], …}, each list code with 1 to 20 item codes.
void read_held_as(Fields& f, ListItem& item) {
  if (!f.present("held_as")) return;
  const auto& held = f.object()["held_as"];
  const auto refuse = [&] {
    f.add_error("held_as", "bad_held_as", "应为 {清单编号: [资料编号, …]}，每个清单 1 至 20 项",
                "must be {list code: [item code, …]} with 1 to 20 items per list");
  };
  if (!held.is_object() || held.size() > kMaxHeldAs) return refuse();
  for (const auto& [list_code, codes] : held.items()) {
    if (!list_code_shape(list_code) || !codes.is_array() || codes.empty() || codes.size() > kMaxHeldAs)
      return refuse();
    auto& into = item.held_as[list_code];
    for (const auto& code : codes) {
      if (!code.is_string() || code.get_ref<const std::string&>().size() > 16 ||
          !code_shape(code.get_ref<const std::string&>()))
        return refuse();
      into.push_back(code.get<std::string>());
    }
  }
}

bool list_of(const nlohmann::json& parent, const char* key, const std::string& path, std::size_t max,
             std::vector<FieldError>& errors) {
  const auto found = parent.find(key);
  if (found != parent.end() && found->is_array() && !found->empty() && found->size() <= max) return true;
  errors.push_back({path, "wrong_size", "应为 1 至 " + std::to_string(max) + " 项的列表",
                    "must be a list of 1 to " + std::to_string(max) + " entries"});
  return false;
}

void read_item(const nlohmann::json& entry, const std::string& path, ListItem& item, DocumentList& list,
               std::vector<FieldError>& errors) {
  Fields f(object_or_empty(entry));
  item.code = f.required_text("code", 1, 16);
  item.name_zh = f.required_text("name_zh", 1, 200);
  item.name_en = f.required_text("name_en", 1, 300);
  item.expiry = f.optional_text("expiry", 20).value_or("");
  item.revise_years = static_cast<int>(f.optional_integer("revise_years", 1, kMaxReviseYears).value_or(0));
  if (!item.code.empty() && !code_shape(item.code))
    f.add_error("code", "bad_code", "编号只能含数字、字母、“-”和“.”", "digits, letters, '-' and '.' only");
  else if (!item.code.empty() && list.find(item.code))
    f.add_error("code", "duplicate_item", "编号与前面的资料重复", "repeats an earlier item's code");
  if (item.expiry != "" && item.expiry != "valid_until" && item.expiry != "revise_years")
    f.add_error("expiry", "unknown_expiry", "应为空、valid_until 或 revise_years",
                "must be empty, valid_until or revise_years");
  read_held_as(f, item);
  if (item.expiry == "revise_years" && !f.present("revise_years"))
    f.add_error("revise_years", "required", "定期修订的资料应写明每几年修订",
                "give the years between revisions");
  add_nested_errors(path, f, errors);
}

}  // namespace

ListReading read_list(const nlohmann::json& body) {
  ListReading out;
  auto& list = out.list;
  if (!body.is_object()) {
    out.errors.push_back({"", "body_not_object", "应为 JSON 对象", "must be a JSON object"});
    return out;
  }
  Fields f(body);
  list.code = f.required_text("code", 1, 40);
  list.version = static_cast<int>(f.optional_integer("version", 1, 1'000'000).value_or(0));
  if (!f.present("version")) f.add_error("version", "required", "必填", "is required");
  list.source = f.required_text("source", 1, 40);
  list.subject = f.required_choice("subject", {"enterprise", "park"});
  list.name_zh = f.required_text("name_zh", 1, 200);
  list.name_en = f.required_text("name_en", 1, 300);
  list.reference = f.optional_text("reference", 200).value_or("");
  list.note_zh = f.optional_text("note_zh", 2000).value_or("");
  f.require("paper_column");
  f.require("reason_for_no");
  list.paper_column = f.optional_bool("paper_column").value_or(false);
  list.reason_for_no = f.optional_bool("reason_for_no").value_or(false);
  out.errors = f.errors();
  if (!list_of(body, "categories", "categories", kMaxCategories, out.errors)) return out;
  const auto& categories = body["categories"];
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const auto path = "categories[" + std::to_string(c) + "]";
    const auto& category = categories[c];
    if (!category.is_object()) {
      out.errors.push_back({path, "not_an_object", "应为 JSON 对象", "must be a JSON object"});
      continue;
    }
    Fields cf(category);
    const auto zh = cf.required_text("name_zh", 1, 100);
    const auto en = cf.required_text("name_en", 1, 200);
    add_nested_errors(path, cf, out.errors);
    if (!list_of(category, "items", path + ".items", kMaxItems, out.errors)) continue;
    const auto& entries = category["items"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
      ListItem item;
      item.category_zh = zh;
      item.category_en = en;
      read_item(entries[i], path + ".items[" + std::to_string(i) + "]", item, list, out.errors);
      list.items.push_back(std::move(item));
    }
  }
  return out;
}

DocumentList parse_list(const nlohmann::json& body) {
  auto read = read_list(body);
  if (!read.errors.empty())
    throw std::invalid_argument("archive list: " + read.errors.front().field + " " +
                                read.errors.front().code);
  return std::move(read.list);
}

std::string default_list_code(std::string_view org_type) {
  if (org_type == "park") return "guilin_e1";
  if (org_type == "insurer") return "wuxi_att3";
  return "xuzhou_e1";
}

std::string add_years(const std::string& date, int years) {
  const auto d = date_of(date);
  std::chrono::year_month_day moved{d.year() + std::chrono::years(years), d.month(), d.day()};
  if (!moved.ok()) moved = std::chrono::year_month_day(moved.year() / moved.month() / std::chrono::last);
  return format_date(moved);
}

std::string add_days(const std::string& date, int days) {
  return format_date(std::chrono::sys_days(date_of(date)) + std::chrono::days(days));
}

std::optional<std::string> valid_until(const ListItem& item, const std::optional<std::string>& issued_on,
                                       const std::optional<std::string>& stated_until) {
  if (item.expiry == "valid_until") return stated_until;
  if (item.expiry == "revise_years" && issued_on) return add_years(*issued_on, item.revise_years);
  return std::nullopt;
}

bool better_state(std::string_view a, std::string_view b) {
  const auto rank = [](std::string_view state) {
    if (state == "present") return 3;
    if (state == "expiring") return 2;
    if (state == "expired") return 1;
    return 0;
  };
  return rank(a) > rank(b);
}

ItemStatus item_status(const DocumentList& list, const ItemFacts& facts, const std::string& today) {
  ItemStatus status;
  if (!facts.has_document)
    status.electronic = "missing";
  else if (facts.valid_until && *facts.valid_until < today)
    status.electronic = "expired";
  else if (facts.valid_until && *facts.valid_until <= add_days(today, kRenewalLeadDays))
    status.electronic = "expiring";
  else
    status.electronic = "present";
  if (list.paper_column)
    status.paper = !facts.paper_on_file ? "unknown" : *facts.paper_on_file ? "on_file" : "not_on_file";
  const bool electronic = status.electronic == "present" || status.electronic == "expiring";
  status.complete = facts.applicable && electronic && (!list.paper_column || status.paper == "on_file");
  return status;
}

void count(Completeness& totals, const ItemFacts& facts, const ItemStatus& status) {
  if (!facts.applicable) {
    ++totals.not_applicable;
    return;
  }
  ++totals.items;
  if (status.complete) ++totals.complete;
  if (status.electronic == "present" || status.electronic == "expiring") ++totals.electronic;
  if (status.paper == "on_file") ++totals.paper;
  if (status.electronic == "expiring") ++totals.expiring;
  if (status.electronic == "expired") ++totals.expired;
  totals.percent = totals.items ? totals.complete * 100 / totals.items : 100;
}

std::string renewal_due(const std::string& until, const std::string& today) {
  const auto due = add_days(until, -kRenewalLeadDays);
  return due < today ? today : due;
}

std::string retain_until(const std::string& today, int retention_years) {
  return add_years(today, retention_years);
}

std::string chain_hash(const ChainEntry& e) {
  std::string text = "riskwatch-archive-v1;";
  field(text, std::to_string(e.seq));
  field(text, std::to_string(e.enterprise_id));
  field(text, e.kind);
  field(text, e.item_code);
  field(text, e.document_id ? std::to_string(*e.document_id) : "");
  field(text, e.file_sha256);
  field(text, e.detail);
  field(text, std::to_string(e.actor_id));
  field(text, e.at);
  field(text, e.prev_hash);
  files::Sha256 hash;
  hash.update(text);
  return hash.hex_digest();
}

std::string safe_segment(std::string_view text, std::string_view fallback) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < 80;) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
        c == '<' || c == '>' || c == '|')
      out += '_';
    else
      out.append(text.substr(i, length));
    i += length;
    ++chars;
  }
  const auto first = out.find_first_not_of(". ");
  out = first == std::string::npos ? std::string() : out.substr(first);
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out.empty() ? std::string(fallback) : out;
}

}  // namespace rw::archive
