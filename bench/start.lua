-- POST /api/v1/verifications with a distinct phone number per request:
-- +44 740 followed by PHONE_BASE + index * 100000 + n (7 digits: ten million numbers, all under the one
-- prefix the fraud guard watches, +44740), so phases and threads never repeat. With six digits (one million)
-- the bases of a whole run wrapped around: the later phases' starts superseded the pending verifications
-- of earlier ones, and runs 17 to 19 measured such starts in the cost phase and at 32 and 64 clients.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local key = os.getenv("RP_KEY")
local base = tonumber(os.getenv("PHONE_BASE") or "0")
local n = 0

function request()
   n = n + 1
   local phone = string.format("+44740%07d", (base + index * 100000 + n) % 10000000)
   return wrk.format("POST", "/api/v1/verifications",
      { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
      '{"phone":"' .. phone .. '"}')
end
