#include "registry/industries.hpp"

#include <algorithm>
#include <stdexcept>

#include "platform/embedded.hpp"

namespace rw::registry {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == separator) {
      parts.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

}  // namespace

IndustryTable::IndustryTable(std::string_view tsv) {
  bool header_seen = false;
  for (auto line : split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;  // code, level, parent, name
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() != 4) throw std::runtime_error("industries: bad line: " + std::string(line));
    classes_.push_back({std::string(cells[0]), std::stoi(std::string(cells[1])), std::string(cells[2]),
                        std::string(cells[3])});
  }
  by_code_.resize(classes_.size());
  for (std::size_t i = 0; i < by_code_.size(); ++i) by_code_[i] = i;
  std::sort(by_code_.begin(), by_code_.end(),
            [this](std::size_t a, std::size_t b) { return classes_[a].code < classes_[b].code; });
}

const IndustryTable& IndustryTable::shipped() {
  static const IndustryTable table(embedded::data_file("industries/gb-t-4754-2017.tsv"));
  return table;
}

const Industry* IndustryTable::find(std::string_view code) const {
  auto it = std::lower_bound(by_code_.begin(), by_code_.end(), code,
                             [this](std::size_t i, std::string_view c) { return classes_[i].code < c; });
  return it != by_code_.end() && classes_[*it].code == code ? &classes_[*it] : nullptr;
}

std::vector<std::string> IndustryTable::divisions_of(std::string_view section) const {
  std::vector<std::string> out;
  for (const auto& i : classes_)
    if (i.level == 2 && i.parent == section) out.push_back(i.code);
  return out;
}

std::string IndustryTable::section_of(std::string_view code) const {
  const auto* division = code.size() >= 2 ? find(code.substr(0, 2)) : nullptr;
  return division ? division->parent : std::string();
}

std::optional<std::string> industry_code_of(const IndustryTable& table, std::string_view text) {
  const auto space = text.find_first_of(" \t");
  const auto first_word = text.substr(0, space);
  if (table.find(first_word)) return std::string(first_word);
  // A group with a single class shares its name with it; the class is the precise answer.
  const Industry* deepest = nullptr;
  for (const auto& i : table.all())
    if (i.name == text && (!deepest || i.level > deepest->level)) deepest = &i;
  if (!deepest) return std::nullopt;
  return deepest->code;
}

std::string industry_name_of(std::string_view code) {
  const auto* industry = IndustryTable::shipped().find(code);
  return industry ? industry->name : "";
}

}  // namespace rw::registry
