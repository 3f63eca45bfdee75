-- wrk: a child's page, for a child chosen at random from CHILDREN (space-separated ids).
local children = {}
for id in string.gmatch(os.getenv("CHILDREN"), "%d+") do children[#children + 1] = id end
local cookie = os.getenv("COOKIE")

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

request = function()
  return wrk.format("GET", "/children/" .. children[math.random(#children)], { Cookie = cookie })
end
