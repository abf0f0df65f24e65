// Request bodies: small ones stay in memory, larger ones go to a temporary file that no one can see.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "platform/http/message.hpp"
#include "platform/http/request_body.hpp"
#include "test_database.hpp"

namespace {

namespace fs = std::filesystem;
using rw::http::BodyCollector;
using rw::http::Request;

// The open files of this process that lie in `directory` (deleted ones included), with their modes.
std::vector<mode_t> open_files_in(const fs::path& directory) {
  std::vector<mode_t> modes;
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = fs::read_symlink(entry.path(), ec);
    if (ec || target.string().rfind(directory.string() + "/", 0) != 0) continue;
    struct stat info {};
    if (::stat(entry.path().c_str(), &info) == 0) modes.push_back(info.st_mode & 0777);
  }
  return modes;
}

TEST(RequestBody, UpToTheThresholdStaysInMemory) {
  const fs::path dir = rw::testing::make_temp_dir();
  BodyCollector collector(10, dir);
  collector.append("hello");
  collector.append(" you");
  Request request;
  collector.finish_into(request);
  EXPECT_EQ(request.body, "hello you");
  EXPECT_EQ(request.spooled_body, nullptr);
  EXPECT_EQ(request.body_bytes(), "hello you");
  EXPECT_TRUE(open_files_in(dir).empty());
}

TEST(RequestBody, BeyondTheThresholdGoesToAnUnlinkedPrivateFile) {
  const fs::path dir = rw::testing::make_temp_dir();
  {
    Request request;
    {
      BodyCollector collector(10, dir);
      collector.append("0123456");
      collector.append("789abc");  // crosses the threshold: what came before moves to the file too
      collector.append(std::string(100'000, 'x'));
      collector.finish_into(request);
    }
    EXPECT_TRUE(request.body.empty());
    ASSERT_NE(request.spooled_body, nullptr);
    EXPECT_EQ(request.body_bytes(), "0123456789abc" + std::string(100'000, 'x'));
    // Nothing shows in the directory while the request lives: the file was unlinked when created.
    EXPECT_TRUE(fs::is_empty(dir));
    EXPECT_EQ(open_files_in(dir), std::vector<mode_t>{0600});
  }
  EXPECT_TRUE(open_files_in(dir).empty());  // closed with the request
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(RequestBody, AnUnusableDirectoryIsASystemError) {
  BodyCollector collector(4, "/nonexistent/riskwatch");
  collector.append("abc");
  EXPECT_THROW(collector.append("def"), std::system_error);
}

}  // namespace
