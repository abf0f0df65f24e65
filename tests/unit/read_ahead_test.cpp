// read_ahead: a producer on a second thread hands items over in order, never more than `depth` ahead, and a
// failure on either side ends both as if they had run in turn.
#include "platform/read_ahead.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using HandOver = std::function<void(int&&)>;

TEST(ReadAhead, TheItemsArriveInOrderFromAnotherThread) {
  const auto caller = std::this_thread::get_id();
  std::thread::id producer;
  std::vector<int> consumed;
  rw::read_ahead<int>(
      2,
      [&](const HandOver& hand_over) {
        producer = std::this_thread::get_id();
        for (int i = 0; i < 1000; ++i) hand_over(int(i));
      },
      [&](int& item) { consumed.push_back(item); });
  EXPECT_NE(producer, caller);
  ASSERT_EQ(consumed.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(consumed[i], i);
}

TEST(ReadAhead, TheProducerWaitsWhenDepthItemsAreWaiting) {
  std::atomic<int> produced = 0;
  int most_ahead = 0, consumed = 0;
  rw::read_ahead<int>(
      2,
      [&](const HandOver& hand_over) {
        for (int i = 0; i < 50; ++i) {
          hand_over(int(i));
          ++produced;
        }
      },
      [&](int&) {
        // Slow consumer: the producer has time to run ahead as far as it may.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++consumed;
        most_ahead = std::max(most_ahead, produced.load() - consumed);
      });
  EXPECT_EQ(consumed, 50);
  // Two waiting; the one being consumed was counted as consumed just before.
  EXPECT_GE(most_ahead, 1);
  EXPECT_LE(most_ahead, 2);
}

TEST(ReadAhead, WhatTheProducerThrowsComesAfterTheItemsItHandedOver) {
  std::vector<int> consumed;
  EXPECT_THROW(rw::read_ahead<int>(
                   3,
                   [&](const HandOver& hand_over) {
                     for (int i = 0; i < 5; ++i) hand_over(int(i));
                     throw std::runtime_error("unreadable row 6");
                   },
                   [&](int& item) { consumed.push_back(item); }),
               std::runtime_error);
  EXPECT_EQ(consumed, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(ReadAhead, WhatTheConsumerThrowsStopsTheProducer) {
  std::atomic<int> produced = 0;
  std::atomic<bool> unwound = false;
  struct Unwinding {
    std::atomic<bool>& flag;
    ~Unwinding() { flag = true; }
  };
  try {
    rw::read_ahead<int>(
        1,
        [&](const HandOver& hand_over) {
          const Unwinding unwinding{unwound};
          for (int i = 0; i < 1'000'000; ++i) {
            hand_over(int(i));
            ++produced;
          }
        },
        [&](int& item) {
          if (item == 3) throw std::invalid_argument("row 4 does not fit the database");
        });
    FAIL() << "the consumer's exception was not thrown";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "row 4 does not fit the database");
  }
  EXPECT_TRUE(unwound);     // the producer's thread ended before read_ahead returned
  EXPECT_LT(produced, 10);  // it stopped at its next hand-over, not at the end of its items
}

TEST(ReadAhead, AProducerOfNothingEndsAtOnce) {
  int consumed = 0;
  rw::read_ahead<int>(
      2, [](const HandOver&) {}, [&](int&) { ++consumed; });
  EXPECT_EQ(consumed, 0);
}

}  // namespace
