// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include <tl/expected.hpp>

#include "fisc/rules/finding.hpp"

/// `fisc check` over many inputs (docs/cli.md): the inputs checked on several threads and handed
/// back in their order, and the progress line on a terminal.
namespace fisc::cli {

/// What checking one input gave: its findings, or the message(s) saying why it could not be read,
/// each line ended by '\n'.
using CheckedInput = tl::expected<InputFindings, std::string>;

/// Runs `work(i)` for each i in [0, count) on `jobs` threads and hands each result to
/// `deliver(i, result)` on the calling thread, in the order of i, as soon as it and every one
/// before it are done. At most 2 × jobs inputs are in flight (taken by a worker and not yet
/// delivered), so that memory holds a few results, whatever `count` is. `work` runs
/// concurrently with itself and must only share what is safe to read at once. When `deliver`
/// returns false, no further input is started, and the call returns once the workers have
/// finished those they hold. An exception from `work` is rethrown here, on the calling thread,
/// when its turn comes to be delivered; the workers are stopped and joined before any exception
/// leaves. With `jobs` ≤ 1 (or a single input) everything runs on the calling thread, in order.
void run_in_order(std::size_t count, std::size_t jobs,
                  const std::function<CheckedInput(std::size_t)>& work,
                  const std::function<bool(std::size_t, CheckedInput)>& deliver);

/// `[#####...............] 1234/20000 reports  850/s  ETA 0:20`: a bar of 20, the inputs done,
/// the rate so far and the time left at that rate (`--/s  ETA --:--` before it is known;
/// `H:MM:SS` from an hour).
[[nodiscard]] std::string progress_line(std::size_t done, std::size_t total,
                                        std::chrono::steady_clock::duration elapsed);

/// The progress line on a terminal, redrawn in place with '\r' at most ten times a second (and
/// when the last input is done), and erased by `clear`. A disabled one writes nothing.
class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr Clock::duration interval = std::chrono::milliseconds(100);

  Progress(std::ostream& err, std::size_t total, bool enabled, Clock::time_point start);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  Progress(Progress&&) = delete;
  Progress& operator=(Progress&&) = delete;
  /// Erases the line.
  ~Progress();

  /// `done` inputs of the total are done at `now`.
  void update(std::size_t done, Clock::time_point now);
  /// Erases the line, if it is drawn, so that something else can be written.
  void clear();

 private:
  std::ostream& err_;
  std::size_t total_;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point drawn_at_;
  bool drawn_ = false;     ///< drawn at least once
  std::size_t width_ = 0;  ///< of the line drawn, 0 when none is
};

}  // namespace fisc::cli
