-- Every conversation and presence: the last two KEYS are their index sets, the last two ARGV their key prefixes.
-- Returns each index's members followed by their values (nil where a value has expired).
local snapshot = {}
for k = 1, 0, -1 do
  local ids = redis.call('SMEMBERS', KEYS[#KEYS - k])
  local values = {}
  for i, id in ipairs(ids) do values[i] = redis.call('GET', ARGV[#ARGV - k] .. id) end
  snapshot[#snapshot + 1] = ids
  snapshot[#snapshot + 1] = values
end
return snapshot
