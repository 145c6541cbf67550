# Finds baoku's dependencies. Each is a Debian bookworm package; when one is
# missing, configuration stops and names the package (scripts/install-deps
# installs them all).
find_package(PkgConfig)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: apt-get install pkg-config "
                      "(or run scripts/install-deps)")
endif()

function(baoku_require_pkg var module debian_package)
  pkg_check_modules(${var} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${var}_FOUND)
    message(FATAL_ERROR "${module} not found: apt-get install ${debian_package} "
                        "(or run scripts/install-deps)")
  endif()
  message(STATUS "Found ${module} ${${var}_VERSION}")
endfunction()

baoku_require_pkg(ICU_UC icu-uc libicu-dev)
baoku_require_pkg(ICU_I18N icu-i18n libicu-dev)
baoku_require_pkg(XAPIAN xapian-core libxapian-dev)
baoku_require_pkg(HTTPLIB cpp-httplib libcpp-httplib-dev)
baoku_require_pkg(SQLITE3 sqlite3 libsqlite3-dev)
baoku_require_pkg(ZLIB zlib zlib1g-dev)  # gzip of JSON answers (web/).

find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  message(FATAL_ERROR "nlohmann_json not found: apt-get install nlohmann-json3-dev "
                      "(or run scripts/install-deps)")
endif()
find_package(CLI11 QUIET)
if(NOT CLI11_FOUND)
  message(FATAL_ERROR "CLI11 not found: apt-get install libcli11-dev "
                      "(or run scripts/install-deps)")
endif()
find_package(Threads REQUIRED)
if(BAOKU_BUILD_TESTS)
  find_package(Catch2 2 QUIET)
  if(NOT Catch2_FOUND)
    message(FATAL_ERROR "Catch2 not found: apt-get install catch2 "
                        "(or run scripts/install-deps)")
  endif()
endif()
