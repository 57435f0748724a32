-- Lets go of every lock in KEYS still held with token ARGV[1].
local released = 0
for _, lock in ipairs(KEYS) do
  if redis.call('GET', lock) == ARGV[1] then released = released + redis.call('DEL', lock) end
end
return released
