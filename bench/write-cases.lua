-- wrk script for the write cases of bench/province-bench.sh: POST bodies that differ per request.
-- WRITE_CASE chooses the case; the rest of the environment gives its ids:
--   enterprise  a new enterprise per request (WRITE_REGION_ID), each with its own valid credit code
--   answer      the agency asks to cancel a pending commission item and the insurer rejects that, in turn, over
--               WRITE_ITEM_IDS (comma-separated), with WRITE_AGENCY_TOKEN and WRITE_INSURER_TOKEN
--   visit       a visit scheduled per request from WRITE_VISIT (a JSON body), on day WRITE_FIRST_DAY + n % WRITE_DAYS
--               (the days left in the year: the enterprise's commission or plan is for this year, and a day in
--               the next is refused as not commissioned — 422 on most requests of the first runs)
local case = os.getenv("WRITE_CASE")
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

-- GB 32100-2015: 31 code characters, weights 3^i mod 31, check character (31 - sum mod 31) mod 31.
local charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
local function uscc(first17)
  local sum = 0
  for i = 1, 17 do
    sum = sum + (charset:find(first17:sub(i, i), 1, true) - 1) * weights[i]
  end
  local check = (31 - sum % 31) % 31
  return first17 .. charset:sub(check + 1, check + 1)
end

local count = 0
local items = {}
local json_headers = {}

function init(args)
  -- wrk.format takes these instead of wrk's own (-H): copy the Authorization header in, or every request is
  -- 401 (what the first runs measured: 31,910 and 32,328 errors in 5 s).
  for name, value in pairs(wrk.headers) do json_headers[name] = value end
  json_headers["Content-Type"] = "application/json"
  if case == "answer" then
    -- Each thread answers its own items, so no two threads step on the same one.
    local index = 0
    for id in os.getenv("WRITE_ITEM_IDS"):gmatch("%d+") do
      if index % threads_total() == thread_index then items[#items + 1] = id end
      index = index + 1
    end
  end
end

function threads_total()
  return tonumber(os.getenv("WRITE_THREADS") or "1")
end

local function date_after(first_day, days)
  local y, m, d = first_day:match("(%d+)-(%d+)-(%d+)")
  return os.date("!%Y-%m-%d", os.time({ year = y, month = m, day = d, hour = 12 }) + days * 86400)
end

-- Before the run wrk calls request() once on the first thread's state to count pipelined requests, and never
-- sends what it returns. Counted, it started that thread's items one call late, so the first request of one
-- item was a reject with nothing to reject (a 409 in every run of the answer case).
local uncounted_call = nil

function request()
  if uncounted_call == nil then uncounted_call = thread_index == 0 end
  if uncounted_call then
    uncounted_call = false
    return wrk.format("GET", "/api/v1/health")
  end
  count = count + 1
  if case == "enterprise" then
    -- "91Y" + the thread's letter + a 13-digit counter: not the shape of any generated code.
    local code = uscc(string.format("91Y%s%013d", charset:sub(11 + thread_index, 11 + thread_index), count))
    local body = string.format('{"name":"基准写入企业%s","credit_code":"%s","region_id":%s}', code, code,
      os.getenv("WRITE_REGION_ID"))
    return wrk.format("POST", "/api/v1/enterprises", json_headers, body)
  elseif case == "answer" then
    -- Item i is asked about again only after every other item of the thread: by then its last answer is done.
    local slot = (count - 1) % #items
    local round = (count - 1 - slot) / #items
    local id = items[slot + 1]
    local headers = { ["Content-Type"] = "application/json" }
    if round % 2 == 0 then
      headers["Authorization"] = "Bearer " .. os.getenv("WRITE_AGENCY_TOKEN")
      return wrk.format("POST", "/api/v1/commission-items/" .. id .. "/request-cancel", headers,
        '{"reason":"基准测试：企业信息有误"}')
    end
    headers["Authorization"] = "Bearer " .. os.getenv("WRITE_INSURER_TOKEN")
    return wrk.format("POST", "/api/v1/commission-items/" .. id .. "/reject-cancel", headers,
      '{"reason":"基准测试：信息无误，请继续服务"}')
  elseif case == "visit" then
    local day = date_after(os.getenv("WRITE_FIRST_DAY"),
      (count * threads_total() + thread_index) % tonumber(os.getenv("WRITE_DAYS")))
    local body = os.getenv("WRITE_VISIT"):gsub('"planned_on":"[^"]*"', '"planned_on":"' .. day .. '"')
    return wrk.format("POST", "/api/v1/visits", json_headers, body)
  end
  error("WRITE_CASE must be enterprise, answer or visit")
end
