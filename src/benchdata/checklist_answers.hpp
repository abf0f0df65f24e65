#pragma once
// The answers an inspector gives to a checklist on site: every item the form shows (conditions evaluated by
// forms::visibility), mostly the options that raise no finding, and with the chance `bad_per_mille` per item
// one that does, so the product's rules raise findings from them. Photo items stay empty (no files).
#include "benchdata/random.hpp"
#include "benchdata/world.hpp"
#include "forms/form_rules.hpp"

namespace rw::benchdata {

forms::Answers fill_checklist(const forms::Template& form, const forms::EnterpriseFacts& facts,
                              Random& random, int bad_per_mille, Day day);

}  // namespace rw::benchdata
