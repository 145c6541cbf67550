// The web API over the sample archive's index, shared by the handler tests.
#ifndef BAOKU_TESTS_WEB_API_FIXTURE_H_
#define BAOKU_TESTS_WEB_API_FIXTURE_H_

#include "baoku/web/api.h"

namespace baoku::testing {

// An Api on testing::SamplesIndex() serving web/static, made on first use
// and kept for the process. Thread-safe as Api is.
const web::Api& SamplesApi();

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_WEB_API_FIXTURE_H_
