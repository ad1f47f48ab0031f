-- A unit head's day: pages read, and one request in ten a progress report on a different open assignment
-- (each assignment reported once, on the version it had when the run began).
dofile("bench/items.lua")

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
  if pick == 1 then return wrk.format("GET", "/assignments") end
  return wrk.format("GET", "/assignments/" .. items[(n % #items) + 1][1])
end
