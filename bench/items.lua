-- Shared by mixed.lua and soak.lua: each wrk thread takes its own share of the open assignments listed in IDS
-- (lines "id|version"), so no two connections ever report on the same assignment.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  cookie = os.getenv("COOKIE")
  token = os.getenv("TOKEN")
  local nthreads = tonumber(os.getenv("THREADS"))
  items = {}
  local i = 0
  for line in io.lines(os.getenv("IDS")) do
    if i % nthreads == tid then
      local id, v = line:match("(%d+)|(%d+)")
      table.insert(items, { id, tonumber(v) })
    end
    i = i + 1
  end
  n = 0
  k = 0
  wrk.headers["Cookie"] = cookie
end
