#include "demo/demo_consent.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "consent/consent_register.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "people/person_rows.h"
#include "profile/policy_profile.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

// SplitMix64, as in demo_trust.cc: the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  bool percent(int p) { return below(100) < p; }

 private:
  uint64_t state_;
};

// Nothing is published yet: the posts capability will supply the real finder.
Result<std::vector<PublishedPostRef>> no_posts(Connection&, int64_t, std::string_view) {
  return std::vector<PublishedPostRef>{};
}

CalendarDate plus_days(const CalendarDate& d, int64_t days) {
  return date_from_days(days_since_epoch(d) + days);
}

// 09:00 UTC on a day, but never after `now`.
FakeClock clock_on(const CalendarDate& d, int64_t now) {
  return FakeClock(std::min(now, days_since_epoch(d) * kDay + 9 * 3600));
}

struct DemoPupil {
  Person pupil;
  std::optional<int64_t> giver;  // empty: no one may consent yet
};

class DemoConsent {
 public:
  DemoConsent(Connection& conn, const Clock& clock, const DemoTrust& demo)
      : conn_(conn), now_(clock.now()), demo_(demo), rng_(20260902) {}

  Status run() {
    const CalendarDate today = date_of(now_);
    const AcademicYear year = academic_year_of(today);
    for (const School& school : demo_.schools) {
      Actor head = TRY(head_of(school));
      std::map<std::string, std::vector<DemoPupil>> classes = TRY(pupils_by_class(school.id));
      int form_no = 0;
      bool withdrawn = school.code != "oakfield";
      for (auto& [class_name, pupils] : classes) {
        std::vector<ConsentEntry> last_year, this_year;
        for (const DemoPupil& p : pupils) {
          if (!p.giver) continue;
          const std::string ref = school.code.substr(0, 1) + std::to_string(++form_no);
          // Last year's form for about a third of them: it no longer counts.
          if (rng_.percent(35)) {
            CalendarDate on = plus_days(year.previous().first_day(), 2 + rng_.below(10));
            last_year.push_back(entry(p, kImagesUse, true, on, "L" + ref));
            last_year.push_back(entry(p, kVideosUse, rng_.percent(70), on, "L" + ref));
          }
          int roll = rng_.below(100);
          if (roll < 8) continue;  // no form back yet
          CalendarDate on = plus_days(year.first_day(), -5 - rng_.below(40));
          bool images = rng_.percent(88);
          this_year.push_back(entry(p, kImagesUse, images, on, ref));
          if (roll < 13) continue;  // images only so far: the videos box left blank
          this_year.push_back(entry(p, kVideosUse, images && rng_.percent(75), on, ref));
        }
        for (ConsentEntry& e : last_year) e.year = year.previous();
        for (ConsentEntry& e : this_year) e.year = year;
        if (!last_year.empty()) {
          FakeClock at = clock_on(plus_days(year.previous().first_day(), 14), now_);
          TRY(record_grid(SchoolScope{conn_, at, head, school.id}, rules_, year.previous(),
                          last_year, no_posts));
        }
        if (!this_year.empty()) {
          FakeClock at = clock_on(year.first_day(), now_);
          TRY(record_grid(SchoolScope{conn_, at, head, school.id}, rules_, year, this_year,
                          no_posts));
        }
        // One parent writes in during the year to withdraw images consent.
        if (!withdrawn) {
          for (const ConsentEntry& e : this_year) {
            if (e.use != kImagesUse || e.decision != ConsentState::kGranted ||
                e.given_by_person_id == e.pupil_id)
              continue;
            CalendarDate on = std::max(year.first_day(), plus_days(today, -10));
            ConsentEntry w = e;
            w.given_on = on;
            w.effective_from.reset();
            w.form_reference = "Letter " + on.iso();
            w.note = "Asked by email, confirmed in a signed letter.";
            FakeClock at = clock_on(on, now_);
            TRY(record_withdrawal(SchoolScope{conn_, at, head, school.id}, rules_, w, no_posts));
            withdrawn = true;
            break;
          }
        }
      }
    }
    return {};
  }

 private:
  static ConsentEntry entry(const DemoPupil& p, std::string_view use, bool granted,
                            const CalendarDate& on, const std::string& ref) {
    ConsentEntry e;
    e.pupil_id = p.pupil.id;
    e.use = std::string(use);
    e.decision = granted ? ConsentState::kGranted : ConsentState::kRefused;
    e.given_by_person_id = *p.giver;
    e.given_on = on;
    e.form_reference = ref;
    return e;
  }

  Result<Actor> head_of(const School& school) {
    const std::string username = "head." + school.code;
    for (const DemoSignIn& s : demo_.sign_ins) {
      if (s.username != username) continue;
      Person p = TRY(get_person_by_id(conn_, s.person_id));
      return Actor{s.person_id, p.display_name() + " (" + username + ")", "demo"};
    }
    return Error::not_found("The demo sign-in '" + username +
                            "' is missing; create the demo people first.");
  }

  // Current pupils by class; who signs each pupil's form: the pupil when
  // judged competent, otherwise the first parent or carer with parental
  // responsibility.
  Result<std::map<std::string, std::vector<DemoPupil>>> pupils_by_class(int64_t school_id) {
    Rows rows = TRY(conn_.query("SELECT " + person_columns() +
                                    " FROM people p WHERE p.school_id = ? AND p.kind = 'pupil' "
                                    "AND p.active = 1 ORDER BY p.class_name, p.sort_name, p.id",
                                {school_id}));
    Rows links = TRY(conn_.query(
        "SELECT g.pupil_id, g.parent_id FROM guardianships g JOIN people p ON p.id = g.pupil_id "
        "WHERE p.school_id = ? AND g.parental_responsibility = 1 ORDER BY g.pupil_id, g.parent_id",
        {school_id}));
    std::map<int64_t, int64_t> parent_of;
    for (const Row& r : links) {
      RowReader in(r);
      const int64_t pupil_id = in.integer();
      const int64_t parent_id = in.integer();
      parent_of.emplace(pupil_id, parent_id);
    }
    std::map<std::string, std::vector<DemoPupil>> out;
    for (const Row& r : rows) {
      DemoPupil p{person_from_row(r), std::nullopt};
      if (p.pupil.competent_to_consent)
        p.giver = p.pupil.id;
      else if (auto it = parent_of.find(p.pupil.id); it != parent_of.end())
        p.giver = it->second;
      out[p.pupil.class_name.value_or("")].push_back(std::move(p));
    }
    return out;
  }

  Connection& conn_;
  int64_t now_;
  const DemoTrust& demo_;
  Rng rng_;
  ConsentRules rules_;
};

}  // namespace

Status create_demo_consent(Database& db, const Clock& clock, const DemoTrust& demo) {
  return db.transaction([&](Connection& conn) -> Status {
    DemoConsent d(conn, clock, demo);
    return d.run();
  });
}

}  // namespace inloco
