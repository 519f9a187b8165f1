-- A mixed read load on GET /api/v1/payments: half newest-first pages, a quarter lookups by transaction id, a quarter
-- by visitor. Env: BENCH_KEY, BENCH_TX (a stored transaction id), BENCH_VISITOR (its visitor).
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or "bench") .. "/?.lua"
require "wrk-report"

local paths = {
   "/api/v1/payments?limit=50",
   "/api/v1/payments?limit=10",
   "/api/v1/payments?transaction_id=" .. os.getenv("BENCH_TX"),
   "/api/v1/payments?datafast_visitor_id=" .. os.getenv("BENCH_VISITOR") .. "&limit=20",
}

function init(args)
   n = 0
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
end

function request()
   n = n + 1
   return wrk.format("GET", paths[(n % #paths) + 1])
end

done = report
