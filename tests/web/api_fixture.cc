#include "api_fixture.h"

#include "../search/search_fixture.h"
#include "test_support.h"

namespace baoku::testing {

const web::Api& SamplesApi() {
  static const web::Api api(
      web::ApiConfig{SamplesIndex(), SourceDir() / "web" / "static"});
  return api;
}

}  // namespace baoku::testing
