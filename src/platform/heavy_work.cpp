#include "platform/heavy_work.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "platform/errors.hpp"

namespace rw {
namespace {

std::atomic<std::size_t> limit{std::max(1u, std::thread::hardware_concurrency())};
std::atomic<std::size_t> running{0};

// About what one takes at province scale (a district's month as .xlsx: 0.13 s of CPU; ten days as PDF: 1.2
// s).
constexpr std::int64_t kRetryAfterSeconds = 2;

}  // namespace

void set_heavy_work_limit(std::size_t given) { limit = std::max<std::size_t>(1, given); }

std::size_t heavy_work_limit() { return limit.load(); }

HeavyWork::HeavyWork() {
  if (running.fetch_add(1) < limit.load()) return;
  --running;
  ApiError busy(ErrorKind::unavailable, "server_busy", "服务器正在生成其他大文件，请稍后重试",
                "The server is busy making other large files; retry shortly");
  busy.retry_after_seconds = kRetryAfterSeconds;
  throw busy;
}

HeavyWork::~HeavyWork() { --running; }

}  // namespace rw
