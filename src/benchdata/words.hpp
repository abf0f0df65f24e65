#pragma once
// Word lists and the names, addresses and codes built from them. Street and town names are made from
// place-like stems ("东亭" + 街道/镇), not transcribed: the generator needs realistic shapes, not a
// gazetteer.
#include <string>
#include <vector>

#include "benchdata/random.hpp"

namespace rw::benchdata {

std::string person_name(Random& random);
std::string mobile_phone(Random& random);
// Distinct names for `count` streets (districts) or towns (counties and county-level cities).
std::vector<std::string> street_names(Random& random, std::size_t count, bool towns);
// "长江路 128 号"
std::string road_address(Random& random);
// A brand word; common ones come up far more often than rare ones, as in a real register.
const std::string& brand_word(Random& random);

struct IndustryPick {
  std::string code;  // a GB/T 4754 小类 from the shipped table
  std::string word;  // how names say it: 化工, 电镀, 纺织…
};
IndustryPick pick_industry(Random& random);

// A company name: region word + brand + industry word + form (有限公司, 股份有限公司, 厂…).
std::string company_name(Random& random, const std::string& city_short, const std::string& district_short,
                         const std::string& brand, const std::string& industry_word);

// A unified social credit code (GB 32100-2015) registered in `district_code`: 91 (an enterprise
// registered by market regulation), the division code, an organization code with its GB 11714 check
// character, and the check character of the whole.
std::string credit_code(Random& random, const std::string& district_code);

// Sensitive receptors near a site (HJ 941: E from receptor sensitivity).
std::vector<std::string> sensitive_receptors(Random& random);

}  // namespace rw::benchdata
