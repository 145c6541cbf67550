# Precompiled headers for the third-party headers that most of baoku's
# translation units include. Parsing them is most of a file's compile time
# (clang 14, -O2, one file that only includes the header: CLI11 8.5 s,
# nlohmann/json 3.2 s, Catch2 2.3 s, httplib 2.6 s, Xapian 1.1 s), and they
# are included by 16 to 66 files each; a precompiled header parses each once
# per target.
#
# Only headers a target already depends on are precompiled for it, so the
# module boundaries hold (Xapian only in indexer/ and search/, httplib only
# in web/). Turn off with -DBAOKU_PRECOMPILE_HEADERS=OFF (e.g. for
# include-what-you-use or clang-tidy, which want each file to stand alone).
option(BAOKU_PRECOMPILE_HEADERS "Precompile the heavy third-party headers" ON)

# baoku_precompile(TARGET "<header>"...): precompiles the headers for TARGET.
function(baoku_precompile target)
  if(BAOKU_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
