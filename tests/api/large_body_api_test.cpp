// Large request bodies: an import above the general 10 MiB cap goes through in one request (its body streamed
// to a temporary file), while a JSON body of that size is refused before it is read; the temporary directory
// is empty afterwards.
#include <filesystem>

#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

int status_of(const std::string& raw) { return raw.size() > 12 ? std::stoi(raw.substr(9, 3)) : 0; }

// A POST's request line and headers, without the body; `more` ends each header with CRLF.
std::string headers_only(const std::string& target, const Client& client, const std::string& more) {
  return "POST " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + client.login().token + "\r\n" +
         more + "\r\n";
}

class LargeBodyApi : public RegistryApiTest {
 protected:
  static std::filesystem::path spool_dir() { return std::filesystem::path(server_->dir()) / "data" / "tmp"; }
};

}  // namespace

TEST_F(LargeBodyApi, AnImportAbove10MiBIsAcceptedInOneRequest) {
  const auto before = total_of(admin().get("/enterprises"));
  // Few rows, each with a long column the import does not know and ignores: the file is big, the import
  // short.
  constexpr int kCount = 1'200;
  const std::string note(9'000, 'n');
  std::vector<std::vector<std::string>> rows = {{"企业名称", "统一社会信用代码", "区县", "街道", "备注"}};
  for (int i = 0; i < kCount; ++i)
    rows.push_back({"无锡市大文件" + std::to_string(i) + "号有限公司", test_uscc(700'000 + i), "新吴区",
                    "旺庄街道", note});
  const auto file = csv(rows);
  ASSERT_GT(file.size(), 10u << 20);
  const auto report = upload(admin(), "enterprises", file);
  ASSERT_EQ(report.status, 200) << report.body.substr(0, 500);
  EXPECT_EQ(report.json()["total_rows"], kCount);
  EXPECT_EQ(report.json()["created"], kCount);
  EXPECT_EQ(total_of(admin().get("/enterprises")), before + kCount);
  EXPECT_GT(enterprise_id("无锡市大文件1199号有限公司"), 0);
  EXPECT_TRUE(std::filesystem::is_empty(spool_dir()));
}

TEST_F(LargeBodyApi, AJsonBodyOfThatSizeIs413BeforeItIsRead) {
  const auto before = total_of(admin().get("/enterprises"));
  RawConnection connection(port());
  connection.send(headers_only("/api/v1/enterprises", admin(),
                               "Content-Type: application/json\r\nContent-Length: " +
                                   std::to_string(11u << 20) + "\r\nExpect: 100-continue\r\n"));
  const auto raw = connection.read_all(5000);
  EXPECT_EQ(status_of(raw), 413) << raw;
  EXPECT_NE(raw.find("\"code\":\"payload_too_large\""), std::string::npos);
  EXPECT_EQ(raw.find("100 Continue"), std::string::npos);  // the body was never asked for
  EXPECT_EQ(total_of(admin().get("/enterprises")), before);
  EXPECT_TRUE(std::filesystem::is_empty(spool_dir()));
}

TEST_F(LargeBodyApi, AJsonBodyAboveTheSpoolThresholdIsReadFromItsFile) {
  const json body = {
      {"username", "demo-admin"}, {"password", kDemoPassword}, {"note", std::string(2u << 20, 'p')}};
  const auto signed_in = http_request(port(), "POST", "/api/v1/auth/login", body.dump());
  EXPECT_EQ(signed_in.status, 200) << signed_in.body.substr(0, 300);
  EXPECT_FALSE(signed_in.json().value("token", "").empty());
  EXPECT_TRUE(std::filesystem::is_empty(spool_dir()));
}

TEST(LargeBody, AnUploadOverTheUploadLimitIs413) {
  ServerProcess server({{"--max-body-bytes", "1024", "--max-upload-bytes", "4096"}});
  const auto admin = client_for(server.port(), "demo-admin");
  // Between the two limits an upload is read: refused for its content, not its size.
  const auto unreadable = admin.post_raw("/imports/enterprises", std::string(2000, 'x'), "text/csv");
  EXPECT_EQ(unreadable.status, 422);
  EXPECT_EQ(unreadable.json()["code"], "missing_columns");
  // Over the upload limit: announced, refused before the body is sent...
  RawConnection announced(server.port());
  announced.send(headers_only("/api/v1/imports/enterprises", admin,
                              "Content-Type: text/csv\r\nContent-Length: 5000\r\n"));
  EXPECT_EQ(status_of(announced.read_all(3000)), 413);
  // ...or found while a chunked body arrives.
  RawConnection chunked(server.port());
  chunked.send(headers_only("/api/v1/imports/enterprises", admin,
                            "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"));
  for (int i = 0; i < 4; ++i) chunked.send("800\r\n" + std::string(2048, 'y') + "\r\n");
  EXPECT_EQ(status_of(chunked.read_all(3000)), 413);
}
