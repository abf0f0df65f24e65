#include <gtest/gtest.h>
#include <zlib.h>

#include "platform/http/compression.hpp"

using rw::http::coding_quality;
using rw::http::compress_response;
using rw::http::Request;
using rw::http::Response;

namespace {

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);  // gzip only, not zlib or raw deflate
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

Request accepting(const std::string& accept_encoding) {
  Request request;
  request.headers.emplace_back("accept-encoding", accept_encoding);
  return request;
}

// A list page as the API answers it: repetitive JSON well above the threshold.
std::string list_body() {
  std::string body = R"({"items":[)";
  for (int i = 0; i < 20; ++i)
    body += (i ? "," : "") + std::string(R"({"id":)") + std::to_string(i) +
            R"(,"name":"无锡市新吴区某化工有限公司","risk_level":"major"})";
  return body + R"(],"total":20})";
}

std::string header_of(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

}  // namespace

TEST(AcceptEncoding, AListedCodingWeighsOneUnlessItsQSaysOtherwise) {
  EXPECT_EQ(coding_quality("gzip, deflate, br", "gzip"), 1000);
  EXPECT_EQ(coding_quality("gzip, deflate, br", "br"), 1000);
  EXPECT_EQ(coding_quality("gzip;q=0.5, br;q=0.25", "gzip"), 500);
  EXPECT_EQ(coding_quality("gzip;q=0.5, br;q=0.25", "br"), 250);
  EXPECT_EQ(coding_quality("gzip ; q=1.000", "gzip"), 1000);
  EXPECT_EQ(coding_quality("gzip;q=0.001", "gzip"), 1);
  EXPECT_EQ(coding_quality("GZIP;Q=0.7", "gzip"), 700);
}

TEST(AcceptEncoding, QZeroRefuses) {
  EXPECT_EQ(coding_quality("gzip, br;q=0", "br"), 0);
  EXPECT_EQ(coding_quality("gzip, br;q=0", "gzip"), 1000);
  EXPECT_EQ(coding_quality("br;q=0.000", "br"), 0);
}

TEST(AcceptEncoding, AStarStandsForEveryCodingNotNamed) {
  EXPECT_EQ(coding_quality("*", "br"), 1000);
  EXPECT_EQ(coding_quality("br;q=0, *;q=0.3", "br"), 0);
  EXPECT_EQ(coding_quality("br;q=0, *;q=0.3", "gzip"), 300);
  EXPECT_EQ(coding_quality("gzip, *;q=0", "br"), 0);
}

TEST(AcceptEncoding, IdentityOrNoHeaderAcceptsNoCoding) {
  EXPECT_EQ(coding_quality("", "gzip"), 0);
  EXPECT_EQ(coding_quality("identity", "gzip"), 0);
  EXPECT_EQ(coding_quality("identity;q=1, deflate", "br"), 0);
  EXPECT_EQ(coding_quality(" , ,", "gzip"), 0);
}

TEST(AcceptEncoding, NamesArePrefixFreeAndXGzipIsGzip) {
  EXPECT_EQ(coding_quality("gzipx, brotli", "gzip"), 0);
  EXPECT_EQ(coding_quality("gzipx, brotli", "br"), 0);
  EXPECT_EQ(coding_quality("x-gzip", "gzip"), 1000);
}

TEST(AcceptEncoding, AMalformedWeightRefusesThatCoding) {
  EXPECT_EQ(coding_quality("gzip;q=2", "gzip"), 0);
  EXPECT_EQ(coding_quality("gzip;q=1.5", "gzip"), 0);
  EXPECT_EQ(coding_quality("gzip;q=0.5x", "gzip"), 0);
  EXPECT_EQ(coding_quality("gzip;q=", "gzip"), 0);
  EXPECT_EQ(coding_quality("gzip;q=0.5000", "gzip"), 0);
}

TEST(Gzip, RoundTripsThroughZlib) {
  const std::string text = list_body();
  const std::string packed = rw::http::gzip(text);
  EXPECT_EQ(packed.substr(0, 2), "\x1f\x8b");  // the gzip magic
  EXPECT_LT(packed.size(), text.size() / 4);
  EXPECT_EQ(gunzip(packed), text);
  EXPECT_EQ(gunzip(rw::http::gzip("")), "");
}

TEST(CompressResponse, GzipsALargeJsonBodyForAClientThatAcceptsIt) {
  Response response = rw::http::json_response(200, list_body());
  compress_response(accepting("br, gzip"), response);
  EXPECT_EQ(header_of(response, "Content-Encoding"), "gzip");
  EXPECT_EQ(header_of(response, "Vary"), "Accept-Encoding");
  EXPECT_EQ(gunzip(response.body), list_body());
}

TEST(CompressResponse, AClientThatDoesNotAcceptGzipGetsPlainBytesAndVary) {
  for (const std::string header : {"", "identity", "br", "gzip;q=0"}) {
    Response response = rw::http::json_response(200, list_body());
    compress_response(accepting(header), response);
    EXPECT_EQ(response.body, list_body()) << header;
    EXPECT_EQ(header_of(response, "Content-Encoding"), "") << header;
    EXPECT_EQ(header_of(response, "Vary"), "Accept-Encoding") << header;
  }
}

TEST(CompressResponse, LeavesSmallBodiesAlone) {
  Response problem = rw::http::json_response(404, std::string(rw::http::kCompressFromBytes - 1, 'x'));
  problem.content_type = "application/problem+json";
  compress_response(accepting("gzip"), problem);
  EXPECT_EQ(problem.body.size(), rw::http::kCompressFromBytes - 1);
  EXPECT_TRUE(problem.headers.empty());
}

TEST(CompressResponse, LeavesEncodedBinaryFileAndSessionResponsesAlone) {
  Response encoded = rw::http::json_response(200, list_body());
  encoded.set_header("Content-Encoding", "br");
  Response binary = rw::http::json_response(200, list_body());
  binary.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  Response file;
  file.file_path = "/srv/web/index.html";
  file.body = list_body();
  Response sign_in = rw::http::json_response(200, list_body());
  sign_in.set_header("Set-Cookie", "rw_session=secret; HttpOnly");
  for (Response* response : {&encoded, &binary, &file, &sign_in}) {
    const auto headers_before = response->headers.size();
    compress_response(accepting("gzip"), *response);
    EXPECT_EQ(response->body, list_body());
    EXPECT_EQ(response->headers.size(), headers_before);
  }
}

TEST(CompressResponse, GzipsALargeProblem) {
  Response report = rw::http::json_response(422, list_body());
  report.content_type = "application/problem+json";
  compress_response(accepting("gzip"), report);
  EXPECT_EQ(header_of(report, "Content-Encoding"), "gzip");
  EXPECT_EQ(gunzip(report.body), list_body());
}
