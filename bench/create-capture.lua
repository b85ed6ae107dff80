-- wrk script: POST /v1/payments (authorise + capture) with a unique Idempotency-Key and a fresh
-- Luhn-valid Visa test number per request, so neither idempotency nor the per-card velocity rule
-- short-circuits anything. Prints a JSON summary line ("BENCH_JSON {...}") at the end.
local key = os.getenv("SETTLE_BENCH_KEY")
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  statuses = {}
end

local function luhn_pan()
  local digits = {4}
  for i = 2, 15 do digits[i] = math.random(0, 9) end
  local sum = 0
  for i = 15, 1, -1 do
    local d = digits[i]
    if (15 - i) % 2 == 0 then d = d * 2; if d > 9 then d = d - 9 end end
    sum = sum + d
  end
  digits[16] = (10 - sum % 10) % 10
  return table.concat(digits)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"amount":%d,"currency":"EUR","reference":"bench-%d-%d","card":{"number":"%s","exp_month":12,"exp_year":2030,"cvc":"123"}}',
    100 + counter % 900, tid, counter, luhn_pan())
  local headers = {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", tid, counter, math.random(1, 2147483647)),
  }
  return wrk.format("POST", "/v1/payments", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local non201 = 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do
      if code ~= 201 then non201 = non201 + n end
    end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"throughput_rps":%.1f,"latency_p50_ms":%.2f,"latency_p90_ms":%.2f,"latency_p99_ms":%.2f,"latency_max_ms":%.2f,"socket_errors":%d,"non_201_responses":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, non201))
end
