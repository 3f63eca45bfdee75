-- A realistic mix for wrk, ten requests at a time: three home dashboards, four children's pages,
-- a home's audit trail, a child's record as JSON, and a daily note written by a support worker
-- of the first home. Set by bench/load through the environment: HOMES, CHILDREN (space-separated
-- ids), COOKIE (the administrator's session), WORKER_TOKEN and WORKER_CHILDREN (the support
-- worker's API token and the children of their home), ON and AT (the home's day and time now).
local homes = tonumber(os.getenv("HOMES"))
local function ids(name)
  local out = {}
  for id in string.gmatch(os.getenv(name), "%d+") do out[#out + 1] = id end
  return out
end
local children = ids("CHILDREN")
local worker_children = ids("WORKER_CHILDREN")
local cookie = os.getenv("COOKIE")
local token = os.getenv("WORKER_TOKEN")
local note = string.format(
  '{"kind":"note","category":"daily_life","occurred_on":"%s","occurred_time":"%s",' ..
  '"body":"Settled well at bedtime after reading for half an hour with staff."}',
  os.getenv("ON"), os.getenv("AT"))
local step = 0

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

request = function()
  step = step + 1
  local headers = { Cookie = cookie }
  local kind = step % 10
  if kind < 3 then
    return wrk.format("GET", "/homes/" .. math.random(homes), headers)
  elseif kind < 7 then
    return wrk.format("GET", "/children/" .. children[math.random(#children)], headers)
  elseif kind < 8 then
    return wrk.format("GET", "/homes/" .. math.random(homes) .. "/audit", headers)
  elseif kind < 9 then
    return wrk.format("GET", "/api/v1/children/" .. children[math.random(#children)], headers)
  end
  return wrk.format("POST", "/api/v1/children/" .. worker_children[math.random(#worker_children)] .. "/daily-record",
                    { Authorization = "Bearer " .. token, ["Content-Type"] = "application/json" }, note)
end
