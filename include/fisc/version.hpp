// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <string_view>

namespace fisc {

/// fisc's version, "MAJOR.MINOR.PATCH", as compiled into the library.
[[nodiscard]] std::string_view version() noexcept;

}  // namespace fisc
