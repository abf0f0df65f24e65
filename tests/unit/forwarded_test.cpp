#include <gtest/gtest.h>

#include "platform/http/forwarded.hpp"

using rw::http::resolve_forwarded;

TEST(Forwarded, AnUntrustedPeerIsTheClientWhateverItClaims) {
  auto f = resolve_forwarded("203.0.113.5", "10.0.0.1", "https", {"127.0.0.1"});
  EXPECT_EQ(f.client_address, "203.0.113.5");
  EXPECT_FALSE(f.https);
}

TEST(Forwarded, ATrustedProxyNamesTheClient) {
  auto f = resolve_forwarded("127.0.0.1", "198.51.100.7", "https", {"127.0.0.1"});
  EXPECT_EQ(f.client_address, "198.51.100.7");
  EXPECT_TRUE(f.https);
}

TEST(Forwarded, TheRightMostUntrustedHopIsTheClient) {
  // The client can prepend anything; only what trusted proxies appended counts.
  auto f =
      resolve_forwarded("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2", "http", {"127.0.0.1", "10.0.0.2"});
  EXPECT_EQ(f.client_address, "198.51.100.7");
  EXPECT_FALSE(f.https);
}

TEST(Forwarded, ATrustedProxyWithoutTheHeaderIsItself) {
  EXPECT_EQ(resolve_forwarded("127.0.0.1", "", "", {"127.0.0.1"}).client_address, "127.0.0.1");
  EXPECT_EQ(resolve_forwarded("127.0.0.1", " , ", "", {"127.0.0.1"}).client_address, "127.0.0.1");
}
