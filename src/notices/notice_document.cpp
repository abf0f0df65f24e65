#include "notices/notice_document.hpp"

namespace rw::notices {
namespace {

using documents::Document;
using documents::text;

std::string or_blank(const std::string& value, const char* blank = "____") {
  return value.empty() ? blank : value;
}

void closing(Document& d, const NoticeContent& n) {
  d.blocks.push_back(
      documents::IssuerBlock{n.issuer, n.issued_on.empty() ? "年  月  日" : n.issued_on, n.seal});
}

void receipt(Document& d, const NoticeContent& n) {
  d.blocks.push_back(
      documents::Signatures{{{"签收单位（公章）：", n.receipt_seal}, {"签收人：", n.receipt_signature}}});
}

void particulars(Document& d, const NoticeContent& n) {
  d.blocks.push_back(documents::bold_text(n.enterprise + "："));
  d.blocks.push_back(text("统一社会信用代码 " + n.credit_code + "，法定代表人 " + n.legal_representative +
                          "，地址 " + n.address + "。"));
}

// yueqing att.2, after its wording; an agency says 我单位 and reports to the regulator (derived).
void warning(Document& d, const NoticeContent& n) {
  particulars(d, n);
  const std::string we = n.issuer_is_regulator ? "我局" : "我单位";
  d.blocks.push_back(text(we + "工作人员 " + or_blank(n.staff) + " 于" + or_blank(n.visited_on) +
                          "对你（单位）开展帮扶活动，发现你（单位）存在以下环境隐患（问题）："));
  for (std::size_t i = 0; i < n.problems.size(); ++i)
    d.blocks.push_back(text(std::to_string(i + 1) + "." + n.problems[i].description));
  d.blocks.push_back(text("请你单位在收到本提示单之日起" +
                          (n.deadline_days > 0 ? std::to_string(n.deadline_days) : "____") +
                          "日内消除环境隐患（问题），如逾期未消除环境隐患（问题）的，" +
                          (n.issuer_is_regulator ? "我局（分局）将依法对你单位进行查处。"
                                                 : "我单位将按规定报告属地生态环境主管部门。")));
  d.blocks.push_back(text("企业家朋友，保护环境是我们共同的责任，让我们携起手来，共同建设美丽" +
                          closing_place(n.issuer) + "。"));
  closing(d, n);
  receipt(d, n);
}

// yueqing att.3, its five items and closing word for word.
void reminder(Document& d, const NoticeContent& n) {
  particulars(d, n);
  for (const char* paragraph :
       {"企业既是市场经济的主体，也是保护生态环境的主体。随着生态文明建设的不断深入，对企业的环境保护工作提出"
        "了更高"
        "要求，希望各位企业家高度重视生态环境保护工作，履行好生态环境保护的社会责任。现就进一步做好生态环境保"
        "护工作"
        "提示如下：",
        "1."
        "严格遵守国家有关建设项目环境影响评价的规定，对照《建设项目环境影响评价分类管理名录》依法进行环境影响"
        "评价；"
        "建设项目的环境影响报告书、环境影响报告表未报经生态环境主管部门审查批准的，不得擅自开工建设。",
        "2."
        "严格遵守国家有关建设项目环境保护管理的规定，建设项目需要配套建设的环境保护设施，必须与主体工程同时设"
        "计、"
        "同时施工、同时投产使用；配套建设的环境保护设施未经验收或验收不合格的，不得投入生产或者使用。",
        "3."
        "严格遵守国家有关排污许可管理制度的规定，严格落实相关管理要求，按照排污许可证的许可范围排放污染物，不"
        "得偷排"
        "漏排。",
        "4."
        "严格遵守国家有关水污染防治、大气污染防治、噪声污染防治、固体废物污染环境防治等规定，加强对环境保护设"
        "施的"
        "管理和维护，保证其正常运行和使用。",
        "5.加强环境风险隐患排查治理，切实履行环境风险防范责任，防止出现环境安全问题。",
        "违反上述规定将涉嫌环境违法，希望各位企业家朋友认真学习上述提示内容，严格对照开展自查，对自查发现的问"
        "题立行"
        "立改，切实消除环境风险隐患，维护企业自身权益，不断提升生态环境管理水平，实现高质量发展。"})
    d.blocks.push_back(text(paragraph));
  closing(d, n);
  receipt(d, n);
}

// guilin J.1.
void rectification(Document& d, const NoticeContent& n) {
  d.blocks.push_back(documents::bold_text(n.enterprise + "："));
  d.blocks.push_back(
      text(or_blank(n.period) +
           "，托管服务对你单位进行现场检查，发现你单位存在如下生态环境问题（根据现场检查情况）："));
  for (std::size_t i = 0; i < n.problems.size(); ++i)
    d.blocks.push_back(
        text(chinese_number(static_cast<int>(i) + 1) + "、" + n.problems[i].description + "；"));
  d.blocks.push_back(text("为贯彻落实" + or_blank(n.law) + "法律法规及政策要求，请你单位于" +
                          or_blank(n.plan_due_on) + "前提交环境问题整改方案至" + or_blank(n.submit_to) +
                          "，电子版发送至" + or_blank(n.email) + "邮箱，逾期上报，我单位将依法依规处理。"));
  d.blocks.push_back(text("环境问题整改建议如下（针对问题逐条建议）："));
  for (std::size_t i = 0; i < n.problems.size(); ++i)
    d.blocks.push_back(
        text(chinese_number(static_cast<int>(i) + 1) + "、" + n.problems[i].suggestion + "；"));
  d.blocks.push_back(text("联系人：" + n.contact + "      电话：" + n.phone));
  d.blocks.push_back(text("附：相关法律责任"));
  for (std::size_t i = 0; i < n.problems.size(); ++i)
    if (!n.problems[i].basis.empty())
      d.blocks.push_back(text(chinese_number(static_cast<int>(i) + 1) + "、" + n.problems[i].basis));
  closing(d, n);
}

// guilin B.1.
void inspection(Document& d, const NoticeContent& n) {
  d.blocks.push_back(documents::bold_text("各企业单位："));
  d.blocks.push_back(text("为进一步做好" + n.area +
                          "生态环境保护工作，协助各企（事）业单位落实环境保护主体责任，现委托" +
                          n.contractor + "在" + n.area +
                          "开展环境保护日常核查工作，强化园区管理部门属地监管职责，现将有关事项通知如下："));
  d.blocks.push_back(text("一、主要核查内容："));
  for (std::size_t i = 0; i < n.check_items.size(); ++i)
    d.blocks.push_back(text("（" + chinese_number(static_cast<int>(i) + 1) + "）" + n.check_items[i] +
                            (i + 1 < n.check_items.size() ? "；" : "等。")));
  d.blocks.push_back(text(
      "二、各企业单位应高度重视核查工作，对核查过程中发现的隐患和问题应及时整改并明确整改时限和责任人。"));
  d.blocks.push_back(text("三、各企业单位应积极配合" + n.contractor + "的现场核查工作，如需核实身份或发现" +
                          n.contractor + "在日常核查工作中存在违规行为，请联系园区管理部门。"));
  d.blocks.push_back(text("联系人：" + n.contact + "    电话：" + n.phone));
  closing(d, n);
}

}  // namespace

std::string closing_place(const std::string& issuer) {
  constexpr std::size_t kLongestCity = 4 * 3;  // 乌鲁木齐: four characters of three bytes
  const auto city = issuer.find("市");
  return city != std::string::npos && city > 0 && city <= kLongestCity ? issuer.substr(0, city) : "家园";
}

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n > 99) return std::to_string(n);
  if (n < 10) return digits[n];
  return std::string(n >= 20 ? digits[n / 10] : "") + "十" + (n % 10 ? digits[n % 10] : "");
}

documents::Document notice_document(const NoticeContent& n) {
  Document d;
  d.organization = n.issuer;
  d.subtitle = n.number;
  if (n.kind == "warning") {
    d.title = n.issuer + "\n环境隐患（问题）整改预警提示单";
    warning(d, n);
  } else if (n.kind == "reminder") {
    d.title = "企业环境风险排查整改 温馨提示单";
    reminder(d, n);
  } else if (n.kind == "rectification") {
    d.title = "生态环境问题整改通知书";
    rectification(d, n);
  } else {
    d.title = "关于对" + n.area + "排污企、事业单位开展生态环境保护检查的通知";
    inspection(d, n);
  }
  // att.2 and att.3 are made in two copies (一式两份): one stays with the enterprise, one comes back signed.
  if (n.kind == "warning" || n.kind == "reminder") {
    const auto one = d.blocks;
    d.blocks.push_back(documents::PageBreak{});
    if (!d.title.empty()) d.blocks.push_back(documents::Heading{d.title, 1, documents::Align::center});
    auto number = text(n.number, 0);
    number.align = documents::Align::center;
    if (!n.number.empty()) d.blocks.push_back(number);
    d.blocks.insert(d.blocks.end(), one.begin(), one.end());
  }
  return d;
}

}  // namespace rw::notices
