-- wrk script for bench/run: each connection cycles through the request paths
-- in $BAOKU_WRK_PATHS (one "/api/search?..." a line), starting at a
-- different offset per thread so that threads do not ask in lockstep.
local paths = {}
for line in io.lines(os.getenv("BAOKU_WRK_PATHS")) do
  paths[#paths + 1] = line
end
local i = 0
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count * 7919)
end

function init(args)
  i = (offset or 0) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
