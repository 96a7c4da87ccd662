// Roster: the pupils' full names the text checker looks for (PST-3, PST-4).
//
// A full name is a given (or preferred) name followed by the family name, in
// any case and with any spacing or punctuation between words ("Mia O'Brien"
// also matches "MIA O'BRIEN" and "mia o brien"). Given names alone are
// not findings: they are common words and common in school news.
//
// Names are matched as literals of a Vectorscan database built by
// TextChecker, so a roster of 50,000 names costs no more per text than one of
// fifty.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace inloco::checks {

struct RosterName {
  std::string given;  // given or preferred name
  std::string family;
  std::string full() const { return given + " " + family; }
};
using Roster = std::vector<RosterName>;

// The school's active pupils, each under their given name and, when they
// have one, their preferred name.
Result<Roster> school_roster(Connection& conn, int64_t school_id);

// A CSV with the columns given,family (header line required), for tools and
// tests that have no database.
Result<Roster> parse_roster_csv(std::string_view text);

}  // namespace inloco::checks
