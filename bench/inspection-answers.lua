-- wrk script for "write: answer an item" of bench/province-bench.sh: PUT /inspections/{id}/answers/{item} over
-- the "inspection item option other-option" lines of the file ANSWER_PAIRS, each thread its own share in turn.
-- The first round answers each item with version 0 (a fresh answer); should the case outlast the list, the next
-- rounds change each answer to the item's other option on the version the previous round left (an update, never
-- a retried sync, which would write nothing).
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local pairs_ = {}
local next_pair = 0
local headers = {}
local edited_at = os.getenv("ANSWER_EDITED_AT")

function init(args)
  -- wrk.format takes these instead of wrk's own (-H): keep the Authorization header.
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  local total = tonumber(os.getenv("ANSWER_THREADS") or "1")
  local index = 0
  for line in io.lines(os.getenv("ANSWER_PAIRS")) do
    local inspection, item, first, second = line:match("^(%d+) (%S+) (%S+) (%S+)$")
    if inspection and index % total == thread_index then
      pairs_[#pairs_ + 1] = { path = "/api/v1/inspections/" .. inspection .. "/answers/" .. item,
                              options = { first, second } }
    end
    index = index + 1
  end
  if #pairs_ == 0 then error("no answer pairs for thread " .. thread_index) end
end

function request()
  local pair = pairs_[next_pair % #pairs_ + 1]
  local round = math.floor(next_pair / #pairs_)
  next_pair = next_pair + 1
  local body = string.format('{"value":"%s","version":%d,"edited_at":"%s"}', pair.options[round % 2 + 1], round,
    edited_at)
  return wrk.format("PUT", pair.path, headers, body)
end
