#include "archive/archive_rules.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "platform/dates.hpp"
#include "platform/files/sha256.hpp"

namespace rw::archive {
namespace {

std::chrono::year_month_day date_of(const std::string& text) {
  const auto date = parse_date(text);
  if (!date) throw std::invalid_argument("archive: not a date: " + text);
  return *date;
}

std::string text_of(const nlohmann::json& object, const char* key) {
  return object.contains(key) ? object.at(key).get<std::string>() : std::string();
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

DocumentList parse_list(const nlohmann::json& body) {
  try {
    DocumentList list;
    list.code = body.at("code").get<std::string>();
    list.version = body.at("version").get<int>();
    list.source = body.at("source").get<std::string>();
    list.subject = body.at("subject").get<std::string>();
    list.name_zh = body.at("name_zh").get<std::string>();
    list.name_en = body.at("name_en").get<std::string>();
    list.reference = text_of(body, "reference");
    list.note_zh = text_of(body, "note_zh");
    list.paper_column = body.at("paper_column").get<bool>();
    list.reason_for_no = body.at("reason_for_no").get<bool>();
    for (const auto& category : body.at("categories")) {
      for (const auto& entry : category.at("items")) {
        ListItem item{entry.at("code").get<std::string>(),
                      entry.at("name_zh").get<std::string>(),
                      entry.at("name_en").get<std::string>(),
                      category.at("name_zh").get<std::string>(),
                      category.at("name_en").get<std::string>(),
                      text_of(entry, "expiry"),
                      entry.value("revise_years", 0)};
        if (item.expiry != "" && item.expiry != "valid_until" &&
            !(item.expiry == "revise_years" && item.revise_years > 0))
          throw std::invalid_argument("bad expiry of item " + item.code);
        if (list.find(item.code)) throw std::invalid_argument("duplicate item " + item.code);
        list.items.push_back(std::move(item));
      }
    }
    if (list.items.empty()) throw std::invalid_argument("no items");
    return list;
  } catch (const nlohmann::json::exception& error) {
    throw std::invalid_argument(std::string("archive list: ") + error.what());
  }
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
