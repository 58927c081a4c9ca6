// SPDX-License-Identifier: BSL-1.0
// The hash of fisc's own tables of facts, keys and concepts (FactStore, KeyIndex, InternedKeySet,
// find_concept): private to src/facts, and free to change (nothing may depend on its values, only
// on equal inputs hashing equal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace fisc::facts_detail {

// Strings and numbers fed in one pass, eight bytes at a time: a key is hashed for every fact added
// and every fact looked up (the rules look up hundreds of thousands), and hashing each string
// apart with std::hash and combining the results cost three times as much.
class Hasher {
 public:
  void add(std::uint64_t word) noexcept {
    // A multiply by an odd constant mixes the low bits upwards; the shift brings the high bits
    // back down, where FactStore's mask reads them.
    h_ = (h_ ^ word) * kMultiplier;
    h_ ^= h_ >> 29U;
  }
  void add(std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    add(std::uint64_t{n});  // "ab", "c" and "a", "bc" differ
    for (; n > 8; n -= 8, p += 8) add(load(p));
    add(load(p, n));
  }
  [[nodiscard]] std::size_t value() const noexcept {
    // The finalizer of MurmurHash3 (fmix64): every bit of the state reaches every bit.
    std::uint64_t h = h_;
    h ^= h >> 33U;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33U;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33U;
    return static_cast<std::size_t>(h);
  }

 private:
  static constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;

  // The bytes at `p`, `n` of them (at most 8), as a word that differs for every two strings of
  // the same length (the length is hashed before): the two halves of a string of 4 to 8 bytes
  // overlap, a shorter one takes its first, middle and last byte. Without a call to memcpy for a
  // variable length.
  static std::uint64_t load(const char* p, std::size_t n) noexcept {
    if (n >= 4) return std::uint64_t{load4(p)} | std::uint64_t{load4(p + n - 4)} << 32U;
    if (n == 0) return 0;
    return std::uint64_t{static_cast<unsigned char>(p[0])} |
           std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8U |
           std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16U;
  }
  static std::uint32_t load4(const char* p) noexcept {
    std::uint32_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
  static std::uint64_t load(const char* p) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
  }

  std::uint64_t h_ = 0;
};

}  // namespace fisc::facts_detail
