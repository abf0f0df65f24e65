#pragma once
// A producer on a second thread, a consumer on the caller's: while the caller works on one item (an import
// prepares and writes a chunk of rows), the producer makes the next (the import's reader parses the file).
// The machine has two cores, and the two are separate work. At most `depth` items wait, so the producer does
// not run ahead with the whole file in memory.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace rw {

// Calls `produce` on a second thread with a function that hands an item over, and `consume` on the calling
// thread with each item in order. What `produce` throws is thrown here after the items it handed over before
// are consumed, as if the two ran in turn. What `consume` throws stops the producer (its next hand-over
// throws to unwind it) and is thrown here once the thread has ended.
template <class Item>
void read_ahead(std::size_t depth, const std::function<void(const std::function<void(Item&&)>&)>& produce,
                const std::function<void(Item&)>& consume) {
  struct Stopped {};  // unwinds the producer once the consumer has failed
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Item> waiting;
  bool produced = false, stopped = false;
  std::exception_ptr failure;

  const std::function<void(Item &&)> hand_over = [&](Item&& item) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return stopped || waiting.size() < depth; });
    if (stopped) throw Stopped{};
    waiting.push_back(std::move(item));
    changed.notify_all();
  };
  std::thread producer([&] {
    try {
      produce(hand_over);
    } catch (const Stopped&) {
    } catch (...) {
      const std::lock_guard lock(mutex);
      failure = std::current_exception();
    }
    const std::lock_guard lock(mutex);
    produced = true;
    changed.notify_all();
  });
  auto stop = [&] {
    {
      const std::lock_guard lock(mutex);
      stopped = true;
      changed.notify_all();
    }
    producer.join();
  };
  try {
    for (;;) {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return produced || !waiting.empty(); });
      if (waiting.empty()) break;
      Item item = std::move(waiting.front());
      waiting.pop_front();
      changed.notify_all();
      lock.unlock();
      consume(item);
    }
  } catch (...) {
    stop();
    throw;
  }
  stop();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace rw
