-- GET the days of a 31-day range for a random branch and transaction type.
-- args: work-dir from to
dofile("bench/wrk/common.lua")
local offerings, from, to
function init(args)
  offerings = read_lines(args[1] .. "/offerings.txt")
  from, to = args[2], args[3]
  math.randomseed(os.time() + (tid or 0))
end
function request()
  local o = split(offerings[math.random(#offerings)])
  return wrk.format("GET", "/api/v1/branches/" .. o[1] .. "/services/" .. o[2] .. "/days?from=" .. from .. "&to=" .. to)
end
