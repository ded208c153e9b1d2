-- POST /baseline/rows: the baseline WAR's one-row insert, same body shape as a start.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local token = os.getenv("BASELINE_TOKEN") or "bench-baseline-token"
local base = tonumber(os.getenv("PHONE_BASE") or "0")
local n = 0

function request()
   n = n + 1
   local phone = string.format("+44740%07d", (base + index * 100000 + n) % 10000000)
   return wrk.format("POST", "/baseline/rows",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"phone":"' .. phone .. '"}')
end
