-- A realistic mix for wrk: a home's dashboard, a child's page, the audit trail, and an amendment
-- of a child's record (the write; daily notes will join the mix when they exist). Set by bench/load
-- through the environment: HOMES, CHILDREN (space-separated ids), COOKIE, CSRF.
local homes = tonumber(os.getenv("HOMES"))
local children = {}
for id in string.gmatch(os.getenv("CHILDREN"), "%d+") do children[#children + 1] = tonumber(id) end
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local versions = {}
local step = 0

local function pick_child() return children[math.random(#children)] end

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

request = function()
  step = step + 1
  local headers = { Cookie = cookie }
  local kind = step % 10
  if kind < 3 then
    return wrk.format("GET", "/homes/" .. math.random(homes), headers)
  elseif kind < 7 then
    return wrk.format("GET", "/children/" .. pick_child(), headers)
  elseif kind < 8 then
    return wrk.format("GET", "/homes/" .. math.random(homes) .. "/audit", headers)
  elseif kind < 9 then
    return wrk.format("GET", "/api/v1/children/" .. pick_child(), headers)
  end
  -- The write: amend a child whose current version this thread has seen.
  for id, v in pairs(versions) do
    versions[id] = nil
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    local body = v.body:gsub('"version":%d+', '"version":' .. v.version)
    return wrk.format("PUT", "/api/v1/children/" .. id, headers, body)
  end
  return wrk.format("GET", "/api/v1/children/" .. pick_child(), headers)
end

response = function(status, headers, body)
  if status == 200 and body:sub(1, 1) == "{" and body:find('"placing_authority"') then
    local id = tonumber(body:match('"id":(%d+)'))
    local version = tonumber(body:match('"version":(%d+)'))
    if id and version then
      -- Resend the record as read, with a changed pronouns field and a reason.
      local fields = {}
      for _, k in ipairs({"first_name", "last_name", "preferred_name", "previous_names", "date_of_birth", "sex",
                          "religion", "ethnicity", "language", "legal_basis", "placing_authority",
                          "placing_authority_contact", "social_worker_name", "admission_date"}) do
        local v = body:match('"' .. k .. '":"(.-)"')
        fields[#fields + 1] = '"' .. k .. '":"' .. (v or "") .. '"'
      end
      -- Always a real change: an amendment that changes nothing is refused (400).
      local pronouns = body:match('"pronouns":"(.-)"') == "they/them" and "she/her" or "they/them"
      fields[#fields + 1] = '"pronouns":"' .. pronouns .. '"'
      local workers = {}
      for w in body:gmatch('"person_id":(%d+)') do workers[#workers + 1] = w end
      fields[#fields + 1] = '"key_workers":[' .. table.concat(workers, ",") .. ']'
      fields[#fields + 1] = '"reg44_consent":' .. (body:match('"reg44_consent":(%a+)') or "false")
      fields[#fields + 1] = '"version":' .. version
      fields[#fields + 1] = '"reason":"Load test amendment"'
      versions[id] = { version = version, body = "{" .. table.concat(fields, ",") .. "}" }
    end
  end
end
