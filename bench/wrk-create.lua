-- POST /api/v1/payments with a new transaction id every time, two payments per visitor.
-- Env: BENCH_KEY (df_ key), BENCH_RUN (unique prefix).
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or "bench") .. "/?.lua"
require "wrk-report"

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

function init(args)
   counter = 0
   prefix = (os.getenv("BENCH_RUN") or "run") .. "_" .. tid .. "_"
   wrk.method = "POST"
   wrk.path = "/api/v1/payments"
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   return wrk.format(nil, nil, nil, '{"amount":29.99,"currency":"USD","transaction_id":"' .. prefix .. counter
      .. '","datafast_visitor_id":"v_' .. prefix .. math.floor(counter / 2) .. '"}')
end

done = report
