// REQ NET-5: the monitoring report per person and per device over the
// profile's days, with the blocked requests, the most requested categories
// and the searches blocked or of concern; a person's activity; every view is
// audited. REQ NET-6: the attempts to get round the filter are listed.
#include "filtering/monitoring_reports.h"

#include <gtest/gtest.h>

#include "filtering/monitoring_test_fixture.h"

namespace inloco::filter {
namespace {

constexpr int64_t kDay = 86400;

class MonitoringReportTest : public test::MonitoringFixture {
 protected:
  void SetUp() override {
    MonitoringFixture::SetUp();
    const int64_t now = clock_.now();
    std::string log;
    // The pupil on a classroom laptop, then the library PC.
    log += record(now - 3 * kDay, "ppupil", "10.20.3.4", "https://www.bbc.co.uk/bitesize");
    log += record(now - 3 * kDay + 60, "ppupil", "10.20.3.4", "https://www.tiktok.com/", true,
                  "tiktok");
    log += record(now - 2 * kDay, "ppupil", "10.20.3.4", "https://www.tiktok.com/foryou", true,
                  "tiktok");
    log += record(now - 2 * kDay + 60, "ppupil", "10.20.3.4",
                  "https://www.youtube.com/results?search_query=minecraft+hacks", true, "youtube",
                  "minecraft hacks");
    log += record(now - kDay, "ppupil", "10.20.5.4", "https://nordvpn.com/", true, "vpn");
    log += record(now - kDay + 60, "ppupil", "10.20.5.4",
                  "https://www.google.co.uk/search?q=how+much+is+a+zombie+knife", false, "",
                  "how much is a zombie knife");
    // Another pupil on the same laptop; a search of no concern.
    log += record(now - kDay + 120, "qsecond", "10.20.3.4",
                  "https://www.google.co.uk/search?q=volcano", false, "", "volcano");
    // A visitor no one knows, and a record older than the report's days.
    log += record(now - 3600, "visitor01", "10.20.9.12", "https://www.bbc.co.uk/news");
    log +=
        record(now - 20 * kDay, "qsecond", "10.20.3.4", "https://www.tiktok.com/", true, "tiktok");
    append(dir_ / "d.log", log);
    auto r = ingest(dir_ / "d.log");
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
};

TEST_P(MonitoringReportTest, PerPersonAndPerDevice) {
  auto r = write([&](Connection& c) {
    return monitoring_report(SchoolScope{c, clock_, actor(dsl_), alpha_}, 7);
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->requests, 8);
  EXPECT_EQ(r->blocked, 4);
  EXPECT_EQ(r->attempts, 1);
  ASSERT_EQ(r->people.size(), 2u);
  const ActivityLine& p = r->people[0];  // the one with an attempt comes first
  EXPECT_EQ(p.person_id, pupil_);
  EXPECT_EQ(p.name, "Pip Pupil");
  EXPECT_EQ(p.requests, 6);
  EXPECT_EQ(p.blocked, 4);
  EXPECT_EQ(p.attempts, 1);
  EXPECT_EQ(p.flagged, 1);
  ASSERT_FALSE(p.categories.empty());
  EXPECT_EQ(p.categories[0].category, "tiktok");
  EXPECT_EQ(p.categories[0].requests, 2);
  ASSERT_EQ(p.searches.size(), 2u);
  EXPECT_EQ(p.searches[0].terms, "how much is a zombie knife");
  EXPECT_EQ(p.searches[0].flag, "illegal");
  EXPECT_EQ(p.searches[1].terms, "minecraft hacks");
  EXPECT_TRUE(p.searches[1].blocked);
  EXPECT_EQ(r->people[1].person_id, pupil2_);
  EXPECT_EQ(r->people[1].requests, 1) << "the older record is outside the seven days";
  EXPECT_TRUE(r->people[1].searches.empty()) << "an allowed search of no concern is not listed";
  ASSERT_EQ(r->unknown_names.size(), 1u);
  EXPECT_EQ(r->unknown_names[0].name, "visitor01");
  ASSERT_EQ(r->devices.size(), 3u);
  EXPECT_EQ(r->devices[0].name, "10.20.5.4");
  const auto laptop = std::find_if(r->devices.begin(), r->devices.end(),
                                   [](const ActivityLine& l) { return l.name == "10.20.3.4"; });
  ASSERT_NE(laptop, r->devices.end());
  EXPECT_EQ(laptop->requests, 5);
  EXPECT_EQ(laptop->detail, "Pip Pupil, Quinn Second");
  EXPECT_EQ(audits("filter.monitoring_report"), 1);
  // Thirty days take in the older record.
  auto month = write([&](Connection& c) {
    return monitoring_report(SchoolScope{c, clock_, actor(dsl_), alpha_}, 30);
  });
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->requests, 9);
  EXPECT_EQ(write([&](Connection& c) {
              return monitoring_report(SchoolScope{c, clock_, actor(dsl_), alpha_}, 0);
            })
                .error()
                .code,
            ErrorCode::kInvalid);
  // Another school's report holds none of it.
  auto beta = write([&](Connection& c) {
    return monitoring_report(SchoolScope{c, clock_, actor(beta_head_), beta_}, 7);
  });
  ASSERT_TRUE(beta.ok());
  EXPECT_EQ(beta->requests, 0);
}

TEST_P(MonitoringReportTest, APersonsActivityIsAudited) {
  auto a = write([&](Connection& c) {
    return person_activity(SchoolScope{c, clock_, actor(dsl_), alpha_}, pupil_, 7, 3);
  });
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->network_name, "ppupil");
  EXPECT_EQ(a->totals.requests, 6);
  ASSERT_EQ(a->decisions.size(), 3u) << "at most the limit, newest first";
  EXPECT_EQ(a->decisions[0].search_terms, "how much is a zombie knife");
  EXPECT_EQ(a->decisions[0].source_address, "10.20.5.4");
  ASSERT_EQ(a->events.size(), 1u);
  EXPECT_EQ(circumvention_description(a->events[0]), "A VPN service (vpn)");
  EXPECT_EQ(
      scalar(
          "SELECT COUNT(*) FROM audit_log WHERE action = 'filter.activity_view' AND record_id = ?",
          {std::to_string(pupil_)}),
      1);
  EXPECT_EQ(
      write([&](Connection& c) {
        return person_activity(SchoolScope{c, clock_, actor(dsl_), alpha_}, beta_pupil_, 7, 10);
      })
          .error()
          .code,
      ErrorCode::kNotFound);
}

TEST_P(MonitoringReportTest, AttemptsAreListedNewestFirst) {
  append(dir_ / "d.log", record(clock_.now() - 60, "stranger", "10.20.9.9", "http://3232235777/"));
  ASSERT_TRUE(ingest(dir_ / "d.log").ok());
  auto e = write([&](Connection& c) {
    return circumvention_events(SchoolScope{c, clock_, actor(ict_), alpha_}, 7, 10);
  });
  ASSERT_TRUE(e.ok()) << e.error().message;
  ASSERT_EQ(e->size(), 2u);
  EXPECT_EQ((*e)[0].kind, CircumventionKind::kNumericAddress);
  EXPECT_EQ((*e)[0].username, "stranger");
  EXPECT_FALSE((*e)[0].person_id);
  EXPECT_EQ((*e)[1].person_name, "Pip Pupil");
  EXPECT_EQ(audits("filter.circumvention_view"), 1);
  auto counts = read([&](Connection& c) { return monitoring_counts(c, alpha_, clock_.now(), 7); });
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->attempts, 2);
  EXPECT_EQ(counts->bans_in_force, 0);
}

INLOCO_INSTANTIATE_BACKENDS(MonitoringReportTest);

}  // namespace
}  // namespace inloco::filter
