// The tests' main: gtest's, a skip is a failure, and a run that passed removes its temporary directories.
// No test of ours skips, but gtest skips every test of a suite whose SetUpTestSuite failed (a server that
// did not start in time), and ctest counts a skipped test as passed: the suite would be green with none of
// its tests run.
#include <gtest/gtest.h>

#include "test_database.hpp"

namespace {

class SkipsFail : public testing::EmptyTestEventListener {
  // At the test's end, not in OnTestPartResult: gtest forbids a failure raised from that one.
  void OnTestEnd(const testing::TestInfo& test) override {
    if (test.result()->Skipped()) ADD_FAILURE() << "skipped (a failed SetUpTestSuite is reported above)";
  }
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  testing::UnitTest::GetInstance()->listeners().Append(new SkipsFail);
  const int failed = RUN_ALL_TESTS();
  // A failed test's directories stay: its server's log is there.
  if (failed == 0) rw::testing::remove_temp_dirs();
  return failed;
}
