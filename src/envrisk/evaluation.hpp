#pragma once
// One HJ 941 evaluation from its inputs: per medium either the indicators given (Q value, M score, E level:
// 速算 and what-if) or computed from the substances, process units, control answers and receptors; then the
// enterprise grade and an explanation of every step. Pure: no I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "envrisk/grading_rules.hpp"
#include "envrisk/indicator_rules.hpp"

namespace rw::envrisk {

struct GivenIndicators {
  double q = 0;
  double m = 0;
  int e = 3;
};

struct RawInputs {
  std::vector<SubstanceLine> substances;
  ProcessUnits units;
  std::map<std::string, std::string> air_controls;
  std::map<std::string, std::string> water_controls;
  AirReceptors air_receptors;
  WaterReceptors water_receptors;
};

// The control score tables of 表2 (air) and 表7 (water), as shipped or published.
struct ScoreTable {
  std::vector<ControlItem> air;
  std::vector<ControlItem> water;
};

// A medium is graded from its given indicators when they are given, else from `raw` when there are raw inputs
// (no substances counting for it: Q0), else not at all.
struct EvaluationInput {
  std::optional<GivenIndicators> air;
  std::optional<GivenIndicators> water;
  std::optional<RawInputs> raw;
  bool penalised_last_3_years = false;
};

struct Explanation {
  std::string medium;  // air | water | "" for the enterprise
  std::string step;    // q | m | e | level | enterprise | raise
  std::string zh;
};

struct MediumResult {
  MediumGrade grade;
  std::string label;
  double q = 0;
  double m = 0;
  bool given = false;
  // Computed media only:
  std::vector<QTerm> q_terms;
  ProcessScore process;
  ControlScore controls;
  EFinding e;
};

struct Evaluation {
  EnterpriseGrade enterprise;
  std::vector<MediumResult> media;  // air first
  std::vector<Explanation> explanation;
};

Evaluation evaluate(const EvaluationInput& input, const ScoreTable& scores);

}  // namespace rw::envrisk
