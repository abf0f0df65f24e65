#pragma once
// HJ 941-2018's three indicators computed from what the enterprise answers: Q (risk substances against their
// critical quantities), M (process units and control measures) and E (receptors), each with the items that
// made it, so a result can say why. Pure: no I/O.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rw::envrisk {

// One risk substance on site, resolved against a substance table version.
struct SubstanceLine {
  std::string name;  // as the table names it
  std::string cas;
  double quantity_t = 0;  // the largest quantity present inside the site boundary, as stored (mixture)
  double share = 1;       // the substance's share of the mixture or solution (0, 1]
  double critical_t = 0;  // Qᵢ of the table
  bool air = false;       // counts for air (the user's mark, defaulted by default_media)
  bool water = false;
};

struct QTerm {
  std::string name;
  double pure_t = 0;  // quantity × share
  double critical_t = 0;
  double ratio = 0;  // pure_t / critical_t
};
struct QSum {
  double q = 0;  // rounded to 6 decimals, so sums of decimal ratios band as written (0.1 + 0.2 + 0.7 is 1)
  std::vector<QTerm> terms;  // the substances counted, in input order
};
QSum sum_q(const std::vector<SubstanceLine>& lines, bool air);

// Whether a substance counts for air and water by default. Air: HJ 941 附录A Parts 1, 2, 3, 4, 6 and Part 8's
// gaseous items except the two waste liquids; water: Parts 3–8 and the 25 water-relevant gases of Parts 1–2
// (risk-methods.md). The table carries no parts, so (derived): the 25 gases tagged "1|2" count for both, Part
// 8 (the waste liquids) for water, other gases for air, solids for water, liquids and substances of unknown
// state for both (the user corrects the mark).
struct Media {
  bool air = true;
  bool water = true;
};
Media default_media(std::string_view part, std::string_view physical_state);

// M's process part: 10 per unit of the 18 processes, 5 per other high-temperature or high-pressure unit and
// per unit of phase-out equipment, capped at 30.
inline constexpr int kProcessCap = 30;
const std::vector<std::string_view>& listed_processes();  // the 18, in risk-methods.md's order
struct ProcessUnit {
  std::string process;  // one of listed_processes()
  int count = 0;
};
struct ProcessUnits {
  std::vector<ProcessUnit> listed;
  int high_temperature_pressure = 0;
  int phase_out_equipment = 0;
};
struct ProcessScore {
  int uncapped = 0;
  int score = 0;  // min(uncapped, 30)
};
ProcessScore process_score(const ProcessUnits& units);

// M's control part: one answer per item of the medium's score table (表2 air, 表7 water); an item not
// answered scores its worst option — a measure counts only when the enterprise shows it (product decision).
struct ControlOption {
  std::string code;
  std::string zh;
  int score = 0;
};
struct ControlItem {
  std::string code;
  std::string zh;
  std::vector<ControlOption> options;
};
struct ControlAnswer {
  std::string item;  // code
  std::string zh;
  std::string option;  // code; empty when not answered
  std::string option_zh;
  int score = 0;
};
struct ControlScore {
  int score = 0;
  std::vector<ControlAnswer> answers;  // one per item, in table order
};
ControlScore control_score(const std::vector<ControlItem>& table,
                           const std::map<std::string, std::string>& answers);

// E for air: people within 5 km and 500 m, people per km within 200 m of a pipeline, a military or secret
// zone within 5 km. Unanswered counts are taken as none (a receptor counts when it is shown to be there).
struct AirReceptors {
  std::optional<std::int64_t> people_5km;
  std::optional<std::int64_t> people_500m;
  std::optional<std::int64_t> pipeline_people_per_km;
  bool special_zone_5km = false;
};
// E for water: risk-methods.md's [M] reading of HJ 941 §7.3.
struct WaterReceptors {
  bool drinking_water_zone_10km = false;
  bool national_border_24h = false;
  bool sensitive_area_10km = false;
  bool provincial_border_24h = false;
  bool karst_or_flood_area = false;
};
struct EFinding {
  int e = 3;
  std::vector<std::string> because;  // the answers that made it, in Chinese
};
EFinding air_e(const AirReceptors& receptors);
EFinding water_e(const WaterReceptors& receptors);

// A quantity as people read it: at most 4 decimals, no trailing zeros ("12.5", "0.0333", "30").
std::string number_text(double value);

}  // namespace rw::envrisk
