#include <gtest/gtest.h>

#include "platform/vocabulary.hpp"
#include "registry/vocabularies.hpp"

TEST(Vocabulary, NamesAValueByItselfOrEitherLabel) {
  const auto& risk = rw::registry::risk_levels();
  EXPECT_EQ(risk.value_of("major"), "major");
  EXPECT_EQ(risk.value_of("重大"), "major");
  EXPECT_EQ(risk.value_of("MAJOR"), "major");
  EXPECT_EQ(risk.value_of("Larger"), "larger");
  EXPECT_EQ(risk.value_of("特大"), std::nullopt);
  EXPECT_EQ(risk.zh("general"), "一般");
  EXPECT_EQ(risk.zh("nonsense"), "nonsense");
  EXPECT_EQ(risk.values(), (std::set<std::string>{"general", "larger", "major", "unknown"}));
}

TEST(Vocabulary, RegistryDictionariesAreListedInDeclarationOrder) {
  const auto all = rw::registry::registry_dictionaries();
  ASSERT_TRUE(all.contains("production_statuses"));
  const auto& statuses = all["production_statuses"];
  ASSERT_EQ(statuses.size(), 4u);
  EXPECT_EQ(statuses[0]["value"], "operating");
  EXPECT_EQ(statuses[2]["zh"], "季节性停产");
  EXPECT_EQ(all["title_levels"].back()["zh"], "正高级");
}
