// 一企一档 as enterprises keep it (src/archive/): 平安's branches keep their enterprises' archives on xuzhou
// E.1 for ten years (archive_settings; the other insurers, parks and the platform keep their type's default
// list), and a fifth of the enterprises with their own user recorded the state of some items of the list
// their registering organization uses (archive_service.cpp set_item_state): on xuzhou E.1, whether the paper
// copy is on file (with the reason E.1 asks for a 否, and a later 是 for some of those), on every list, an
// item that does not apply (with its reason). Each record is an entry of the hash chain (archive_chain.cpp),
// appended in time order as the product appends them, so /archive/verify walks a province's chain. No
// documents: they are files, which the bench data has not.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "archive/archive_chain.hpp"
#include "archive/archive_lists.hpp"
#include "archive/archive_rules.hpp"
#include "benchdata/bulk_insert.hpp"
#include "benchdata/world.hpp"

namespace rw::benchdata {
namespace {

// 平安 (kInsurers[1] in registry_data.cpp).
constexpr std::size_t kChoosingCompany = 1;
constexpr const char* kChosenList = "xuzhou_e1";

const std::vector<std::string> kNoPaperReasons = {"原件由集团总部统一保管", "纸质版正在补充盖章",
                                                  "原件遗失，正在向发证机关申请补办"};
const std::vector<std::string> kNotApplicableReasons = {"企业不涉及该类事项", "企业无此类设施",
                                                        "未开展相关工作，不适用"};

struct Recorded {
  std::string at;
  std::int64_t enterprise_id = 0;
  std::string list_code;
  std::string item_code;
  archive::ItemState state;
  std::int64_t actor = 0;
};

class ArchiveWriter {
 public:
  ArchiveWriter(WriteBehind& out, World& world)
      : out_(out),
        w_(world),
        rnd_(world.random.fork(9)),
        settings_(out, "archive_settings", {"org_id", "list_code", "retention_years", "updated_at"}),
        states_(out, "archive_item_states",
                {"enterprise_id", "list_code", "item_code", "paper_on_file", "paper_reason",
                 "electronic_reason", "applicable", "updated_by", "updated_at"}),
        events_(out, "archive_events",
                {"id", "seq", "enterprise_id", "kind", "item_code", "document_id", "file_sha256", "detail",
                 "actor_id", "at", "prev_hash", "hash"}) {
    for (const char* type : {"platform", "insurer", "park"}) load_list(archive::default_list_code(type));
    load_list(kChosenList);
  }

  void run() {
    const auto set_on = moment(w_.today - std::chrono::days(360), 9 * 60);
    for (const auto& city : w_.cities)
      for (const auto& branch : city.insurers)
        if (branch.company == kChoosingCompany) {
          settings_.add({branch.org_id, std::string(kChosenList), std::int64_t{10}, set_on});
          chosen_.insert(branch.org_id);
        }
    for (const auto& e : w_.enterprises)
      if (e.user_id && e.registered + std::chrono::days(5) < w_.today && rnd_.chance(200)) record(e);
    append_in_order();
    settings_.flush();
    states_.flush();
    events_.flush();
  }

 private:
  void record(const Enterprise& e) {
    const auto& list =
        lists_.at(chosen_.count(e.keeper_org_id) ? kChosenList : archive::default_list_code(e.keeper_type));
    std::vector<const archive::ListItem*> items;
    for (const auto& item : list.items) items.push_back(&item);
    for (auto i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[static_cast<std::size_t>(rnd_.below(static_cast<std::int64_t>(i)))]);
    items.resize(
        std::min<std::size_t>(items.size(), list.paper_column ? rnd_.between(3, 8) : rnd_.between(1, 3)));
    const auto span = (w_.today - e.registered).count() - 5;
    for (const auto* item : items) {
      const auto day = e.registered + std::chrono::days(5 + rnd_.below(span));
      archive::ItemState state;
      const auto odds = rnd_.below(100);
      if (!list.paper_column || odds < 5) {
        state.applicable = false;
        state.electronic_reason = rnd_.pick(kNotApplicableReasons);
      } else {
        state.paper_on_file = odds >= 20;
        if (!*state.paper_on_file) state.paper_reason = rnd_.pick(kNoPaperReasons);
      }
      add({at(day), e.id, list.code, item->code, state, *e.user_id});
      // A missing paper copy filed later: the item's next record, the reason cleared as set_item_state does.
      const auto later = day + std::chrono::days(rnd_.between(3, 60));
      if (state.paper_on_file == false && later <= w_.today && rnd_.chance(300))
        add({at(later), e.id, list.code, item->code, {true, "", "", true}, *e.user_id});
    }
  }

  void load_list(const std::string& code) {
    auto list = archive::current_list(out_.connection(), code);
    if (!list) throw std::runtime_error("bench-data needs the shipped archive list " + code);
    lists_.emplace(code, std::move(*list));
  }

  std::string at(Day day) { return moment(day, static_cast<int>(rnd_.between(9 * 60, 17 * 60))); }
  void add(Recorded r) { recorded_.push_back(std::move(r)); }

  // archive_chain.cpp append_event, for every record in the order of its time; the item's row keeps the last.
  void append_in_order() {
    std::stable_sort(recorded_.begin(), recorded_.end(),
                     [](const Recorded& a, const Recorded& b) { return a.at < b.at; });
    std::map<std::tuple<std::int64_t, std::string, std::string>, const Recorded*> last;
    std::string prev = archive::kGenesisHash;
    std::int64_t seq = 0;
    for (const auto& r : recorded_) {
      const archive::ChainEntry entry{++seq,
                                      r.enterprise_id,
                                      "status",
                                      r.item_code,
                                      std::nullopt,
                                      "",
                                      archive::state_detail(r.list_code, r.state).dump(),
                                      r.actor,
                                      r.at,
                                      prev};
      prev = archive::chain_hash(entry);
      events_.add({w_.ids.next("archive_events"), seq, r.enterprise_id, entry.kind, r.item_code,
                   db::null_value(), std::string(), entry.detail, r.actor, r.at, entry.prev_hash, prev});
      last[{r.enterprise_id, r.list_code, r.item_code}] = &r;
    }
    for (const auto& [key, r] : last) {
      const auto& s = r->state;
      states_.add({r->enterprise_id, r->list_code, r->item_code,
                   s.paper_on_file ? db::Value(std::int64_t{*s.paper_on_file ? 1 : 0}) : db::null_value(),
                   s.paper_reason, s.electronic_reason, std::int64_t{s.applicable ? 1 : 0}, r->actor, r->at});
    }
    out_.execute("UPDATE archive_chain SET last_seq = ?, last_hash = ? WHERE id = 1", {seq, prev});
  }

  WriteBehind& out_;
  World& w_;
  Random rnd_;
  BulkInsert settings_, states_, events_;
  std::map<std::string, archive::DocumentList> lists_;  // by code
  std::set<std::int64_t> chosen_;                       // organizations that keep kChosenList
  std::vector<Recorded> recorded_;
};

}  // namespace

void write_archive(WriteBehind& out, World& world) { ArchiveWriter(out, world).run(); }

}  // namespace rw::benchdata
