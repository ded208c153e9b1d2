-- POST /api/v1/verifications with a distinct phone number per request:
-- +44 7400 followed by PHONE_BASE + index * 100000 + n (6 digits), so phases and threads never repeat.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local key = os.getenv("RP_KEY")
local base = tonumber(os.getenv("PHONE_BASE") or "0")
local n = 0

function request()
   n = n + 1
   local phone = string.format("+447400%06d", (base + index * 100000 + n) % 1000000)
   return wrk.format("POST", "/api/v1/verifications",
      { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
      '{"phone":"' .. phone .. '"}')
end
