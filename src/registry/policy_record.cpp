#include "registry/policy_record.hpp"

#include "access/visibility.hpp"
#include "registry/party_store.hpp"
#include "registry/vocabularies.hpp"

namespace rw::registry {
namespace {

constexpr std::int64_t kWholePremium = 10000;  // basis points

constexpr const char* kDeletePolicy = "DELETE FROM policies WHERE id = ?";

double yuan(std::int64_t fen) { return static_cast<double>(fen) / 100.0; }

db::Params column_values(const PolicyRecord& r) {
  return {r.insurance_type, r.insurer_org_id,  r.policy_number,   r.enterprise_id,    r.starts_on, r.ends_on,
          r.premium_fen,    r.sum_insured_fen, r.fund_share_kind, r.fund_share_value, r.status};
}

}  // namespace

const std::vector<std::string>& policy_keys() {
  static const std::vector<std::string> keys = {
      "insurance_type", "insurer_org_id", "policy_number",   "enterprise_id",    "starts_on", "ends_on",
      "premium",        "sum_insured",    "fund_share_kind", "fund_share_value", "status"};
  return keys;
}

PolicyRecord read_policy(Fields& f, const accounts::Actor& user) {
  PolicyRecord r;
  r.insurance_type = f.required_choice("insurance_type", insurance_types().values());
  r.insurer_org_id = f.optional_id("insurer_org_id").value_or(user.org_type == "insurer" ? user.org_id : 0);
  if (!r.insurer_org_id) f.require("insurer_org_id");
  r.policy_number = f.required_text("policy_number", 1, 50);
  r.enterprise_id = f.required_id("enterprise_id");
  const auto starts = f.optional_date("starts_on");
  const auto ends = f.optional_date("ends_on");
  f.require("starts_on");
  f.require("ends_on");
  r.starts_on = starts.value_or("");
  r.ends_on = ends.value_or("");
  if (starts && ends && *ends < *starts)
    f.add_error("ends_on", "before_start", "保险止期早于起期", "ends before it starts");
  const auto premium = f.optional_amount_fen("premium");
  const auto sum_insured = f.optional_amount_fen("sum_insured");
  f.require("premium");
  f.require("sum_insured");
  r.premium_fen = premium.value_or(0);
  r.sum_insured_fen = sum_insured.value_or(0);
  r.fund_share_kind = f.required_choice("fund_share_kind", fund_share_kinds().values());
  // Both kinds carry two decimals: yuan for an amount, percent for a share.
  const auto share = f.optional_amount_fen("fund_share_value");
  f.require("fund_share_value");
  r.fund_share_value = share.value_or(0);
  if (share && r.fund_share_kind == "percent" && *share > kWholePremium)
    f.add_error("fund_share_value", "out_of_range", "比例不能超过 100%", "cannot exceed 100 percent");
  if (share && premium && r.fund_share_kind == "amount" && *share > *premium)
    f.add_error("fund_share_value", "exceeds_premium", "风险防控费用不能超过保费",
                "cannot exceed the premium");
  // A share of nothing sets nothing aside: with a premium of 0 the fund can only be an amount.
  if (premium && *premium == 0 && r.fund_share_kind == "percent")
    f.add_error("fund_share_kind", "percent_of_zero_premium", "保费为 0 时不能按保费比例计提，请按金额填写",
                "with a premium of 0 the fund cannot be a percentage of it; enter an amount");
  r.status = f.optional_choice("status", policy_statuses().values()).value_or("active");
  return r;
}

bool may_write_policies_of(db::Connection& db, const accounts::Actor& user, std::int64_t insurer_org_id) {
  return access::may_change(db, user, access::kPolicy, {{"insurer_org_id", insurer_org_id}}) &&
         is_org_of_type(db, insurer_org_id, "insurer");
}

std::optional<std::int64_t> policy_with_number(db::Connection& db, std::int64_t insurer_org_id,
                                               const std::string& policy_number) {
  auto rows = db.query("SELECT id FROM policies WHERE insurer_org_id = ? AND policy_number = ?",
                       {insurer_org_id, policy_number});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

ApiError duplicate_policy_number() {
  return ApiError(
      ErrorKind::conflict, "duplicate_policy_number", "该保险机构已有此保单号",
      "the insurer already has this policy number",
      {{"policy_number", "duplicate_policy_number", "保单号重复", "is already used by this insurer"}});
}

std::int64_t insert_policy(db::Connection& db, const PolicyRecord& record, const std::string& now) {
  auto params = column_values(record);
  params.insert(params.end(), {now, now});
  return db
      .query(
          "INSERT INTO policies (insurance_type, insurer_org_id, policy_number, enterprise_id, starts_on, "
          "ends_on, "
          "premium_fen, sum_insured_fen, fund_share_kind, fund_share_value, status, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          params)[0]
      .integer("id");
}

void update_policy_row(db::Connection& db, std::int64_t id, const PolicyRecord& record,
                       const std::string& now) {
  auto params = column_values(record);
  params.insert(params.end(), {now, id});
  db.execute(
      "UPDATE policies SET insurance_type = ?, insurer_org_id = ?, policy_number = ?, enterprise_id = ?, "
      "starts_on = ?, ends_on = ?, premium_fen = ?, sum_insured_fen = ?, fund_share_kind = ?, "
      "fund_share_value = ?, status = ?, updated_at = ? WHERE id = ?",
      params);
}

void delete_policy_row(db::Connection& db, std::int64_t id) { db.execute(kDeletePolicy, {id}); }

std::int64_t prevention_fund_fen(const PolicyRecord& r) {
  if (r.fund_share_kind == "amount") return r.fund_share_value;
  return (r.premium_fen * r.fund_share_value + kWholePremium / 2) / kWholePremium;  // rounded to the fen
}

PolicyRecord policy_from_row(const db::Row& row) {
  return {row.text("insurance_type"),  row.integer("insurer_org_id"),
          row.text("policy_number"),   row.integer("enterprise_id"),
          row.text("starts_on"),       row.text("ends_on"),
          row.integer("premium_fen"),  row.integer("sum_insured_fen"),
          row.text("fund_share_kind"), row.integer("fund_share_value"),
          row.text("status")};
}

nlohmann::json policy_record_json(const PolicyRecord& r) {
  return {{"insurance_type", r.insurance_type},
          {"insurer_org_id", r.insurer_org_id},
          {"policy_number", r.policy_number},
          {"enterprise_id", r.enterprise_id},
          {"starts_on", r.starts_on},
          {"ends_on", r.ends_on},
          {"premium", yuan(r.premium_fen)},
          {"sum_insured", yuan(r.sum_insured_fen)},
          {"fund_share_kind", r.fund_share_kind},
          {"fund_share_value", yuan(r.fund_share_value)},
          {"prevention_fund", yuan(prevention_fund_fen(r))},
          {"status", r.status}};
}

}  // namespace rw::registry
