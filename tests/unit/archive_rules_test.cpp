// The archive's pure rules (一企一档, issue 13) and the shipped lists against the seeds they transcribe:
// xuzhou 表E.1 (9 categories, 35 items), guilin 表E.1 (11 groups, 33 items) and 表E.2 (7), wuxi 附件3 (13).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "archive/archive_rules.hpp"
#include "platform/embedded.hpp"

using namespace rw::archive;

namespace {

std::map<std::string, DocumentList> shipped() {
  std::map<std::string, DocumentList> out;
  const auto file = nlohmann::json::parse(rw::embedded::data_file("archive/document-lists.json"));
  for (const auto& body : file.at("lists")) {
    auto list = parse_list(body);
    out[list.code] = std::move(list);
  }
  return out;
}

std::size_t categories(const DocumentList& list) {
  std::set<std::string> names;
  for (const auto& item : list.items) names.insert(item.category_zh);
  return names.size();
}

DocumentList xuzhou() { return shipped().at("xuzhou_e1"); }

}  // namespace

TEST(ArchiveLists, CountsFollowTheSeeds) {
  const auto lists = shipped();
  ASSERT_EQ(lists.size(), 4u);
  EXPECT_EQ(lists.at("xuzhou_e1").items.size(), 35u);
  EXPECT_EQ(categories(lists.at("xuzhou_e1")), 9u);
  EXPECT_EQ(lists.at("guilin_e1").items.size(), 33u);
  EXPECT_EQ(categories(lists.at("guilin_e1")), 11u);
  EXPECT_EQ(lists.at("guilin_e2").items.size(), 7u);
  EXPECT_EQ(lists.at("guilin_e2").subject, "park");
  EXPECT_EQ(lists.at("wuxi_att3").items.size(), 13u);
}

TEST(ArchiveLists, ItemsAreTheSeedsWords) {
  const auto lists = shipped();
  const auto& x = lists.at("xuzhou_e1");
  EXPECT_EQ(x.find("2-3")->name_zh, "竣工环境保护验收意见、批复、网站公示截图");
  EXPECT_EQ(x.find("9-14")->name_zh, "污染痕迹照片（若有）");
  EXPECT_EQ(x.find("6-6")->category_zh, "固体废物产生及利用处置情况");
  EXPECT_TRUE(x.paper_column);
  EXPECT_TRUE(x.reason_for_no);
  EXPECT_EQ(lists.at("guilin_e1").find("32")->category_zh, "生态环境主管部门监督检查资料");
  EXPECT_EQ(lists.at("guilin_e1").find("33")->name_zh, "年度环境信息依法披露报告或临时环境信息依法披露报告");
  EXPECT_EQ(lists.at("wuxi_att3").find("13")->name_zh, "隐患排查治理制度");
  EXPECT_FALSE(lists.at("wuxi_att3").paper_column);
  // Permits state their end; emergency plans are revised every 3 years.
  EXPECT_EQ(x.find("3-1")->expiry, "valid_until");
  EXPECT_EQ(x.find("4-1")->expiry, "revise_years");
  EXPECT_EQ(x.find("4-1")->revise_years, 3);
  EXPECT_EQ(x.find("1")->expiry, "");
}

TEST(ArchiveLists, AFaultyListNamesEachFaultByItsJsonPath) {
  const auto body = nlohmann::json::parse(R"({
    "code": "wuxi_att3", "version": 2, "source": "wuxi", "subject": "region", "name_zh": "清单",
    "name_en": "List", "paper_column": true,
    "categories": [
      {"name_zh": "甲", "name_en": "A", "items": [
        {"code": "1", "name_zh": "营业执照", "name_en": "Licence"},
        {"code": "1", "name_zh": "重复", "name_en": "Again"},
        {"code": "2/3", "name_zh": "斜杠", "name_en": "Slash", "expiry": "yearly"}]},
      {"name_zh": "乙", "name_en": "B", "items": []},
      {"name_zh": "", "name_en": "C", "items": [
        {"code": "4", "name_zh": "预案", "name_en": "Plan", "expiry": "revise_years", "revise_years": 21}]}]
  })");
  const auto read = read_list(body);
  std::vector<std::pair<std::string, std::string>> faults;
  for (const auto& e : read.errors) faults.emplace_back(e.field, e.code);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"subject", "invalid_choice"},
      {"reason_for_no", "required"},
      {"categories[0].items[1].code", "duplicate_item"},
      {"categories[0].items[2].code", "bad_code"},
      {"categories[0].items[2].expiry", "unknown_expiry"},
      {"categories[1].items", "wrong_size"},
      {"categories[2].name_zh", "required"},
      {"categories[2].items[0].revise_years", "out_of_range"}};
  EXPECT_EQ(faults, expected);
  EXPECT_THROW(parse_list(body), std::invalid_argument);
}

// Our crosswalk (not the seeds'): each wuxi 附件3 item names the xuzhou E.1 and guilin E.1 items that file
// the same document, and every item it names exists there. Expected codes typed from the lists' wording.
TEST(ArchiveLists, WuxiAttachment3IsHeldAsTheOtherListsItems) {
  const auto lists = shipped();
  const auto& w = lists.at("wuxi_att3");
  using Codes = std::vector<std::string>;
  EXPECT_EQ(w.find("1")->held_as.at("xuzhou_e1"), Codes({"2-1"}));
  EXPECT_EQ(w.find("1")->held_as.at("guilin_e1"), Codes({"1", "2"}));
  EXPECT_EQ(w.find("3")->held_as.at("xuzhou_e1"), Codes({"4-1", "4-2"}));
  EXPECT_EQ(w.find("5")->held_as.at("xuzhou_e1"), Codes({"6-1", "6-2", "6-4", "6-5"}));
  EXPECT_EQ(w.find("8")->held_as.at("xuzhou_e1"), Codes({"3-1"}));
  EXPECT_EQ(w.find("8")->held_as.at("guilin_e1"), Codes({"4"}));
  EXPECT_FALSE(w.find("4")->held_as.count("xuzhou_e1"));  // drill records: only guilin E.1 has them
  for (const auto* none : {"6", "7", "13"}) EXPECT_TRUE(w.find(none)->held_as.empty()) << none;
  int named = 0;
  for (const auto& item : w.items)
    for (const auto& [code, items] : item.held_as)
      for (const auto& held : items) {
        ++named;
        EXPECT_NE(lists.at(code).find(held), nullptr) << item.code << " → " << code << " " << held;
      }
  EXPECT_EQ(named, 27);
  EXPECT_TRUE(lists.at("xuzhou_e1").find("3-1")->held_as.empty());
}

TEST(ArchiveLists, AFaultyCrosswalkIsNamed) {
  auto body = nlohmann::json::parse(R"({
    "code": "wuxi_att3", "version": 2, "source": "wuxi", "subject": "enterprise", "name_zh": "清单",
    "name_en": "List", "paper_column": false, "reason_for_no": false,
    "categories": [{"name_zh": "甲", "name_en": "A", "items": [
      {"code": "1", "name_zh": "甲", "name_en": "A", "held_as": {"xuzhou_e1": ["2-1"]}},
      {"code": "2", "name_zh": "乙", "name_en": "B", "held_as": ["2-1"]},
      {"code": "3", "name_zh": "丙", "name_en": "C", "held_as": {"Xuzhou": ["1"]}},
      {"code": "4", "name_zh": "丁", "name_en": "D", "held_as": {"xuzhou_e1": []}},
      {"code": "5", "name_zh": "戊", "name_en": "E", "held_as": {"xuzhou_e1": ["../1"]}},
      {"code": "6", "name_zh": "己", "name_en": "F", "held_as": {"xuzhou_e1": [7]}}]}]
  })");
  const auto read = read_list(body);
  std::vector<std::string> faults;
  for (const auto& e : read.errors) faults.push_back(e.field + " " + e.code);
  const std::vector<std::string> expected = {
      "categories[0].items[1].held_as bad_held_as", "categories[0].items[2].held_as bad_held_as",
      "categories[0].items[3].held_as bad_held_as", "categories[0].items[4].held_as bad_held_as",
      "categories[0].items[5].held_as bad_held_as"};
  EXPECT_EQ(faults, expected);
  EXPECT_EQ(read.list.items[0].held_as.at("xuzhou_e1"), std::vector<std::string>({"2-1"}));
}

TEST(ArchiveRules, BetterStateIsPresentThenExpiringThenExpired) {
  EXPECT_TRUE(better_state("present", "expiring"));
  EXPECT_TRUE(better_state("expiring", "expired"));
  EXPECT_TRUE(better_state("expired", "missing"));
  EXPECT_FALSE(better_state("missing", "expired"));
  EXPECT_FALSE(better_state("present", "present"));
}

TEST(ArchiveRules, DefaultListByOrganizationType) {
  EXPECT_EQ(default_list_code("park"), "guilin_e1");
  EXPECT_EQ(default_list_code("insurer"), "wuxi_att3");
  EXPECT_EQ(default_list_code("agency"), "xuzhou_e1");
  EXPECT_EQ(default_list_code("platform"), "xuzhou_e1");
}

TEST(ArchiveRules, DatesAndRetention) {
  EXPECT_EQ(add_years("2026-06-01", 3), "2029-06-01");
  EXPECT_EQ(add_years("2028-02-29", 1), "2029-02-28");
  EXPECT_EQ(add_days("2026-06-01", -30), "2026-05-02");
  EXPECT_EQ(retain_until("2026-06-01", kMinRetentionYears), "2031-06-01");
  EXPECT_EQ(renewal_due("2026-12-31", "2026-06-01"), "2026-12-01");
  // Already inside the lead time: due today.
  EXPECT_EQ(renewal_due("2026-06-10", "2026-06-01"), "2026-06-01");
  const auto plan = *xuzhou().find("4-1");
  EXPECT_EQ(valid_until(plan, std::string("2024-03-15"), std::nullopt), "2027-03-15");
  const auto permit = *xuzhou().find("3-1");
  EXPECT_EQ(valid_until(permit, std::string("2024-03-15"), std::string("2029-03-14")), "2029-03-14");
  EXPECT_EQ(valid_until(*xuzhou().find("1"), std::string("2024-03-15"), std::string("2029-03-14")),
            std::nullopt);
}

TEST(ArchiveRules, ItemStatusAtTheExpiryEdges) {
  const auto list = xuzhou();
  ItemFacts facts{true, std::string("2026-07-01"), true, true};
  EXPECT_EQ(item_status(list, facts, "2026-05-31").electronic, "present");   // 31 days ahead
  EXPECT_EQ(item_status(list, facts, "2026-06-01").electronic, "expiring");  // 30 days ahead
  EXPECT_EQ(item_status(list, facts, "2026-07-01").electronic, "expiring");  // its last day
  EXPECT_EQ(item_status(list, facts, "2026-07-02").electronic, "expired");
  EXPECT_FALSE(item_status(list, facts, "2026-07-02").complete);
  EXPECT_TRUE(item_status(list, facts, "2026-06-01").complete);
  // xuzhou E.1 needs the paper copy too.
  facts.paper_on_file = false;
  EXPECT_EQ(item_status(list, facts, "2026-06-01").paper, "not_on_file");
  EXPECT_FALSE(item_status(list, facts, "2026-06-01").complete);
  facts.paper_on_file.reset();
  EXPECT_EQ(item_status(list, facts, "2026-06-01").paper, "unknown");
  EXPECT_EQ(item_status(list, ItemFacts{}, "2026-06-01").electronic, "missing");
}

TEST(ArchiveRules, CompletenessCountsApplicableItems) {
  const auto list = xuzhou();
  Completeness totals;
  const std::vector<ItemFacts> facts = {
      {true, std::nullopt, true, true},               // complete
      {true, std::string("2026-06-10"), true, true},  // complete, expiring
      {true, std::string("2026-01-01"), true, true},  // expired
      {true, std::nullopt, false, true},              // paper missing
      {false, std::nullopt, std::nullopt, true},      // nothing
      {false, std::nullopt, std::nullopt, false},     // not applicable
  };
  for (const auto& f : facts) count(totals, f, item_status(list, f, "2026-06-01"));
  EXPECT_EQ(totals.items, 5);
  EXPECT_EQ(totals.not_applicable, 1);
  EXPECT_EQ(totals.complete, 2);
  EXPECT_EQ(totals.electronic, 3);
  EXPECT_EQ(totals.paper, 3);
  EXPECT_EQ(totals.expiring, 1);
  EXPECT_EQ(totals.expired, 1);
  EXPECT_EQ(totals.percent, 40);
}

TEST(ArchiveRules, ChainHashCoversEveryField) {
  ChainEntry entry{
      7, 3, "upload", "3-1", 12, std::string(64, 'a'), R"({"v":1})", 5, "2026-06-01T02:00:00Z", kGenesisHash};
  const auto hash = chain_hash(entry);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(chain_hash(entry), hash);
  auto changed = entry;
  changed.detail = R"({"v":2})";
  EXPECT_NE(chain_hash(changed), hash);
  changed = entry;
  changed.document_id.reset();
  EXPECT_NE(chain_hash(changed), hash);
  changed = entry;
  changed.prev_hash = std::string(64, '1');
  EXPECT_NE(chain_hash(changed), hash);
  // Length prefixes: moving a character between two fields changes the hash.
  changed = entry;
  changed.kind = "upload3";
  changed.item_code = "-1";
  EXPECT_NE(chain_hash(changed), hash);
}

TEST(ArchiveRules, SafeSegmentsForZipPaths) {
  EXPECT_EQ(safe_segment("../../etc/passwd", "x"), "_.._etc_passwd");
  EXPECT_EQ(safe_segment("..", "x"), "x");
  EXPECT_EQ(safe_segment("/abs", "x"), "_abs");
  EXPECT_EQ(safe_segment("a\\b\nc", "x"), "a_b_c");
  EXPECT_EQ(safe_segment("2-1 环境影响评价登记表", "x"), "2-1 环境影响评价登记表");
  EXPECT_EQ(safe_segment("", "x"), "x");
  EXPECT_EQ(safe_segment(std::string(200, 'a'), "x").size(), 80u);
}
