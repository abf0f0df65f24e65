#pragma once
// Time source injected everywhere so rules can be tested without the wall clock.
#include <chrono>
#include <cstdint>
#include <string>

namespace rw {

using Seconds = std::int64_t;  // Unix time in seconds

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Seconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Seconds now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// "2026-11-22T07:13:14Z"
std::string format_utc(Seconds t);
// Parses "YYYY-MM-DD" (start of day UTC) or "YYYY-MM-DDTHH:MM:SSZ"; false on anything else.
bool parse_utc(const std::string& text, Seconds& out);

}  // namespace rw
