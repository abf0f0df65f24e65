#pragma once
// The inputs each fuzz target feeds to the server's own code: one function per target, called by the
// libFuzzer entry (entry.cpp, built with clang in build-fuzz) and by the regression unit test
// (tests/unit/fuzz_regression_test.cpp), which replays every input a fuzzer once crashed on.
//
// An expected refusal is an ApiError: the server answers it with a 4xx. Anything else escaping (an
// std::out_of_range, a nlohmann::json type error) would be a 500 and is a finding, as is a broken invariant
// (InvariantBroken) or a sanitizer report.
#include <stdexcept>
#include <string_view>

namespace rw::fuzz {

struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

// The first byte chooses a request body decoder (enterprise, hazard, safety records, mapping, sum-insured
// table, service type, notice); the rest is the body.
void feed_json_body(std::string_view input);
// The first byte chooses a shipped checklist template; the rest is a JSON object of item id → answer.
void feed_inspection_answers(std::string_view input);
// A checklist template as JSON (POST /templates).
void feed_template_json(std::string_view input);
// A checklist template as an XLSForm workbook (POST /templates/xlsform).
void feed_xlsform(std::string_view input);
// The first byte chooses the reader (by sniffing, CSV, the xlsx sheet named "survey"); the rest is the file.
void feed_sheet(std::string_view input);
// The first byte chooses the year; the rest is a year's holiday arrangement (PUT /calendar/years/{year}).
void feed_calendar(std::string_view input);
// An uploaded file: its type sniffed from its bytes, an image probed with libvips.
void feed_upload(std::string_view input);
// A request target for the web app's files: whatever it resolves to must lie inside the web root.
void feed_static_path(std::string_view input);

}  // namespace rw::fuzz
