// The content-addressed file store in a directory: names, deduplication, crash-safe puts, refused hashes,
// and several writers (threads, processes, servers sharing the directory).
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "platform/errors.hpp"
#include "platform/files/directory_store.hpp"
#include "test_database.hpp"

namespace fs = std::filesystem;
using rw::files::DirectoryStore;

namespace {

constexpr const char* kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kAbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::size_t files_under(const fs::path& dir) {
  std::size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) ++count;
  return count;
}

// Bytes that differ from position to position (and contain NULs), so a misplaced chunk changes the hash.
std::string pattern_bytes(std::size_t size, unsigned seed) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 31 + seed * 7 + i / 251) & 0xff);
  return bytes;
}

std::string sha256sum_of(const fs::path& file) {
  const std::string command = "sha256sum '" + file.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen sha256sum failed");
  char hex[65] = {};
  const auto read = fread(hex, 1, 64, pipe);
  pclose(pipe);
  return std::string(hex, read);
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Hands out `good_bytes` and then fails, like a connection that drops in the middle of an upload.
class BreakingSource : public std::streambuf {
 public:
  explicit BreakingSource(std::size_t good_bytes) : remaining_(good_bytes), chunk_(4096, 'x') {}

 protected:
  int_type underflow() override {
    if (remaining_ == 0) throw std::runtime_error("connection reset");
    const auto size = std::min(remaining_, chunk_.size());
    remaining_ -= size;
    setg(chunk_.data(), chunk_.data(), chunk_.data() + size);
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::size_t remaining_;
  std::string chunk_;
};

class FileStoreTest : public ::testing::Test {
 protected:
  fs::path root = fs::path(rw::testing::make_temp_dir()) / "files";
  DirectoryStore store{root};

  void TearDown() override { fs::remove_all(root.parent_path()); }
};

}  // namespace

TEST_F(FileStoreTest, NamesObjectsByTheirSha256) {
  const auto empty = store.put(std::string_view{});
  EXPECT_EQ(empty.sha256, kEmptySha256);
  EXPECT_EQ(empty.size, 0u);
  const auto abc = store.put("abc");
  EXPECT_EQ(abc.sha256, kAbcSha256);
  EXPECT_EQ(abc.size, 3u);
  EXPECT_TRUE(fs::is_regular_file(root / "sha256" / "ba" / "78" / kAbcSha256));
  EXPECT_EQ(*store.local_path(kAbcSha256), root / "sha256" / "ba" / "78" / kAbcSha256);
}

TEST_F(FileStoreTest, SameContentTwiceIsOneObject) {
  const auto first = store.put("同一张照片");
  const auto second = store.put("同一张照片");
  EXPECT_EQ(first.sha256, second.sha256);
  EXPECT_EQ(files_under(root / "sha256"), 1u);
  EXPECT_EQ(files_under(root / "tmp"), 0u);
  EXPECT_TRUE(store.exists(first.sha256));
  EXPECT_EQ(store.size(first.sha256), std::string("同一张照片").size());
}

TEST_F(FileStoreTest, ReadsBackTheSameBytes) {
  const auto bytes = pattern_bytes(300'000, 1);
  const auto stored = store.put(bytes);
  EXPECT_EQ(store.read(stored.sha256), bytes);
  std::ostringstream streamed;
  streamed << store.open(stored.sha256)->rdbuf();
  EXPECT_EQ(streamed.str(), bytes);
}

TEST_F(FileStoreTest, AbsentObjectIsNotFound) {
  EXPECT_FALSE(store.exists(kAbcSha256));
  for (const auto& call : std::vector<std::function<void()>>{
           [&] { store.read(kAbcSha256); }, [&] { store.size(kAbcSha256); }, [&] { store.open(kAbcSha256); },
           [&] { store.local_path(kAbcSha256); }}) {
    try {
      call();
      ADD_FAILURE() << "an absent object was found";
    } catch (const rw::ApiError& error) {
      EXPECT_EQ(error.kind, rw::ErrorKind::not_found);
    }
  }
}

// The store streams a large file: its hash matches the system's sha256sum and memory does not grow with it.
TEST_F(FileStoreTest, LargeFileFromPathStreams) {
  const auto source = root.parent_path() / "large.bin";
  {
    std::ofstream out(source, std::ios::binary);
    for (unsigned block = 0; block < 20; ++block) out << pattern_bytes(1 << 20, block);
  }
  const auto before = peak_rss_kib();
  const auto stored = store.put_file(source);
  const auto growth_kib = peak_rss_kib() - before;
  EXPECT_EQ(stored.sha256, sha256sum_of(source));
  EXPECT_EQ(stored.size, 20u << 20);
  EXPECT_EQ(fs::file_size(*store.local_path(stored.sha256)), 20u << 20);
  EXPECT_LT(growth_kib, 8 * 1024) << "a 20 MB put grew the peak memory by " << growth_kib << " KiB";
}

TEST_F(FileStoreTest, RefusesAnythingButA64CharacterLowerCaseHash) {
  std::string upper = kAbcSha256;
  for (auto& c : upper) c = static_cast<char>(std::toupper(c));
  std::string with_nul = kAbcSha256;
  with_nul[10] = '\0';
  const std::vector<std::string> refused = {"../x",
                                            "../../../../etc/passwd",
                                            "/etc/passwd",
                                            upper,
                                            std::string(kAbcSha256).substr(0, 63),
                                            std::string(kAbcSha256) + "0",
                                            with_nul,
                                            "",
                                            std::string(64, 'g'),
                                            "ba/78/" + std::string(58, '0')};
  store.put("abc");
  for (const auto& hash : refused) {
    for (const auto& call : std::vector<std::function<void()>>{
             [&] { store.exists(hash); }, [&] { store.read(hash); }, [&] { store.size(hash); },
             [&] { store.open(hash); }, [&] { store.local_path(hash); }}) {
      try {
        call();
        ADD_FAILURE() << "accepted the hash " << hash;
      } catch (const rw::ApiError& error) {
        EXPECT_EQ(error.code, "invalid_file_hash") << hash;
      }
    }
  }
}

TEST_F(FileStoreTest, SourceFailingMidwayLeavesNothing) {
  BreakingSource broken(1 << 20);
  std::istream source(&broken);
  EXPECT_THROW(store.put(source), std::runtime_error);
  EXPECT_EQ(files_under(root / "sha256"), 0u);
  EXPECT_EQ(files_under(root / "tmp"), 0u);
  EXPECT_THROW(store.put_file(root.parent_path() / "missing.bin"), std::system_error);
  EXPECT_EQ(files_under(root / "tmp"), 0u);
}

TEST_F(FileStoreTest, DamagedObjectIsNotReturnedAndAPutRepairsIt) {
  const auto bytes = pattern_bytes(10'000, 2);
  const auto stored = store.put(bytes);
  const auto path = *store.local_path(stored.sha256);
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, 5'000);
  try {
    store.read(stored.sha256);
    ADD_FAILURE() << "a damaged object was returned";
  } catch (const rw::ApiError& error) {
    EXPECT_EQ(error.code, "file_damaged");
  }
  store.put(bytes);
  EXPECT_EQ(store.read(stored.sha256), bytes);
}

TEST_F(FileStoreTest, ConcurrentPutsOfTheSameContentEndWithOneIntactObject) {
  const auto bytes = pattern_bytes(2 << 20, 3);
  std::vector<std::string> hashes(4);
  {
    std::vector<std::jthread> threads;
    for (auto& hash : hashes)
      threads.emplace_back([&] {
        for (int i = 0; i < 10; ++i) hash = store.put(bytes).sha256;
      });
  }
  for (const auto& hash : hashes) EXPECT_EQ(hash, hashes[0]);
  EXPECT_EQ(files_under(root / "sha256"), 1u);
  EXPECT_EQ(files_under(root / "tmp"), 0u);
  EXPECT_EQ(store.read(hashes[0]), bytes);
}

// Two servers on one shared directory: each sees what the other stored, and writing the same bytes at
// the same time (here two processes) leaves one whole object.
TEST_F(FileStoreTest, StoresSharingADirectorySeeEachOthersObjects) {
  DirectoryStore other(root);
  const auto from_other = other.put("written by the other server");
  EXPECT_TRUE(store.exists(from_other.sha256));
  EXPECT_EQ(store.read(from_other.sha256), "written by the other server");

  const auto bytes = pattern_bytes(1 << 20, 4);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    DirectoryStore in_child(root);
    for (int i = 0; i < 20; ++i) in_child.put(bytes);
    _exit(0);
  }
  std::string hash;
  for (int i = 0; i < 20; ++i) hash = other.put(bytes).sha256;
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(files_under(root / "sha256"), 2u);
  EXPECT_EQ(files_under(root / "tmp"), 0u);
  EXPECT_EQ(store.read(hash), bytes);
}

// A put killed with its process leaves a temporary file; the next store opened on the directory removes
// it once it is old enough that no other server can still be writing it.
TEST_F(FileStoreTest, OpeningRemovesAbandonedTemporaryFiles) {
  const auto abandoned = root / "tmp" / "put-abandoned";
  const auto in_progress = root / "tmp" / "put-in-progress";
  std::ofstream(abandoned) << "half";
  std::ofstream(in_progress) << "half";
  fs::last_write_time(abandoned, fs::file_time_type::clock::now() - std::chrono::hours(2));
  DirectoryStore reopened(root);
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_TRUE(fs::exists(in_progress));
}

// The sweep for objects no record names (files/object_sweep.hpp) takes only objects written before its
// cutoff; a put of bytes already present counts as writing them, so an object just handed to an upload again
// is not swept before the upload's row commits.
TEST_F(FileStoreTest, ListsObjectsByWhenLastWrittenAndAPutOfPresentBytesWritesThemAgain) {
  const auto old = store.put("一小时前的照片").sha256;
  const auto fresh = store.put("刚上传的照片").sha256;
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(*store.local_path(old), now - std::chrono::hours(2));
  const auto cutoff = now - std::chrono::hours(1);
  EXPECT_EQ(store.objects_written_before(cutoff), std::vector<std::string>{old});
  EXPECT_TRUE(store.written_before(old, cutoff));
  EXPECT_FALSE(store.written_before(fresh, cutoff));
  EXPECT_EQ(store.objects_written_before(now + std::chrono::seconds(1)).size(), 2u);

  store.put("一小时前的照片");
  EXPECT_FALSE(store.written_before(old, cutoff));
  EXPECT_TRUE(store.objects_written_before(cutoff).empty());
  store.remove(fresh);
  EXPECT_FALSE(store.written_before(fresh, now + std::chrono::seconds(1)));  // gone
}
