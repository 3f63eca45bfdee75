-- wrk: write signed daily notes through the API, as fast as the server takes them.
-- Set by bench/record through the environment: TOKEN (a support worker's API token), CHILDREN
-- (space-separated ids), ON and AT (the home's local day and time to write them for).
local token = os.getenv("TOKEN")
local children = {}
for id in string.gmatch(os.getenv("CHILDREN"), "%d+") do children[#children + 1] = id end
local body = string.format(
  '{"kind":"note","category":"daily_life","occurred_on":"%s","occurred_time":"%s",' ..
  '"body":"Settled well at bedtime after reading for half an hour with staff."}',
  os.getenv("ON"), os.getenv("AT"))
local n = 0

request = function()
  n = n + 1
  local child = children[(n % #children) + 1]
  return wrk.format("POST", "/api/v1/children/" .. child .. "/daily-record",
                    { Authorization = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
