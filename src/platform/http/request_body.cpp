#include "platform/http/request_body.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

#include "platform/http/message.hpp"

namespace rw::http {
namespace {

// Reads errno before anything else can change it.
[[noreturn]] void fail(const char* what) {
  const int error = errno;
  throw std::system_error(error, std::generic_category(), what);
}

}  // namespace

SpooledBody::SpooledBody(const std::filesystem::path& directory) {
  std::string name = (directory / "riskwatch-body-XXXXXX").string();
  fd_ = ::mkstemp(name.data());  // mode 0600
  if (fd_ < 0) fail("cannot create a request body's temporary file");
  ::unlink(name.c_str());
}

SpooledBody::~SpooledBody() {
  if (mapping_) ::munmap(mapping_, size_);
  ::close(fd_);
}

void SpooledBody::append(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail("cannot write a request body to its temporary file");
    bytes.remove_prefix(static_cast<std::size_t>(written));
    size_ += static_cast<std::size_t>(written);
  }
}

void SpooledBody::finish() {
  if (size_ == 0) return;
  mapping_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    fail("cannot map a request body's temporary file");
  }
  ::madvise(mapping_, size_, MADV_SEQUENTIAL);  // imports read it front to back
}

std::string_view SpooledBody::bytes() const {
  return mapping_ ? std::string_view(static_cast<const char*>(mapping_), size_) : std::string_view();
}

void BodyCollector::append(std::string_view piece) {
  if (!file_ && memory_.size() + piece.size() > threshold_) {
    file_ = std::make_shared<SpooledBody>(directory_);
    file_->append(memory_);
    memory_ = std::string();  // gives the memory back
  }
  if (file_)
    file_->append(piece);
  else
    memory_.append(piece);
}

void BodyCollector::finish_into(Request& request) {
  if (file_) {
    file_->finish();
    request.spooled_body = std::move(file_);
  } else {
    request.body = std::move(memory_);
  }
}

}  // namespace rw::http
