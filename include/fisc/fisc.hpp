// SPDX-License-Identifier: BSL-1.0
// Everything fisc offers, in one include. Each header also compiles on its own.
#pragma once

#include "fisc/numbers/allocate.hpp"
#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/fmt.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/scientific.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/catalogue_error.hpp"
#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/code_syntax.hpp"
#include "fisc/classify/crosswalk.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/fmt.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/classify/year_range.hpp"

#include "fisc/facts/concept.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"
#include "fisc/facts/source.hpp"

#include "fisc/accounts/report.hpp"
#include "fisc/accounts/table.hpp"
#include "fisc/accounts/table_role.hpp"
#include "fisc/accounts/views.hpp"

#include "fisc/io/csv.hpp"
#include "fisc/io/encoding.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/io/show.hpp"
#include "fisc/io/table_csv.hpp"

#include "fisc/version.hpp"
