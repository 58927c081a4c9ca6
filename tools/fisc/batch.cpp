// SPDX-License-Identifier: BSL-1.0
#include "fisc/batch.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace fisc::cli {
namespace {

/// One input's place in the window: its result once done.
struct Slot {
  std::optional<CheckedInput> result;
  std::exception_ptr error;  ///< what `work` threw instead
  bool done = false;
};

/// The inputs in flight between the workers and the calling thread (run_in_order): input i
/// waits in slot i mod size, which is free because input i − size was delivered before i was
/// taken.
class Window {
 public:
  Window(std::size_t count, std::size_t size) : count_(count), slots_(size) {}

  /// The next input for a worker, or nothing when none is left or the run stops; waits while
  /// the window is full.
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    room_.wait(lock,
               [&] { return stop_ || next_ >= count_ || next_ < delivered_ + slots_.size(); });
    if (stop_ || next_ >= count_) return std::nullopt;
    return next_++;
  }

  void put(std::size_t i, Slot slot) {
    slot.done = true;
    {
      const std::lock_guard lock(mutex_);
      slots_[i % slots_.size()] = std::move(slot);
    }
    done_.notify_one();
  }

  /// Waits for input `i`, the next in order, and frees its slot.
  Slot next_in_order(std::size_t i) {
    Slot out;
    {
      std::unique_lock lock(mutex_);
      Slot& slot = slots_[i % slots_.size()];
      done_.wait(lock, [&] { return slot.done; });
      out = std::move(slot);
      slot = Slot{};
      delivered_ = i + 1;
    }
    room_.notify_all();
    return out;
  }

  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_;  ///< workers wait here for room in the window
  std::condition_variable done_;  ///< the calling thread waits here for the next result
  std::size_t count_;
  std::size_t next_ = 0;       ///< the next input to take
  std::size_t delivered_ = 0;  ///< inputs delivered so far
  bool stop_ = false;
  std::vector<Slot> slots_;
};

/// Stops and joins the workers however the calling thread leaves run_in_order.
class Workers {
 public:
  explicit Workers(Window& window) : window_(window) {}
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;
  Workers(Workers&&) = delete;
  Workers& operator=(Workers&&) = delete;
  ~Workers() {
    window_.stop();
    for (std::thread& t : threads_) t.join();
  }
  template <class F>
  void start(F&& f) {
    threads_.emplace_back(std::forward<F>(f));
  }

 private:
  Window& window_;
  std::vector<std::thread> threads_;
};

/// "0:20", "12:05", "1:02:03".
std::string clock_time(long long seconds) {
  const long long h = seconds / 3600;
  const long long m = seconds / 60 % 60;
  const long long s = seconds % 60;
  const auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (h > 0) return std::to_string(h) + ':' + two(m) + ':' + two(s);
  return std::to_string(m) + ':' + two(s);
}

}  // namespace

void run_in_order(std::size_t count, std::size_t jobs,
                  const std::function<CheckedInput(std::size_t)>& work,
                  const std::function<bool(std::size_t, CheckedInput)>& deliver) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      if (!deliver(i, work(i))) return;
    }
    return;
  }
  Window window(count, 2 * jobs);
  Workers workers(window);
  for (std::size_t t = 0; t < std::min(jobs, count); ++t) {
    workers.start([&] {
      while (const std::optional<std::size_t> i = window.take()) {
        Slot slot;
        try {
          slot.result = work(*i);
        } catch (...) {
          slot.error = std::current_exception();
        }
        window.put(*i, std::move(slot));
      }
    });
  }
  for (std::size_t i = 0; i < count; ++i) {
    Slot slot = window.next_in_order(i);
    if (slot.error) std::rethrow_exception(slot.error);
    if (!deliver(i, std::move(*slot.result))) return;
  }
}

std::string progress_line(std::size_t done, std::size_t total,
                          std::chrono::steady_clock::duration elapsed) {
  constexpr std::size_t bar = 20;
  const std::size_t filled = total == 0 ? bar : std::min(bar, done * bar / total);
  std::string line = "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] " +
                     std::to_string(done) + '/' + std::to_string(total) + " reports  ";
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  if (done == 0 || ms <= 0) return line + "--/s  ETA --:--";
  // Inputs per second, in tenths: a rate, not a figure of a report, so whole numbers do.
  const long long tenths = static_cast<long long>(done) * 10'000 / ms;
  line += tenths >= 100 ? std::to_string(tenths / 10)
                        : std::to_string(tenths / 10) + '.' + std::to_string(tenths % 10);
  const auto left = static_cast<long long>(total - std::min(done, total));
  // The time left at the rate so far, rounded up to a second.
  const long long eta =
      (left * ms + static_cast<long long>(done) * 1000 - 1) / (static_cast<long long>(done) * 1000);
  return line + "/s  ETA " + clock_time(eta);
}

Progress::Progress(std::ostream& err, std::size_t total, bool enabled, Clock::time_point start)
    : err_(err), total_(total), enabled_(enabled), start_(start) {}

Progress::~Progress() {
  try {
    clear();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a progress line is not worth a failure
  }
}

void Progress::update(std::size_t done, Clock::time_point now) {
  if (!enabled_) return;
  if (drawn_ && now - drawn_at_ < interval && done < total_) return;
  const std::string line = progress_line(done, total_, now - start_);
  std::string text = '\r' + line;
  if (line.size() < width_) text += std::string(width_ - line.size(), ' ');
  err_ << text << std::flush;
  width_ = std::max(width_, line.size());
  drawn_at_ = now;
  drawn_ = true;
}

void Progress::clear() {
  if (!enabled_ || width_ == 0) return;
  err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  width_ = 0;
}

}  // namespace fisc::cli
