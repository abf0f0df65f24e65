#pragma once
// Shared by the registry API tests (enterprises, policies, staff, imports and exports): the demo data
// they run against (src/app/demo_data.cpp, src/app/demo_registry.cpp), lookups by name, valid credit
// codes, and spreadsheet files built in memory.
#include <iconv.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness.hpp"
#include "registry/uscc.hpp"
#include "spreadsheet/table.hpp"

namespace rw::testing {

// The 20 demo enterprises in seeding order. Enterprise i: street i % 4 (崇安寺, 通江 in 梁溪区; 旺庄, 硕放
// in 新吴区); insured by insurer A when i < 12 and by insurer B when 8 <= i < 16; commissioned to agency A
// when i < 10 (it declined 9) and to agency B when 10 <= i < 15 (src/app/demo_services.cpp); in the park
// when i >= 15.
inline const std::vector<std::string> kDemoShortNames = {
    "恒达化工", "华润印染", "锡能电镀",     "太湖精密铸造", "江南涂料", "新材表面处理", "宏远制药",
    "东方纺织", "利民食品", "金属热处理",   "蓝天包装印刷", "富源塑料", "明光电子",     "长江钢管",
    "清泉水务", "瑞丰橡胶", "中科电池材料", "协和医疗器械", "安达物流", "创新半导体"};
inline std::string demo_enterprise(std::size_t i) { return "无锡市" + kDemoShortNames.at(i) + "有限公司"; }
inline std::vector<std::string> demo_enterprises(std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (auto i = from; i < to; ++i) out.push_back(demo_enterprise(i));
  return out;
}

inline const std::string kInsurerA = "中国人民财产保险股份有限公司无锡市分公司";
inline const std::string kInsurerB = "中国平安财产保险股份有限公司无锡分公司";
inline const std::string kAgencyA = "无锡环科风险评估有限公司";
inline const std::string kAgencyB = "江苏清源环境技术服务有限公司";
inline const std::string kPark = "无锡新吴高新技术产业园";

inline const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `first17` followed by its GB 32100-2015 check character.
inline std::string uscc(const std::string& first17) {
  const auto check = registry::uscc_check_character(first17);
  if (!check) throw std::invalid_argument("not 17 code characters: " + first17);
  return first17 + *check;
}
// A valid credit code that no demo enterprise has; distinct for distinct n.
inline std::string test_uscc(int n) {
  char first17[18];
  std::snprintf(first17, sizeof first17, "91320214MA%07d", 5000000 + n);
  return uscc(first17);
}

inline std::int64_t total_of(const HttpResult& list) { return list.json()["total"].get<std::int64_t>(); }

// `key` of every item of a list response (or of a JSON array), in order.
inline std::vector<std::string> strings_of(const nlohmann::json& items, const std::string& key = "name") {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item[key].get<std::string>());
  return out;
}
inline std::vector<std::string> names_of(const HttpResult& list, const std::string& key = "name") {
  return strings_of(list.json()["items"], key);
}
inline std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// "field:code" of each error of a problem (or report) body, in order.
inline std::vector<std::string> field_codes(const nlohmann::json& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors)
    out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
  return out;
}
// "row:field:code" of each error of an import report, in order.
inline std::vector<std::string> row_errors(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const auto& e : report["errors"])
    out.push_back(std::to_string(e.value("row", 0)) + ":" + e["field"].get<std::string>() + ":" +
                  e["code"].get<std::string>());
  return out;
}

// ---- spreadsheet files

// RFC 4180 CSV with CRLF line ends; every field quoted.
inline std::string csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string field = row[i];
      for (auto at = field.find('"'); at != std::string::npos; at = field.find('"', at + 2))
        field.insert(at, "\"");
      out += (i ? ",\"" : "\"") + field + "\"";
    }
    out += "\r\n";
  }
  return out;
}

// UTF-8 text as GBK, the encoding Chinese Excel saves CSV files in.
inline std::string to_gbk(const std::string& utf8) {
  iconv_t converter = iconv_open("GBK", "UTF-8");
  if (converter == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert to GBK");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const auto rc = iconv(converter, &in, &in_left, &to, &out_left);
  iconv_close(converter);
  if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("text has no GBK form");
  out.resize(out.size() - out_left);
  return out;
}

// An .xlsx whose first row is the header, written by the server's own writer.
inline std::string xlsx(const std::vector<std::vector<std::string>>& rows) {
  sheet::SheetData data{"Sheet1", {}, {}};
  for (const auto& header : rows.at(0)) data.columns.push_back({header, 16});
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<sheet::Value> values;
    for (const auto& text : rows[r]) values.emplace_back(text);
    data.rows.push_back(std::move(values));
  }
  return sheet::write_xlsx({data});
}

// The cell texts of an .xlsx row (trailing empty cells are not there).
inline std::vector<std::string> row_texts(const sheet::Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

// ---- a suite on its own seeded server, with lookups done as the platform admin

class RegistryApiTest : public ApiTest {
 protected:
  static Client admin() { return as("demo-admin"); }

  static std::int64_t enterprise_id(const std::string& name) {
    return find_id(admin().get("/enterprises?limit=200&archived=false&q=" + url(name)), "name", name);
  }
  static std::int64_t region_id(const std::string& code) {
    return find_id(admin().get("/regions?limit=200&q=" + code), "code", code);
  }
  static std::int64_t org_id(const std::string& name) {
    return find_id(admin().get("/organizations?limit=200&q=" + url(name)), "name", name);
  }
  static std::int64_t staff_id(const std::string& name) {
    return find_id(admin().get("/staff?limit=200&q=" + url(name)), "name", name);
  }
  static std::int64_t policy_id(const std::string& number) {
    return find_id(admin().get("/policies?limit=200&q=" + url(number)), "policy_number", number);
  }
  static std::string id_path(const std::string& collection, std::int64_t id) {
    return "/" + collection + "/" + std::to_string(id);
  }

  // A manager of insurer B (the demo data has no user there); created on first use, with a password the
  // policy admits (the demo's own is shorter than a new one may be).
  static Client insurer_b() {
    const std::string username = "pingan-manager";
    const std::string kPassword = "PingAn#Manager26";
    if (total_of(admin().get("/users?q=" + username)) == 0) {
      auto created = admin().post("/users", {{"username", username},
                                             {"display_name", "平安经理"},
                                             {"org_id", org_id(kInsurerB)},
                                             {"roles", {"manager"}},
                                             {"password", kPassword}});
      if (created.status != 201) throw std::runtime_error("cannot create " + username + ": " + created.body);
    }
    return Client(port(), login(port(), username, kPassword));
  }

  // The smallest valid enterprise, in a street of 新吴区 unless told otherwise.
  static nlohmann::json enterprise_body(const std::string& name, const std::string& credit_code,
                                        const std::string& region_code = "320214001") {
    return {{"name", name}, {"credit_code", credit_code}, {"region_id", region_id(region_code)}};
  }

  static HttpResult upload(const Client& client, const std::string& kind, const std::string& bytes,
                           const std::string& query = "", const std::string& content_type = "text/csv") {
    return client.post_raw("/imports/" + kind + query, bytes, content_type);
  }
};

}  // namespace rw::testing
