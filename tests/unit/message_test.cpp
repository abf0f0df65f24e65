#include <gtest/gtest.h>

#include "platform/http/message.hpp"

using rw::http::parse_target;

TEST(Target, SplitsPathAndDecodesQuery) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(parse_target("/api/v1/users?q=%E5%BC%A0+%E4%B8%89&limit=5&flag", path, query));
  EXPECT_EQ(path, "/api/v1/users");
  EXPECT_EQ(query["q"], "张 三");
  EXPECT_EQ(query["limit"], "5");
  EXPECT_EQ(query["flag"], "");
}

TEST(Target, RejectsBrokenPercentEncoding) {
  std::string path;
  std::map<std::string, std::string> query;
  EXPECT_FALSE(parse_target("/a%zz", path, query));
  EXPECT_FALSE(parse_target("/a?x=%4", path, query));
  EXPECT_FALSE(parse_target("/a%", path, query));
}

TEST(Target, UnsafeMethods) {
  EXPECT_TRUE(rw::http::is_unsafe_method("POST"));
  EXPECT_TRUE(rw::http::is_unsafe_method("DELETE"));
  EXPECT_FALSE(rw::http::is_unsafe_method("GET"));
  EXPECT_FALSE(rw::http::is_unsafe_method("HEAD"));
}
