-- The rush: every applicant sends one POST /api/v1/appointments, all released at once. Thread 1
-- talks to the node in the URL, thread 2 to the second node; each sends its half of the applicants
-- once, over all its connections, and writes every answer (status and reference) for bench/Bench.java
-- to check against the database.
-- args: work-dir run-tag applicants second-node-host second-node-port
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
int kill(int pid, int signal);
int getpid(void);
]]
local clock = ffi.new("bench_timespec")
local function micros()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
  if #threads == 2 then
    thread.addr = wrk.lookup(wrk_args_host, wrk_args_port)[1]
  end
end

-- setup() runs before init() and has no args: the second node comes from the environment.
wrk_args_host = os.getenv("RUSH_SECOND_HOST")
wrk_args_port = os.getenv("RUSH_SECOND_PORT")

local slots, tag, work, mine, next_index, answered, out, first_sent
function init(args)
  work = args[1]
  tag = args[2]
  local applicants = tonumber(args[3])
  slots = {}
  for line in io.lines(work .. "/rush-slots.txt") do
    if line ~= "" then
      local f = {}
      for field in string.gmatch(line, "%S+") do f[#f + 1] = field end
      slots[#slots + 1] = f
    end
  end
  -- Thread t sends applicants t-1, t+1, t+3, ...: the same applicant-to-slot order as one client would.
  mine = {}
  for i = tid - 1, applicants - 1, 2 do mine[#mine + 1] = i end
  next_index = 1
  answered = 0
  out = io.open(string.format("%s/rush-%s-%d.txt", work, tag, tid), "w")
end

local verified = false
function request()
  if tid == 1 and not verified then
    -- wrk calls request() once on its first thread to check the script before it sends anything
    -- (script_verify_request): that call must not use up an applicant.
    verified = true
    return wrk.format("POST", "/api/v1/appointments")
  end
  if next_index > #mine then
    -- Every applicant of this thread has been sent: the connection stays idle (wrk sends nothing
    -- and waits) instead of sending more.
    return ""
  end
  if first_sent == nil then first_sent = micros() end
  local i = mine[next_index]
  next_index = next_index + 1
  local s = slots[i % #slots + 1]
  local id = string.format("%sR%06d", tag, i)
  local body = string.format('{"branch":"%s","service":"%s","date":"%s","start":"%s","applicant":'
    .. '{"fullName":"Pemohon Ujian","documentType":"PASSPORT","documentNumber":"%s","nationality":"SGP",'
    .. '"email":"%s@rush.example.my","phone":"+6591234567"}}', s[1], s[2], s[3], s[4], id, id)
  return wrk.format("POST", "/api/v1/appointments",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = "rush-" .. id }, body)
end

function response(status, headers, body)
  answered = answered + 1
  out:write(status, " ", body:match('"reference":"([%w]+)"') or "-", " ", string.format("%.0f", micros()), "\n")
  if answered == #mine then
    out:close()
    wrk.thread:set("first", first_sent)
    wrk.thread:set("last", micros())
    -- wrk runs for its whole duration; the last thread to finish ends it early with SIGINT, which
    -- wrk handles by stopping and reporting.
    local marker = io.open(work .. "/rush-" .. tag .. "-done", "a")
    marker:write(tid, "\n")
    marker:close()
    local count = 0
    for _ in io.lines(work .. "/rush-" .. tag .. "-done") do count = count + 1 end
    if count == 2 then ffi.C.kill(ffi.C.getpid(), 2) end
  end
end

function done(summary, latency, requests)
  local first, last = math.huge, 0
  for _, t in ipairs(threads) do
    first = math.min(first, t:get("first") or math.huge)
    last = math.max(last, t:get("last") or 0)
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f socket_errors=%d\n",
    summary.requests, (last - first) / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
