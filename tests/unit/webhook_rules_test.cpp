// The pure rules of webhooks (webhooks/webhook_rules.hpp) and the outbound client's address check.
#include <gtest/gtest.h>
#include <algorithm>

#include "platform/http/client.hpp"
#include "webhooks/webhook_event_types.hpp"
#include "webhooks/webhook_rules.hpp"
#include "workflow/object_types.hpp"

namespace rw::webhooks {
namespace {

std::string refusal(const std::string& url, bool loopback_http = false) {
  const auto r = check_url(url, loopback_http);
  return r ? r->code : "";
}

TEST(WebhookRules, OnlyHttpsUrlsToPublicHostsAreTaken) {
  EXPECT_EQ(refusal("https://hooks.example.com/riskwatch?x=1"), "");
  EXPECT_EQ(refusal("HTTPS://Hooks.Example.com:8443/a"), "");
  EXPECT_EQ(refusal("https://8.8.8.8/a"), "");
  EXPECT_EQ(refusal("https://[2606:4700::1111]/a"), "");
  EXPECT_EQ(refusal("http://hooks.example.com/"), "https_required");
  EXPECT_EQ(refusal("http://127.0.0.1:8080/"), "https_required");
  EXPECT_EQ(refusal("http://127.0.0.1:8080/", true), "");
  EXPECT_EQ(refusal("http://localhost:8080/", true), "https_required") << "the literal address only";
  EXPECT_EQ(refusal("https://127.0.0.1/", true), "private_address")
      << "the flag is for plain http on loopback";
  for (const char* url : {"https://10.1.2.3/",
                          "https://172.16.0.1/",
                          "https://192.168.0.1/",
                          "https://100.64.0.1/",
                          "https://169.254.169.254/",
                          "https://0.0.0.0/",
                          "https://224.0.0.1/",
                          "https://[::1]/",
                          "https://[fe80::1]/",
                          "https://[fc00::1]/",
                          "https://[::ffff:127.0.0.1]/",
                          "https://[2002:c0a8:0101::1]/",
                          "https://[2001:db8::1]/",
                          "https://localhost/",
                          "https://a.localhost/",
                          "https://printer.local/",
                          "https://db.internal/",
                          "https://127.1/",
                          "https://0x7f.1/",
                          "https://2130706433/",
                          "https://intranet/"})
    EXPECT_EQ(refusal(url), "private_address") << url;
  for (const char* url : {"hooks.example.com/x", "https://", "https:///x", "https://user@example.com/",
                          "https://example.com:0/", "https://example.com:65536/", "https://example.com:/",
                          "https://exa mple.com/", "https://example.com/#frag", "https://[::1/",
                          "https://bad_host.com/", "https://.example.com/", "https://例子.com/"})
    EXPECT_EQ(refusal(url), "url_invalid") << url;
  EXPECT_EQ(refusal("https://example.com/" + std::string(2000, 'a')), "url_too_long");
}

TEST(WebhookRules, TargetsAreTakenApart) {
  const auto t = parse_target("https://Hooks.example.com?a=1");
  EXPECT_TRUE(t.tls);
  EXPECT_EQ(t.host, "hooks.example.com");
  EXPECT_EQ(t.port, "443");
  EXPECT_EQ(t.path, "/?a=1");
  const auto l = parse_target("http://127.0.0.1:9000/in/box");
  EXPECT_FALSE(l.tls);
  EXPECT_EQ(l.port, "9000");
  EXPECT_EQ(l.path, "/in/box");
  EXPECT_EQ(parse_target("https://[2606:4700::1111]:8443/").host, "2606:4700::1111");
}

TEST(WebhookRules, ResolvedAddressesArePublicUnicastOnly) {
  EXPECT_TRUE(is_public_address("8.8.8.8"));
  EXPECT_TRUE(is_public_address("2606:4700::1111"));
  EXPECT_TRUE(is_public_address("::ffff:8.8.8.8"));
  for (const char* a :
       {"127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1", "100.127.0.1", "198.18.0.1",
        "192.0.2.1", "255.255.255.255", "::", "::1", "fe80::1", "fd12::1", "ff02::1", "::ffff:10.0.0.1",
        "2002:0a00:0001::1", "2001::1", "64:ff9b::a00:1", "not-an-ip"})
    EXPECT_FALSE(is_public_address(a)) << a;
  EXPECT_TRUE(may_connect("127.0.0.1", true));
  EXPECT_FALSE(may_connect("127.0.0.2", true));
  EXPECT_FALSE(may_connect("127.0.0.1", false));
}

TEST(WebhookRules, RetriesBackOffThenFail) {
  std::vector<Seconds> delays;
  for (std::int64_t attempts = 1; retry_delay(attempts); ++attempts) delays.push_back(*retry_delay(attempts));
  EXPECT_EQ(delays, (std::vector<Seconds>{60, 300, 1800, 7200, 43200}));
  EXPECT_FALSE(retry_delay(6));
  EXPECT_TRUE(delivered(204));
  EXPECT_FALSE(delivered(302)) << "redirects are not followed";
  EXPECT_FALSE(delivered(0));
}

TEST(WebhookRules, SubscriptionsTakeTheirTypesOrAll) {
  EXPECT_TRUE(takes_event({"*"}, "visit.start"));
  EXPECT_TRUE(takes_event({"hazard.notify", "visit.start"}, "visit.start"));
  EXPECT_FALSE(takes_event({"hazard.notify"}, "hazard.verify"));
  EXPECT_FALSE(takes_event({}, "hazard.notify"));
}

TEST(WebhookRules, SignaturesAreHmacSha256OfTimestampAndBody) {
  // Python: hmac.new(b"secret", b"1780279200.{}", hashlib.sha256).hexdigest()
  const auto s = signature("secret", "1780279200", "{}");
  EXPECT_EQ(s, "sha256=43e2eefc698916e39a99410f4d57a51f11ad2883292ef3622f5804dc26657302");
  EXPECT_NE(s, signature("secret", "1780279201", "{}"));
  EXPECT_NE(s, signature("Secret", "1780279200", "{}"));
  EXPECT_EQ(new_secret().size(), 64u);
  EXPECT_NE(new_secret(), new_secret());
}

TEST(WebhookEventTypes, AreTheMachinesStepsThatWriteHistory) {
  const auto& types = event_types();
  ASSERT_FALSE(types.empty());
  for (const char* t :
       {"hazard.notify", "hazard.verify", "hazard.reject_evidence", "hazard.set_deadline",
        "hazard.carry_over", "visit.start", "visit.finish", "inspection.submit", "service_plan.agree",
        "commission_item.accept", "commission_item.withdraw", "notice.issue", "env_risk_assessment.review"})
    EXPECT_TRUE(types.count(t)) << t;
  // Every kind of object with a status history has its events (the outbox writes one per history entry).
  for (const auto object_type : workflow::kObjectTypes)
    EXPECT_TRUE(std::any_of(types.begin(), types.end(), [&](const std::string& type) {
      return type.starts_with(std::string(object_type) + ".");
    })) << object_type;
  EXPECT_FALSE(types.count("visit.edit")) << "an edit changes no status and writes no history";
  EXPECT_FALSE(types.count("*"));
}

TEST(OutboundClient, ConnectsOnlyToAddressesTheCallerAllows) {
  // "localhost" resolves to loopback: refused after resolution, before any connection is tried.
  http::OutboundPost post;
  post.tls = false;
  post.host = "localhost";
  post.port = "9";
  post.target = "/";
  post.timeout = std::chrono::milliseconds(2000);
  post.may_connect = [](const std::string& address) { return may_connect(address, false); };
  const auto result = http::post(post);
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.error.find("address not allowed"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace rw::webhooks
