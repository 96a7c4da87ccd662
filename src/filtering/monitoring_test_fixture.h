// Test fixture shared by the monitoring tests (included by *_test.cc only):
// the accounts fixture's school with a DSL and a second pupil, both pupils
// with network user names, a policy that bans (supervised_use_only, three
// attempts within seven days), a folder for decision logs, and helpers to
// write log lines as inloco-squid-helper does and to ingest them.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "accounts/account_test_fixture.h"
#include "core/crypto.h"
#include "filter/decision_log.h"
#include "filtering/decision_ingest.h"
#include "notices/notice_store.h"

namespace inloco::test {

class MonitoringFixture : public AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    auto ok = db().transaction([&](Connection& c) -> Status {
      dsl_ = TRY(person(c, PersonKind::kStaff, "Dana", "Safe", alpha_, Role::kDsl));
      pupil2_ = TRY(person(c, PersonKind::kPupil, "Quinn", "Second", alpha_, std::nullopt));
      beta_pupil_ = TRY(person(c, PersonKind::kPupil, "Bo", "Beta", beta_, std::nullopt));
      TRY(c.execute("UPDATE people SET network_username = 'ppupil' WHERE id = ?", {pupil_}));
      TRY(c.execute("UPDATE people SET network_username = 'qsecond' WHERE id = ?", {pupil2_}));
      TRY(c.execute("UPDATE people SET network_username = 'bbeta' WHERE id = ?", {beta_pupil_}));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    profile_.filter.circumvention = CircumventionSanction::kSupervisedUseOnly;
    dir_ = std::filesystem::temp_directory_path() / ("inloco-monitoring-" + random_token(8));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    AccountFixture::TearDown();
  }

  // One record as the helper writes it ("" fields become "-").
  static std::string record(int64_t at, std::string_view user, std::string_view source,
                            std::string_view url, bool blocked = false,
                            std::string_view category = "", std::string_view terms = "",
                            std::string_view rule = "") {
    return filter::format_decision_record(
        {at, user, source, url, terms, blocked ? "block" : "allow", category, rule});
  }
  void append(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::app);
    out << text;
  }
  Result<filter::IngestSummary> ingest(const std::filesystem::path& p) {
    return filter::ingest_decision_log(db(), clock_, Actor::command_line(), alpha_, profile_,
                                       p.string());
  }
  std::vector<NoticeKind> notice_kinds(int64_t person) {
    std::vector<NoticeKind> out;
    auto r = read([&](Connection& c) { return notices_for(c, person, 20); });
    if (r.ok())
      for (const Notice& n : *r) out.push_back(n.kind);
    return out;
  }
  int64_t audits(const std::string& action) {
    return scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }

  PolicyProfile profile_;
  std::filesystem::path dir_;
  int64_t dsl_ = 0, pupil2_ = 0, beta_pupil_ = 0;
};

}  // namespace inloco::test
