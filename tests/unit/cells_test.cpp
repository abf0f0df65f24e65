// How spreadsheet text becomes API values: dates, lists, choices, numbers, yes/no.
#include <gtest/gtest.h>

#include "exchange/cells.hpp"
#include "registry/vocabularies.hpp"

using rw::exchange::Cells;
using rw::exchange::normalize_date;
using rw::exchange::split_list;

TEST(Cells, NormalizesDatesAsPeopleTypeThem) {
  EXPECT_EQ(normalize_date("2026-01-05"), "2026-01-05");
  EXPECT_EQ(normalize_date("2026/1/5"), "2026-01-05");
  EXPECT_EQ(normalize_date("2026.12.31"), "2026-12-31");
  EXPECT_EQ(normalize_date("2026年1月5日"), "2026-01-05");
  EXPECT_EQ(normalize_date("2026-02-30"), std::nullopt);
  EXPECT_EQ(normalize_date("20260105"), std::nullopt);
  EXPECT_EQ(normalize_date("明天"), std::nullopt);
}

TEST(Cells, SplitsListsOnChineseAndAsciiSeparators) {
  EXPECT_EQ(split_list("京杭大运河；居民区、学校,医院，河流;\n 水源地 "),
            (std::vector<std::string>{"京杭大运河", "居民区", "学校", "医院", "河流", "水源地"}));
  EXPECT_TRUE(split_list(" ；; ").empty());
}

namespace {

// A row's cells as the import keeps them: the headers' positions and the texts at them.
struct Row {
  Row(std::initializer_list<std::pair<const std::string, std::string>> cells) {
    for (const auto& [header, text] : cells) {
      positions.emplace(header, texts.size());
      texts.push_back(text);
    }
  }
  rw::exchange::HeaderPositions positions;
  std::vector<std::string> texts;
};

}  // namespace

TEST(Cells, ConvertsChoicesAndReportsTheColumn) {
  const Row values = {{"企业规模", "大型"}, {"生产状态", "停产"}, {"环境风险等级", "巨大"},
                      {"经度", "120.5"},    {"纬度", "abc"},      {"是否排除", "是"}};
  std::vector<rw::FieldError> errors;
  Cells cells(7, values.positions, values.texts, errors);
  nlohmann::json row = nlohmann::json::object();
  cells.put_choice(row, "scale", "企业规模", rw::registry::enterprise_scales());
  cells.put_choice(row, "production_status", "生产状态", rw::registry::production_statuses());
  cells.put_choice(row, "risk_level", "环境风险等级", rw::registry::risk_levels());
  cells.put_number(row, "longitude", "经度");
  cells.put_number(row, "latitude", "纬度");
  cells.put_bool(row, "excluded", "是否排除");
  cells.put_text(row, "name", "企业名称");  // absent column: the field is left alone
  EXPECT_EQ(row["scale"], "large");
  EXPECT_EQ(row["production_status"], "suspended");
  EXPECT_EQ(row["longitude"], 120.5);
  EXPECT_EQ(row["excluded"], true);
  EXPECT_FALSE(row.contains("name"));
  EXPECT_FALSE(row.contains("risk_level"));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "环境风险等级");
  EXPECT_EQ(errors[0].code, "invalid_choice");
  EXPECT_EQ(errors[0].row, 7u);
  EXPECT_NE(errors[0].message.find("较大"), std::string::npos);
  EXPECT_EQ(errors[1].field, "纬度");
  EXPECT_EQ(errors[1].code, "invalid_number");
}

TEST(Cells, EmptyCellsClearOptionalFields) {
  const Row values = {{"许可证有效期起", ""}, {"企业规模", ""}, {"标签", ""}};
  std::vector<rw::FieldError> errors;
  Cells cells(2, values.positions, values.texts, errors);
  nlohmann::json row = {{"permit_valid_from", "2020-01-01"}, {"scale", "large"}, {"tags", {"a"}}};
  cells.put_date(row, "permit_valid_from", "许可证有效期起");
  cells.put_choice(row, "scale", "企业规模", rw::registry::enterprise_scales(), "");
  cells.put_list(row, "tags", "标签");
  EXPECT_TRUE(row["permit_valid_from"].is_null());
  EXPECT_EQ(row["scale"], "");
  EXPECT_TRUE(row["tags"].empty());
  EXPECT_TRUE(errors.empty());
}
