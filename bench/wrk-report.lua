-- Shared by the wrk scripts: one machine-readable line with what the harness prints and records.
-- Successful requests only: wrk counts non-2xx/3xx answers in errors.status.
function report(summary, latency)
   local failed = summary.errors.status + summary.errors.connect + summary.errors.read
                  + summary.errors.write + summary.errors.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT ok=%d failed=%d rate=%.1f p50_ms=%.2f p99_ms=%.2f\n",
      summary.requests - failed, failed, (summary.requests - failed) / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
