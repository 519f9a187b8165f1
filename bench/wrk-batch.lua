-- POST /api/v1/payments/batch with BENCH_BATCH (100) new payments per request, two payments per visitor.
-- Env: BENCH_KEY (df_ key), BENCH_RUN (unique prefix), BENCH_BATCH. Its rate is in requests: times BENCH_BATCH for
-- payments.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or "bench") .. "/?.lua"
require "wrk-report"

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

function init(args)
   counter = 0
   size = tonumber(os.getenv("BENCH_BATCH") or "100")
   prefix = (os.getenv("BENCH_RUN") or "run") .. "_b" .. tid .. "_"
   wrk.method = "POST"
   wrk.path = "/api/v1/payments/batch"
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local items = {}
   for i = 1, size do
      counter = counter + 1
      items[i] = '{"amount":29.99,"currency":"USD","transaction_id":"' .. prefix .. counter
         .. '","datafast_visitor_id":"v_' .. prefix .. math.floor(counter / 2) .. '"}'
   end
   return wrk.format(nil, nil, nil, "[" .. table.concat(items, ",") .. "]")
end

done = report
