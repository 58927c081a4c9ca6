// SPDX-License-Identifier: BSL-1.0
#include "spool.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <stdexcept>

#include <gsl/pointers>

namespace fisc::io_detail {

void Spool::Close::operator()(gsl::owner<std::FILE*> file) const noexcept {
  static_cast<void>(std::fclose(file));  // a temporary file: nothing to keep if closing fails
}

void Spool::append(std::string_view text) {
  if (reading_) throw std::logic_error("Spool::append after reading began");
  memory_.append(text);
  size_ += text.size();
  if (memory_.size() > memory_limit && !no_file_) move_to_file();
}

void Spool::move_to_file() {
  if (!file_) {
    // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the unique_ptr owns it and closes it
    file_.reset(std::tmpfile());
    if (!file_) {
      no_file_ = true;
      return;
    }
  }
  if (std::fwrite(memory_.data(), 1, memory_.size(), file_.get()) != memory_.size()) {
    throw std::runtime_error("cannot write a temporary file (the findings kept for the end)");
  }
  memory_.clear();
}

void Spool::start_reading() {
  reading_ = true;
  if (!file_) return;
  move_to_file();
  if (std::fflush(file_.get()) != 0 || std::fseek(file_.get(), 0, SEEK_SET) != 0) {
    throw std::runtime_error("cannot read back a temporary file (the findings kept for the end)");
  }
}

void Spool::copy_to(std::ostream& out, std::size_t n) {
  if (!reading_) start_reading();
  std::size_t left = std::min(n, size_ - read_);
  if (!file_) {
    out.write(memory_.data() + read_, static_cast<std::streamsize>(left));
    read_ += left;
    return;
  }
  std::array<char, std::size_t{64} << 10U> buffer{};
  while (left > 0) {
    const std::size_t want = std::min(left, buffer.size());
    const std::size_t got = std::fread(buffer.data(), 1, want, file_.get());
    if (got != want) {
      throw std::runtime_error("cannot read back a temporary file (the findings kept for the end)");
    }
    out.write(buffer.data(), static_cast<std::streamsize>(got));
    read_ += got;
    left -= got;
  }
}

}  // namespace fisc::io_detail
