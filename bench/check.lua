-- POST /api/v1/verifications/{id}/check with a wrong code, round robin over the pending
-- verifications listed in IDS_FILE (one id a line); each thread starts at its own offset.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local key = os.getenv("RP_KEY")
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
   if #line > 0 then table.insert(ids, line) end
end
local n = 0

function request()
   n = n + 1
   local id = ids[((index * 7919 + n) % #ids) + 1]
   return wrk.format("POST", "/api/v1/verifications/" .. id .. "/check",
      { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
      '{"code":"0000"}')
end
