// SPDX-License-Identifier: BSL-1.0
// Text kept aside by the streaming findings writers until the end of a run: the parts of a
// document that come after something only known at the end (JSON's inputs, SARIF's artifacts
// and rules, JUnit's totals). Private to src/io.
#pragma once

#include <cstddef>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include <gsl/pointers>

namespace fisc::io_detail {

/// Text appended in order and read back once, in order. It is held in memory up to
/// `memory_limit` bytes; beyond, in a temporary file (std::tmpfile, removed when the spool is
/// destroyed), so that a run over thousands of inputs does not hold their findings in memory.
/// When no temporary file can be made, the text stays in memory.
class Spool {
 public:
  static constexpr std::size_t memory_limit = std::size_t{256} << 10U;
  static constexpr std::size_t all = static_cast<std::size_t>(-1);

  Spool() = default;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  Spool(Spool&&) noexcept = default;
  Spool& operator=(Spool&&) noexcept = default;
  ~Spool() = default;

  /// Appends `text`; throws std::logic_error once reading has begun, std::runtime_error when
  /// the temporary file cannot be written.
  void append(std::string_view text);
  /// Bytes appended so far.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Copies the next `n` bytes not yet read (at most those that are left) to `out`.
  void copy_to(std::ostream& out, std::size_t n = all);

 private:
  struct Close {
    void operator()(gsl::owner<std::FILE*> file) const noexcept;
  };
  void move_to_file();
  void start_reading();

  std::unique_ptr<std::FILE, Close> file_;
  std::string memory_;
  std::size_t size_ = 0;
  std::size_t read_ = 0;  ///< bytes read back so far
  bool no_file_ = false;  ///< a temporary file could not be made: stay in memory
  bool reading_ = false;
};

}  // namespace fisc::io_detail
