// SPDX-License-Identifier: BSL-1.0
#include "fisc/version.hpp"

namespace fisc {

std::string_view version() noexcept { return FISC_VERSION_STRING; }

}  // namespace fisc
