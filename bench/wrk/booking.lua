-- POST /api/v1/appointments: every request a distinct applicant (passport number) and key, each
-- taking the next free place of the shuffled list, so that no request finds its slot full.
-- args: work-dir run-tag offset count: this run's stretch of the list
dofile("bench/wrk/common.lua")
local places, tag, offset, count
local counter = 0
function init(args)
  places = read_lines(args[1] .. "/places.txt")
  tag = args[2]
  offset = tonumber(args[3])
  count = tonumber(args[4])
end
function request()
  local n = offset + (counter * 2 + tid - 1) % count
  counter = counter + 1
  local s = split(places[n + 1])
  local id = string.format("%sT%dN%d", tag, tid, counter)
  local body = string.format('{"branch":"%s","service":"%s","date":"%s","start":"%s","applicant":'
    .. '{"fullName":"Pemohon Ujian","documentType":"PASSPORT","documentNumber":"%s","nationality":"SGP",'
    .. '"email":"%s@bench.example.my","phone":"+6591234567"}}', s[1], s[2], s[3], s[4], id, id)
  return wrk.format("POST", "/api/v1/appointments",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. id}, body)
end
function response(status)
  count_status(status)
end
