-- Shared by the wrk scenarios: reads the target lists the bench discovered, and prints one
-- machine-readable RESULT line that bench/run collects.
function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  return lines
end

function split(line)
  local fields = {}
  for field in string.gmatch(line, "%S+") do fields[#fields + 1] = field end
  return fields
end

local thread_count = 0
local threads = {}
function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  threads[thread_count] = thread
end

-- A scenario that wants its answers other than 2xx told apart calls this from its response(): each
-- thread keeps its own tally, which done() adds up ("by_status=409:12,503:1").
statuses = {}
function count_status(status)
  if status < 200 or status > 299 then statuses[status] = (statuses[status] or 0) + 1 end
end

local function by_status()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do parts[#parts + 1] = status .. ":" .. n end
  table.sort(parts)
  return #parts == 0 and "none" or table.concat(parts, ",")
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d by_status=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, errors, by_status()))
end
