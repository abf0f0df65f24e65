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
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// The time written in a file ("2026-06-01T02:00:00Z"), read at every call so a test or a training
// session can move it; the system time while the file is missing or unreadable.
class FileClock final : public Clock {
 public:
  explicit FileClock(std::string path) : path_(std::move(path)) {}
  Seconds now() const override;

 private:
  std::string path_;
};

// "2026-11-22T07:13:14Z"
std::string format_utc(Seconds t);
// Parses "YYYY-MM-DD" (start of day UTC) or "YYYY-MM-DDTHH:MM:SSZ"; false on anything else.
bool parse_utc(const std::string& text, Seconds& out);

}  // namespace rw
