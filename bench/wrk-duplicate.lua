-- POST /api/v1/payments of one transaction that is already stored: the duplicate path (writes nothing).
-- Env: BENCH_KEY, BENCH_TX (the stored transaction id).
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or "bench") .. "/?.lua"
require "wrk-report"

wrk.method = "POST"
wrk.path = "/api/v1/payments"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"amount":29.99,"currency":"USD","transaction_id":"' .. os.getenv("BENCH_TX")
   .. '","datafast_visitor_id":"' .. os.getenv("BENCH_VISITOR") .. '"}'

done = report
