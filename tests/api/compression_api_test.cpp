// Issue 10, the web app at this scale: static files go out as the build's precompressed copies, API JSON
// above a size gzipped, each only to a client whose Accept-Encoding takes it.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "harness.hpp"
#include "platform/http/compression.hpp"

using namespace rw::testing;
namespace fs = std::filesystem;

namespace {

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(16 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string brotli_decode(const std::string& bytes) {
  std::string out(16 << 20, '\0');
  std::size_t size = out.size();
  EXPECT_EQ(BrotliDecoderDecompress(bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()), &size,
                                    reinterpret_cast<std::uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

std::string brotli_encode(const std::string& text) {
  std::string out(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  std::size_t size = out.size();
  EXPECT_TRUE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                    text.size(), reinterpret_cast<const std::uint8_t*>(text.data()), &size,
                                    reinterpret_cast<std::uint8_t*>(out.data())));
  out.resize(size);
  return out;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A file as `vite build` and web/scripts/precompress.mjs leave it: the original, then its .br and .gz.
void write_built(const fs::path& path, const std::string& text) {
  write_file(path, text);
  write_file(fs::path(path) += ".br", brotli_encode(text));
  write_file(fs::path(path) += ".gz", rw::http::gzip(text));
}

std::string script(const std::string& name) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "export const " + name + std::to_string(i) + " = 'enterprise';\n";
  return text;
}

HttpResult get(unsigned short port, const std::string& target, const std::string& accept_encoding,
               const std::string& method = "GET") {
  return http_request(port, method, target, "", {{"Accept-Encoding", accept_encoding}});
}

class StaticCompression : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(ServerConfig{.seed_demo = false});
    const fs::path web = fs::path(server_->dir()) / "web";
    fs::create_directories(web / "assets");
    write_built(web / "index.html", "<!doctype html><title>desk</title>" + std::string(2000, ' ') + "<p>end");
    write_built(web / "assets" / "app.js", script("app"));
  }
  static void TearDownTestSuite() { server_.reset(); }
  static unsigned short port() { return server_->port(); }
  static fs::path web() { return fs::path(server_->dir()) / "web"; }
  static inline std::unique_ptr<ServerProcess> server_;
};

}  // namespace

TEST_F(StaticCompression, AClientThatAcceptsBrotliGetsTheBrCopyAsJavaScript) {
  auto result = get(port(), "/assets/app.js", "gzip, deflate, br");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.header("content-encoding"), "br");
  EXPECT_EQ(result.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(result.header("vary"), "Accept-Encoding");
  EXPECT_EQ(result.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(result.body, read_file(web() / "assets" / "app.js.br"));
  EXPECT_EQ(brotli_decode(result.body), script("app"));
}

TEST_F(StaticCompression, GzipWhenBrotliIsRefusedOrWeighsLess) {
  for (const std::string accept : {"gzip", "br;q=0, gzip", "gzip;q=0.5, br;q=0.4", "x-gzip"}) {
    auto result = get(port(), "/assets/app.js", accept);
    EXPECT_EQ(result.header("content-encoding"), "gzip") << accept;
    EXPECT_EQ(result.header("content-type"), "text/javascript; charset=utf-8") << accept;
    EXPECT_EQ(gunzip(result.body), script("app")) << accept;
  }
}

TEST_F(StaticCompression, WithoutAcceptEncodingTheOriginal) {
  for (const std::string accept : {"", "identity", "br;q=0, gzip;q=0", "deflate"}) {
    auto result = get(port(), "/assets/app.js", accept);
    EXPECT_EQ(result.header("content-encoding"), "") << accept;
    EXPECT_EQ(result.header("vary"), "Accept-Encoding") << accept;
    EXPECT_EQ(result.body, script("app")) << accept;
  }
}

TEST_F(StaticCompression, TheAppsEntryPageComesCompressedOnEveryClientRoute) {
  for (const std::string target : {"/", "/index.html", "/enterprises/42"}) {
    auto result = get(port(), target, "br");
    EXPECT_EQ(result.header("content-encoding"), "br") << target;
    EXPECT_EQ(result.header("content-type"), "text/html; charset=utf-8") << target;
    EXPECT_EQ(result.header("cache-control"), "no-cache") << target;
    EXPECT_EQ(brotli_decode(result.body), read_file(web() / "index.html")) << target;
  }
}

TEST_F(StaticCompression, HeadAnnouncesTheLengthOfWhatGetWouldSend) {
  auto head = get(port(), "/assets/app.js", "gzip", "HEAD");
  EXPECT_EQ(head.header("content-encoding"), "gzip");
  EXPECT_EQ(head.header("content-length"), std::to_string(fs::file_size(web() / "assets" / "app.js.gz")));
}

TEST_F(StaticCompression, ACompressedFileAskedForByNameIsBytesNotScript) {
  for (const std::string target : {"/assets/app.js.br", "/assets/app.js.gz"}) {
    auto result = get(port(), target, "gzip, br");
    ASSERT_EQ(result.status, 200) << target;
    EXPECT_EQ(result.header("content-type"), "application/octet-stream") << target;
    EXPECT_EQ(result.header("content-encoding"), "") << target;
    EXPECT_EQ(result.body, read_file(web() / target.substr(1))) << target;
  }
}

TEST_F(StaticCompression, ACopyOlderThanItsOriginalIsNotServed) {
  const auto original = web() / "assets" / "stale.js";
  write_built(original, script("old"));
  write_file(original, script("new"));  // rebuilt without precompressing
  const auto now = fs::last_write_time(original);
  fs::last_write_time(fs::path(original) += ".br", now - std::chrono::seconds(60));
  fs::last_write_time(fs::path(original) += ".gz", now - std::chrono::seconds(60));
  auto result = get(port(), "/assets/stale.js", "gzip, br");
  EXPECT_EQ(result.header("content-encoding"), "");
  EXPECT_EQ(result.header("vary"), "");
  EXPECT_EQ(result.body, script("new"));
}

TEST_F(StaticCompression, ACopyThatLinksOutOfTheRootIsNotFollowed) {
  const fs::path outside = fs::path(server_->dir()) / "secret";
  write_built(outside, "SECRET " + script("secret"));
  write_file(web() / "assets" / "linked.js", script("linked"));
  fs::create_symlink(fs::path(outside) += ".br", web() / "assets" / "linked.js.br");
  fs::create_symlink(fs::path(outside) += ".gz", web() / "assets" / "linked.js.gz");
  auto result = get(port(), "/assets/linked.js", "gzip, br");
  EXPECT_EQ(result.header("content-encoding"), "");
  EXPECT_EQ(result.body, script("linked"));
  // Nor does a compressed copy open a way around the confinement of the request path.
  for (const std::string& target :
       std::vector<std::string>{"/../secret", "//" + outside.string().substr(1), "/assets/../../secret",
                                "/%2e%2e/secret", "/..%2fsecret"}) {
    auto attack = get(port(), target, "gzip, br");
    EXPECT_TRUE(attack.status == 404 || attack.status == 400) << target << " → " << attack.status;
    EXPECT_EQ(attack.header("content-encoding"), "") << target;
  }
}

// API JSON: a list well above the threshold, in the demo data.
class ApiCompression : public ApiTest {
 protected:
  static HttpResult service_types(const Login& as, const std::string& accept_encoding) {
    return http_request(port(), "GET", "/api/v1/service-types", "",
                        {{"Authorization", "Bearer " + as.token}, {"Accept-Encoding", accept_encoding}});
  }
};

TEST_F(ApiCompression, ALargeListIsGzippedForAClientThatAcceptsIt) {
  const auto admin = login(port(), "demo-admin");
  const auto plain = service_types(admin, "");
  ASSERT_EQ(plain.status, 200);
  ASSERT_GT(plain.body.size(), rw::http::kCompressFromBytes);
  ASSERT_FALSE(plain.json()["items"].empty());
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  const auto packed = service_types(admin, "gzip, deflate, br");
  ASSERT_EQ(packed.status, 200);
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_EQ(packed.header("vary"), "Accept-Encoding");
  EXPECT_EQ(packed.header("content-type"), "application/json");
  EXPECT_LT(packed.body.size(), plain.body.size() / 3);
  EXPECT_EQ(gunzip(packed.body), plain.body);

  EXPECT_EQ(service_types(admin, "br, gzip;q=0").header("content-encoding"), "");
}

TEST_F(ApiCompression, SmallAnswersAndProblemsStayPlain) {
  const auto health = get(port(), "/api/v1/health", "gzip");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.header("content-encoding"), "");
  EXPECT_EQ(health.header("vary"), "");
  const auto problem = get(port(), "/api/v1/no-such-api", "gzip");
  EXPECT_EQ(problem.status, 404);
  EXPECT_EQ(problem.header("content-type"), "application/problem+json");
  EXPECT_EQ(problem.header("content-encoding"), "");
  EXPECT_EQ(problem.json()["code"], "not_found");
}
