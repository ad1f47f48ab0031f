-- Soak: a unit head reading their pages, and one request in five a progress report. Each thread cycles through its
-- assignments, counting each version up after its report, so writes go on for the whole run without two reports
-- ever racing for one assignment.
dofile("bench/items.lua")

function request()
  n = n + 1
  if n % 5 == 0 then
    k = k % #items + 1
    local it = items[k]
    local body = "Text=Bao+cao+tien+do+chay+dai&Progress=50&Version=" .. it[2] .. "&SeenEventId=0&__RequestVerificationToken=" .. token
    it[2] = it[2] + 1
    return wrk.format("POST", "/assignments/" .. it[1] .. "/report",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  end
  local pick = n % 4
  if pick == 0 then return wrk.format("GET", "/my-unit") end
  if pick == 1 then return wrk.format("GET", "/assignments?page=" .. (n % 7 + 1)) end
  if pick == 2 then return wrk.format("GET", "/notifications") end
  return wrk.format("GET", "/assignments/" .. items[(n % #items) + 1][1])
end
