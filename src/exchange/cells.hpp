#pragma once
// One imported row's cells by column header, and the conversions from what people type in Excel
// ("2026/1/5", "是", "大型", "水；大气") to the API's JSON values. Conversion errors name the column.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/errors.hpp"
#include "platform/vocabulary.hpp"

namespace rw::exchange {

// Where each known column is among a file's cells: one map for all the file's rows, which keep only their
// texts.
using HeaderPositions = std::map<std::string, std::size_t, std::less<>>;

class Cells {
 public:
  // `texts[i]` is the text of the column that `positions` places at i.
  Cells(std::size_t row, const HeaderPositions& positions, const std::vector<std::string>& texts,
        std::vector<FieldError>& errors)
      : row_(row), positions_(positions), texts_(texts), errors_(errors) {}

  std::size_t row() const { return row_; }
  // The column is in the file (its cell may still be empty).
  bool has(const std::string& header) const { return positions_.count(header) > 0; }
  // Trimmed text; "" when the column is absent.
  std::string text(const std::string& header) const;

  // Each setter writes object[key] only when the column is in the file; an empty cell writes the
  // empty value (null, "" or []), so the file can clear a field.
  void put_text(nlohmann::json& object, const std::string& key, const std::string& header) const;
  void put_number(nlohmann::json& object, const std::string& key, const std::string& header) const;
  void put_date(nlohmann::json& object, const std::string& key, const std::string& header) const;
  void put_choice(nlohmann::json& object, const std::string& key, const std::string& header,
                  const Vocabulary& vocabulary, const char* empty_value = nullptr) const;
  void put_list(nlohmann::json& object, const std::string& key, const std::string& header) const;
  void put_bool(nlohmann::json& object, const std::string& key, const std::string& header) const;

  void error(const std::string& header, std::string code, std::string message, std::string message_en) const;
  // Whether this row already has an error in the column (a later rule need not repeat it).
  bool has_error(const std::string& header) const;

 private:
  std::size_t row_;
  const HeaderPositions& positions_;
  const std::vector<std::string>& texts_;
  std::vector<FieldError>& errors_;
};

// "2026-01-05", "2026/1/5", "2026.1.5", "2026年1月5日" → "2026-01-05".
std::optional<std::string> normalize_date(const std::string& text);
// Items separated by ；;、,，or line breaks, trimmed, empty ones dropped.
std::vector<std::string> split_list(const std::string& text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace rw::exchange
