-- A unit head's day: pages read, and one request in ten a progress report on a different open assignment
-- (IDS: lines "id|version"; each wrk thread takes its own share so no report collides with another).
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
      table.insert(items, { id, v })
    end
    i = i + 1
  end
  n = 0
  k = 0
  wrk.headers["Cookie"] = cookie
end

function request()
  n = n + 1
  if n % 10 == 0 and k < #items then
    k = k + 1
    local it = items[k]
    local body = "Text=Bao+cao+tien+do+thu+nghiem&Progress=99&Version=" .. it[2] .. "&SeenEventId=0&__RequestVerificationToken=" .. token
    return wrk.format("POST", "/assignments/" .. it[1] .. "/report",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  end
  local pick = n % 3
  if pick == 0 then return wrk.format("GET", "/my-unit") end
  if pick == 1 then return wrk.format("GET", "/assignments?page=2") end
  return wrk.format("GET", "/assignments/" .. items[(n % #items) + 1][1])
end
