#pragma once
// Reading and validating request input. Every check adds to one list of field errors, so a client
// learns about all bad fields at once (422), never a 500.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/errors.hpp"
#include "platform/text.hpp"

namespace rw {

// Arrays and objects nested deeper than this are refused before parsing; real bodies nest a few levels.
constexpr std::size_t kMaxJsonDepth = 64;
// Parses a JSON object body: 400 json_too_deep / 400 malformed_json / 400 body_not_object.
nlohmann::json parse_json_object(std::string_view body);
// `base` with the values of those `keys` that `changes` has: a PATCH body over the stored record.
nlohmann::json overlay(nlohmann::json base, const nlohmann::json& changes,
                       const std::vector<std::string>& keys);

class Fields {
 public:
  explicit Fields(const nlohmann::json& object) : object_(object) {}

  bool has(const std::string& key) const { return object_.contains(key); }
  // Given with a value: null counts as absent, so a required field sent as null is refused like a missing
  // one.
  bool present(const std::string& key) const { return has(key) && !object_[key].is_null(); }
  // Adds a `required` error unless the field is present.
  void require(const std::string& key);
  const nlohmann::json& object() const { return object_; }
  // Text trimmed of surrounding spaces; length counted in characters (UTF-8 code points).
  std::string required_text(const std::string& key, std::size_t min_chars, std::size_t max_chars);
  std::optional<std::string> optional_text(const std::string& key, std::size_t max_chars);
  // Like optional_text, but an empty value is an error (for renaming: a name may change, not vanish).
  std::optional<std::string> optional_nonempty_text(const std::string& key, std::size_t max_chars);
  // Empty, or text with an @.
  std::optional<std::string> optional_email(const std::string& key);
  std::optional<std::int64_t> optional_id(const std::string& key);  // null or absent → nullopt
  std::int64_t required_id(const std::string& key);
  std::optional<bool> optional_bool(const std::string& key);
  // A YYYY-MM-DD calendar date; null or absent → nullopt.
  std::optional<std::string> optional_date(const std::string& key);
  std::optional<double> optional_number(const std::string& key, double min, double max);
  // A whole number within [min, max]; null or absent → nullopt.
  std::optional<std::int64_t> optional_integer(const std::string& key, std::int64_t min, std::int64_t max);
  // A non-negative yuan amount with at most two decimals, returned in fen.
  std::optional<std::int64_t> optional_amount_fen(const std::string& key);
  // A list of distinct non-empty texts.
  std::optional<std::vector<std::string>> optional_texts(const std::string& key, std::size_t max_items,
                                                         std::size_t max_chars);
  std::optional<std::vector<std::int64_t>> optional_ids(const std::string& key, std::size_t max_items);
  // A list of distinct values out of `allowed`.
  std::optional<std::vector<std::string>> optional_choices(const std::string& key,
                                                           const std::set<std::string>& allowed);
  std::string required_choice(const std::string& key, const std::set<std::string>& allowed);
  std::optional<std::string> optional_choice(const std::string& key, const std::set<std::string>& allowed);

  void add_error(std::string field, std::string code, std::string message, std::string message_en);
  bool ok() const { return errors_.empty(); }
  const std::vector<FieldError>& errors() const { return errors_; }
  // Throws 422 with every error collected.
  void finish() const;

 private:
  void wrong_type(const std::string& key, const char* expected_zh, const char* expected_en);
  const nlohmann::json& object_;
  std::vector<FieldError> errors_;
};

struct Page {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

// Query-string helpers; each throws 422 naming the parameter on bad input.
Page parse_page(const std::map<std::string, std::string>& query);
std::optional<std::int64_t> query_id(const std::map<std::string, std::string>& query, const std::string& key);
std::optional<std::string> query_text(const std::map<std::string, std::string>& query, const std::string& key,
                                      std::size_t max_chars = 100);
// A YYYY-MM-DD date.
std::optional<std::string> query_date(const std::map<std::string, std::string>& query,
                                      const std::string& key);
std::optional<bool> query_bool(const std::map<std::string, std::string>& query, const std::string& key);
std::optional<std::string> query_choice(const std::map<std::string, std::string>& query,
                                        const std::string& key, const std::set<std::string>& allowed);
std::int64_t parse_id(const std::string& text);  // path ids: 404 unless a positive integer

}  // namespace rw
