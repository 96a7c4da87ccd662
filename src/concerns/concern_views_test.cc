// REQ IAM-2: a case, the list of cases, a pupil's chronology and one's own
//            report as the pages and the API show them; anyone who may not
//            see one hears the same as for one that does not exist.
// REQ IAM-3: each of those views is audited; a refusal is not a view.
// REQ LAW-1, LAW-4: the chronology names its pupil; the list counts what is
//            new and overdue.
#include "concerns/concern_views.h"

#include <gtest/gtest.h>

#include "concerns/concern_test_fixture.h"

namespace inloco {
namespace {

class ConcernViewsTest : public test::ConcernFixture {
 protected:
  Result<ConcernCase> view(int64_t person, int64_t concern, int64_t school = 0) {
    return view_case(db(), clock_, actor(person), rules_concerns_, grants(person),
                     school ? school : alpha_, concern);
  }
};

TEST_P(ConcernViewsTest, ACaseIsShownToItsViewersAndToNobodyElse) {
  int64_t id = reported(about_pupil(), teacher_);
  auto seen = view(dsl_, id);
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(seen->concern.id, id);
  EXPECT_EQ(audits("concern.view"), 1);

  for (int64_t person : {teacher_, head_, dpo_}) {
    auto refused = view(person, id);
    ASSERT_FALSE(refused.ok()) << person;
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(refused.error().message, "There is no such concern among yours.");
  }
  auto elsewhere = view(beta_head_, id, beta_);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().message, "There is no such concern among yours.");
  auto none = view(dsl_, id + 1000);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "There is no such concern among yours.");
  EXPECT_EQ(audits("concern.view"), 1);
}

TEST_P(ConcernViewsTest, BeforeAChangeOnlyViewersArePassed) {
  int64_t id = reported(about_pupil(), teacher_);
  EXPECT_TRUE(require_may_view_case(db(), dsl_, id).ok());
  for (int64_t person : {teacher_, head_}) {
    Status refused = require_may_view_case(db(), person, id);
    ASSERT_FALSE(refused.ok()) << person;
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(refused.error().message, "There is no such concern among yours.");
  }
}

TEST_P(ConcernViewsTest, AnEvidenceFileOnlyForTheCasesViewers) {
  int64_t id = reported(about_pupil(), teacher_);
  EvidenceInput in;
  in.kind = EvidenceKind::kMessage;
  in.refers_to = clock_.now() - 600;
  in.description = "The message Amy was sent.";
  in.file_name = "message.txt";
  in.bytes = "You are not welcome in the group.";
  auto item = evidence(dsl_, id, in);
  ASSERT_TRUE(item.ok()) << item.error().message;

  auto file = view_evidence_file(db(), clock_, actor(dsl_), alpha_, id, item->id, vault());
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->bytes, in.bytes);
  EXPECT_EQ(audits("concern.evidence_view"), 1);

  auto stranger = view_evidence_file(db(), clock_, actor(teacher2_), alpha_, id, item->id, vault());
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().message, "There is no such concern among yours.");
  auto none = view_evidence_file(db(), clock_, actor(dsl_), alpha_, id, item->id + 1000, vault());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "There is no such concern among yours.");
  EXPECT_EQ(audits("concern.evidence_view"), 1);
}

TEST_P(ConcernViewsTest, TheListCountsNewAndOverdueCases) {
  ConcernReport breach = about_pupil(bob_);
  breach.type = "data_breach";
  int64_t breach_case = reported(breach, teacher_);
  clock_.advance(73 * 3600);

  auto list = view_case_list(db(), clock_, actor(dpo_), alpha_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->cases.size(), 1u);
  EXPECT_EQ(list->cases[0].concern_id, breach_case);
  EXPECT_EQ(list->new_count, 1);
  EXPECT_EQ(list->overdue_count, 1);
  EXPECT_EQ(audits("concern.list"), 1);

  ASSERT_TRUE(act(dpo_, breach_case, {ActionKind::kNote, {}, {}, "", "Looked into it.", ""}).ok());
  list = view_case_list(db(), clock_, actor(dpo_), alpha_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->new_count, 0);
  EXPECT_EQ(list->overdue_count, 1);

  auto teacher = view_case_list(db(), clock_, actor(teacher_), alpha_);
  ASSERT_TRUE(teacher.ok());
  EXPECT_TRUE(teacher->cases.empty());
  EXPECT_EQ(teacher->new_count, 0);
}

TEST_P(ConcernViewsTest, AChronologyNamesItsPupil) {
  int64_t id = reported(about_pupil(), teacher_);
  auto chronology = view_pupil_chronology(db(), clock_, actor(dsl_), alpha_, amy_);
  ASSERT_TRUE(chronology.ok()) << chronology.error().message;
  EXPECT_EQ(chronology->pupil.id, amy_);
  EXPECT_EQ(chronology->pupil.display_name(), "Amy Able");
  ASSERT_EQ(chronology->entries.size(), 1u);
  EXPECT_EQ(chronology->entries[0].concern.id, id);
  EXPECT_EQ(audits("concern.chronology_view"), 1);

  auto not_a_pupil = view_pupil_chronology(db(), clock_, actor(dsl_), alpha_, teacher_);
  ASSERT_FALSE(not_a_pupil.ok());
  EXPECT_EQ(not_a_pupil.error().code, ErrorCode::kNotFound);
  auto elsewhere = view_pupil_chronology(db(), clock_, actor(dsl_), alpha_, beta_pupil_);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(audits("concern.chronology_view"), 1);
}

TEST_P(ConcernViewsTest, OnesOwnReportOnly) {
  int64_t id = reported(about_pupil(), teacher_);
  auto mine = view_own_report(db(), clock_, actor(teacher_), alpha_, id);
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  EXPECT_EQ(mine->concern_id, id);
  EXPECT_EQ(audits("concern.view_report"), 1);

  for (int64_t person : {dsl_, teacher2_}) {
    auto refused = view_own_report(db(), clock_, actor(person), alpha_, id);
    ASSERT_FALSE(refused.ok()) << person;
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(refused.error().message, "There is no such report among yours.");
  }
  auto elsewhere = view_own_report(db(), clock_, actor(teacher_), beta_, id);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().message, "There is no such report among yours.");
  EXPECT_EQ(audits("concern.view_report"), 1);
}

INLOCO_INSTANTIATE_BACKENDS(ConcernViewsTest);

}  // namespace
}  // namespace inloco
