#include "benchdata/words.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "registry/industries.hpp"
#include "registry/uscc.hpp"

namespace rw::benchdata {
namespace {

using Words = std::vector<std::string>;

const Words kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                         "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
                         "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
                         "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
                         "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "顾", "钱", "严", "戴", "薛", "秦"};
// Common surnames first: the weights fall off with the position.
const Words kGivenNames = {"伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",
                           "勇",   "艳",   "杰",   "娟",   "涛",   "明",   "超",   "秀英", "霞",   "平",
                           "刚",   "桂英", "建华", "志强", "海涛", "晓东", "红梅", "建国", "文",   "斌",
                           "华",   "鹏",   "飞",   "宇",   "浩",   "凯",   "婷",   "雪",   "琳",   "晨",
                           "欣",   "佳",   "俊",   "峰",   "亮",   "辉",   "波",   "宁",   "雷",   "健",
                           "洁",   "蕾",   "志刚", "国强", "春梅", "丽华", "卫东", "建平", "永红", "小龙",
                           "文杰", "思远", "子涵", "一鸣", "雨欣", "嘉怡", "振宇", "晓燕", "立新", "海燕"};
const Words kStreetStems = {
    "东亭", "新安", "梅村", "鸿山",   "长安",   "青阳",   "华士",   "周庄",   "芙蓉",   "金城",   "安镇",
    "杨市", "洛社", "前洲", "玉祁",   "堰桥",   "钱桥",   "胡埭",   "马山",   "雪浪",   "蠡园",   "河埒",
    "荣巷", "广瑞", "江海", "崇安",   "通江",   "旺庄",   "硕放",   "江溪",   "新桥",   "璜土",   "利港",
    "申港", "夏港", "月城", "云亭",   "顾山",   "祝塘",   "徐霞客", "丁蜀",   "和桥",   "官林",   "高塍",
    "万石", "周铁", "新街", "屺亭",   "宜城",   "张渚",   "太华",   "湖父",   "西渚",   "新建",   "杨巷",
    "徐舍", "芳桥", "红塔", "淹城",   "湖塘",   "牛塘",   "礼嘉",   "洛阳",   "横林",   "横山桥", "邹区",
    "奔牛", "罗溪", "孟河", "西夏墅", "薛家",   "春江",   "龙虎塘", "三井",   "河海",   "新港",   "唯亭",
    "胜浦", "斜塘", "娄葑", "金鸡湖", "浒墅关", "通安",   "东渚",   "镇湖",   "木渎",   "甪直",   "胥口",
    "临湖", "光福", "渭塘", "黄埭",   "望亭",   "北桥",   "盛泽",   "震泽",   "七都",   "桃源",   "平望",
    "黎里", "同里", "松陵", "虞山",   "梅李",   "海虞",   "古里",   "沙家浜", "支塘",   "董浜",   "尚湖",
    "辛庄", "杨舍", "塘桥", "金港",   "锦丰",   "乐余",   "凤凰",   "南丰",   "大新",   "玉山",   "巴城",
    "周市", "陆家", "花桥", "张浦",   "千灯",   "淀山湖", "锦溪",   "城厢",   "沙溪",   "浏河",   "浮桥",
    "璜泾", "双凤", "仙林", "马群",   "麒麟",   "淳化",   "秣陵",   "汤山",   "禄口",   "谷里",   "横溪",
    "江浦", "桥林", "永宁", "星甸",   "龙袍",   "雄州",   "竹镇",   "八卦洲", "燕子矶", "迈皋桥"};
const Words kRoads = {"长江路",   "人民路", "解放路",     "中山路",   "建设路", "工业路",   "新华路",
                      "太湖大道", "青年路", "和平路",     "友谊路",   "创业路", "科技路",   "发展大道",
                      "环城路",   "滨江路", "通江大道",   "黄河路",   "珠江路", "泰山路",   "华山路",
                      "衡山路",   "金山路", "开发区大道", "高新大道", "纬一路", "经二路",   "东风路",
                      "向阳路",   "幸福路", "兴业路",     "振兴路",   "富民路", "园区路",   "港口路",
                      "沿河路",   "运河路", "锡沪路",     "新园路",   "机场路", "工业园路", "创新大道",
                      "城南路",   "城北路", "金城路",     "建业路",   "朝阳路", "光明路"};
// Brand words of company names.
const Words kBrands = {
    "恒达", "华润", "宏远", "金城", "天宇", "新华", "永泰", "盛隆", "鑫源", "瑞丰", "中科", "协和", "安达",
    "明光", "富源", "长江", "东方", "利民", "蓝天", "清泉", "创新", "华泰", "润发", "海天", "鼎盛", "嘉禾",
    "伟业", "星辰", "光明", "汇通", "锦绣", "凯盛", "力源", "正大", "百盛", "振华", "兴业", "宝利", "亚泰",
    "联合", "永鑫", "华夏", "金鹰", "天成", "鸿运", "祥和", "德盛", "鑫泰", "博远", "远航", "九州", "天马",
    "汇丰", "通达", "万邦", "久盛", "晨光", "三友", "国信", "新元", "宏达", "吉瑞", "丰华", "同创", "卓越",
    "辉煌", "昌盛", "腾飞", "精诚", "和兴", "金鼎", "银河", "森源", "美华", "顺发", "立信", "佳和", "众诚",
    "亿达", "泰和", "东升", "双龙", "永新", "华兴", "大成", "广源", "源丰", "新宇", "中天", "恒信", "鹏程",
    "金泉", "江海", "扬子", "太湖", "运河", "钟山", "紫金", "惠泉", "锡能", "阳山", "龙城", "吴越", "姑苏",
    "江南", "海陵", "淮海", "楚州", "东吴", "中环", "华鼎", "恒润", "长盛", "远景", "天和", "亨达", "沙洲",
    "永丰", "红杉", "阳和", "海岚", "雅达", "新城", "苏华", "维尔", "金陵", "秦淮", "鼎力", "欣达", "华宏"};

struct Division {
  const char* code;  // GB/T 4754 大类
  int weight;        // insured enterprises lean to chemicals, metals, plating, dyeing, printing, pharma
  Words words;
};
const std::vector<Division> kDivisions = {
    {"13", 3, {"食品", "粮油", "饲料"}},
    {"14", 2, {"食品", "乳业"}},
    {"15", 1, {"酒业", "饮料"}},
    {"17", 6, {"纺织", "织造", "印染"}},
    {"18", 1, {"服饰", "制衣"}},
    {"19", 1, {"皮革", "鞋业"}},
    {"20", 1, {"木业"}},
    {"21", 1, {"家具"}},
    {"22", 3, {"纸业", "包装"}},
    {"23", 3, {"印刷", "包装印刷"}},
    {"24", 1, {"文体用品"}},
    {"25", 1, {"石化", "燃料"}},
    {"26", 14, {"化工", "化学", "新材料", "涂料", "精细化工"}},
    {"27", 4, {"制药", "药业", "生物医药"}},
    {"28", 2, {"化纤"}},
    {"29", 6, {"橡胶", "塑料", "塑胶"}},
    {"30", 4, {"建材", "水泥", "玻璃", "陶瓷"}},
    {"31", 2, {"钢铁", "特钢"}},
    {"32", 3, {"铜业", "铝业", "有色金属"}},
    {"33", 10, {"金属制品", "五金", "表面处理", "电镀", "热处理"}},
    {"34", 6, {"机械", "设备", "动力"}},
    {"35", 4, {"装备", "机械"}},
    {"36", 4, {"汽车部件", "汽配"}},
    {"37", 1, {"船舶", "轨道交通"}},
    {"38", 6, {"电气", "电器", "电池", "电缆", "电机"}},
    {"39", 7, {"电子", "半导体", "光电", "通信", "微电子"}},
    {"40", 1, {"仪器", "仪表"}},
    {"41", 1, {"工艺品"}},
    {"42", 2, {"再生资源", "资源利用"}},
    {"43", 1, {"设备维修"}},
    {"44", 2, {"热电", "能源"}},
    {"45", 1, {"燃气"}},
    {"46", 2, {"水务", "污水处理"}},
    {"59", 2, {"仓储", "物流"}},
    {"77", 2, {"环保", "环境科技", "固废处置"}},
};
const Words kReceptors = {"居民区（约 300 米）",
                          "居民区（约 800 米）",
                          "小学（约 1 公里）",
                          "京杭大运河",
                          "太湖",
                          "长江",
                          "饮用水水源保护区",
                          "农田",
                          "医院（约 1.5 公里）",
                          "河道（厂界东侧）"};

// Position weights 1 / (rank + 8): the head of a list is a few times likelier than its tail.
std::size_t ranked(Random& random, std::size_t size) {
  static std::map<std::size_t, std::vector<int>> weights;
  auto& w = weights[size];
  if (w.empty())
    for (std::size_t i = 0; i < size; ++i) w.push_back(static_cast<int>(100000 / (i + 8)));
  return random.weighted(w);
}

// The divisions' 小类 codes from the shipped GB/T 4754 table.
const std::vector<std::vector<std::string>>& division_classes() {
  static const std::vector<std::vector<std::string>> classes = [] {
    std::vector<std::vector<std::string>> out(kDivisions.size());
    for (const auto& industry : registry::IndustryTable::shipped().all()) {
      if (industry.level != 4) continue;
      for (std::size_t d = 0; d < kDivisions.size(); ++d)
        if (industry.code.rfind(kDivisions[d].code, 0) == 0) out[d].push_back(industry.code);
    }
    return out;
  }();
  return classes;
}

// GB 11714 organization code: 8 characters and a check character (weights 3 7 9 10 5 8 4 2, mod 11).
std::string organization_code(Random& random) {
  static constexpr std::string_view kDigits = "0123456789";
  static constexpr std::string_view kLetters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string body;
  if (random.chance(700)) {  // registered since 2015: MA + six characters
    body = "MA";
    for (int i = 0; i < 6; ++i) body += kLetters[static_cast<std::size_t>(random.below(kLetters.size()))];
  } else {
    for (int i = 0; i < 8; ++i) body += kDigits[static_cast<std::size_t>(random.below(10))];
  }
  static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const char c = body[static_cast<std::size_t>(i)];
    sum += (c <= '9' ? c - '0' : c - 'A' + 10) * kWeights[i];
  }
  const int check = 11 - sum % 11;
  return body + (check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check));
}

}  // namespace

std::string person_name(Random& random) {
  return kSurnames[ranked(random, kSurnames.size())] + kGivenNames[ranked(random, kGivenNames.size())];
}

std::string mobile_phone(Random& random) {
  static const Words prefixes = {"139", "138", "137", "136", "135", "158", "159", "150", "151", "152",
                                 "187", "188", "133", "153", "180", "189", "130", "131", "132", "155",
                                 "156", "185", "186", "177", "199", "181", "182", "183", "157", "173"};
  return random.pick(prefixes) + std::to_string(random.between(10000000, 99999999));
}

std::vector<std::string> street_names(Random& random, std::size_t count, bool towns) {
  std::vector<std::string> out;
  std::set<std::string> used;
  while (out.size() < count) {
    auto name = random.pick(kStreetStems) + (towns && random.chance(800) ? "镇" : "街道");
    if (used.insert(name).second) out.push_back(std::move(name));
  }
  return out;
}

std::string road_address(Random& random) {
  auto out = random.pick(kRoads) + " " + std::to_string(random.between(1, 999)) + " 号";
  if (random.chance(150)) out += std::to_string(random.between(1, 12)) + " 幢";
  return out;
}

const std::string& brand_word(Random& random) { return kBrands[ranked(random, kBrands.size())]; }

IndustryPick pick_industry(Random& random) {
  static const std::vector<int> weights = [] {
    std::vector<int> out;
    for (const auto& d : kDivisions) out.push_back(d.weight);
    return out;
  }();
  const auto d = random.weighted(weights);
  return {random.pick(division_classes()[d]), random.pick(kDivisions[d].words)};
}

std::string company_name(Random& random, const std::string& city_short, const std::string& district_short,
                         const std::string& brand, const std::string& industry_word) {
  switch (random.weighted({50, 20, 8, 10, 5, 7})) {
    case 0:
      return city_short + brand + industry_word + "有限公司";
    case 1:
      return district_short + brand + industry_word + "有限公司";
    case 2:
      return "江苏" + brand + industry_word + "股份有限公司";
    case 3:
      return brand + industry_word + "（" + city_short + "）有限公司";
    case 4:
      return city_short + "市" + brand + industry_word + "厂";
    default:
      return city_short + brand + industry_word + "科技有限公司";
  }
}

std::string credit_code(Random& random, const std::string& district_code) {
  const auto first17 = "91" + district_code + organization_code(random);
  return first17 + *registry::uscc_check_character(first17);
}

std::vector<std::string> sensitive_receptors(Random& random) {
  std::vector<std::string> out;
  const auto count = random.weighted({30, 40, 20, 10});
  while (out.size() < count) {
    const auto& r = random.pick(kReceptors);
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return out;
}

}  // namespace rw::benchdata
