-- POST /api/v1/appointments: every request a distinct applicant (passport number) and key, spread
-- over the discovered free slots. args: work-dir run-tag
dofile("bench/wrk/common.lua")
local slots, tag
local counter = 0
function init(args)
  slots = read_lines(args[1] .. "/booking-slots.txt")
  tag = args[2]
end
function request()
  counter = counter + 1
  local s = split(slots[((counter * 7919 + tid * 104729) % #slots) + 1])
  local id = string.format("%sT%dN%d", tag, tid, counter)
  local body = string.format('{"branch":"%s","service":"%s","date":"%s","start":"%s","applicant":'
    .. '{"fullName":"Pemohon Ujian","documentType":"PASSPORT","documentNumber":"%s","nationality":"SGP",'
    .. '"email":"bench@example.my","phone":"+6591234567"}}', s[1], s[2], s[3], s[4], id)
  return wrk.format("POST", "/api/v1/appointments",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. id}, body)
end
