-- GET the slots of a random open day of a random branch and transaction type.
-- args: work-dir
dofile("bench/wrk/common.lua")
local days
function init(args)
  days = read_lines(args[1] .. "/open-days.txt")
  math.randomseed(os.time() + (tid or 0))
end
function request()
  local d = split(days[math.random(#days)])
  return wrk.format("GET", "/api/v1/branches/" .. d[1] .. "/services/" .. d[2] .. "/slots?date=" .. d[3])
end
