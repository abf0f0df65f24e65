#pragma once
// How every entity relates to the parties, declared once. Read filters, "404 unless visible" checks and
// write checks are derived from these declarations (access/visibility.hpp), and the access test walks
// them, so a new entity gets its rules and its test by being declared here.
//
// A party's relations follow its organization's type: an insurer insures, an agency serves, a park
// hosts, an enterprise is the enterprise, a regulator regulates its jurisdiction. Organizations count
// with their sub-organizations (a branch acts for its insurer's records below it, not above).
#include <cstdint>
#include <string_view>
#include <vector>

namespace rw::access {

// Party types as bits, so one grant can name several.
namespace party {
inline constexpr unsigned platform = 1u << 0;
inline constexpr unsigned regulator = 1u << 1;
inline constexpr unsigned insurer = 1u << 2;
inline constexpr unsigned agency = 1u << 3;
inline constexpr unsigned enterprise = 1u << 4;
inline constexpr unsigned park = 1u << 5;
inline constexpr unsigned any = (1u << 6) - 1;
}  // namespace party
unsigned party_of(std::string_view org_type);

enum class Relation {
  named,          // the organization in `column` of the record
  located,        // a regulator: the organization in `column` has a region inside its jurisdiction
  registered_by,  // the record's enterprise was registered by the organization
  is,             // the record's enterprise is the organization
  hosts,          // the organization is the park the enterprise is in
  insures,        // the organization insures the enterprise (a policy)
  serves,         // the organization is an agency commissioned to serve the enterprise
  regulates,      // a regulator: the enterprise's region lies in its jurisdiction
};

struct Grant {
  unsigned parties;  // who gets this relation (party bits)
  Relation relation;
  std::string_view column = {};  // for `named` and `located`
  // A condition on the record's own columns this relation also needs ("n.status <> 'draft'": a notice is the
  // enterprise's once issued); empty: none.
  std::string_view only_when = {};
};

// A table `from` joins to the record: `key` on the record is its `alias`.id.
struct Joined {
  std::string_view alias;  // "e"
  std::string_view table;  // "enterprises"
  std::string_view key;    // "v.enterprise_id"
  // The record's copy of the enterprise's region, kept by triggers ("h.region_id", V041, V043-V045); empty:
  // none. A regulator's list tests it against its regions, through an index of the record.
  std::string_view region = {};
};

struct EntityAccess {
  std::string_view name;                  // "visit"
  std::string_view from;                  // "visits v JOIN enterprises e ON e.id = v.enterprise_id"
  std::string_view id_column;             // "v.id"
  std::vector<Grant> readers;             // who sees it (a platform admin sees everything)
  std::vector<std::string_view> writers;  // columns naming the organizations that change it
  // The tables `from` joins, so a list can test a relation on a joined table as the record's key
  // against a set of ids (access/visibility.cpp).
  std::vector<Joined> joined = {};
};

extern const EntityAccess kEnterprise;
extern const EntityAccess kPolicy;
extern const EntityAccess kStaff;
extern const EntityAccess kOrganization;
extern const EntityAccess kUser;
extern const EntityAccess kCommission;
extern const EntityAccess kCommissionItem;
extern const EntityAccess kServicePlan;
extern const EntityAccess kVisit;
extern const EntityAccess kDeadline;
extern const EntityAccess kInspection;
extern const EntityAccess kHazard;
extern const EntityAccess kHazardEscalation;
extern const EntityAccess kNotice;
extern const EntityAccess kEnvRiskAssessment;
extern const EntityAccess kAuditEntry;
extern const EntityAccess kWebhookSubscription;

// Every declared entity, for the access test.
const std::vector<const EntityAccess*>& all_entities();

}  // namespace rw::access
