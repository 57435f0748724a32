-- Compare-and-swap of a rate-limit bucket: KEYS[1] the bucket, ARGV expected state ('' for none), new state, expiry in ms.
local stored = redis.call('GET', KEYS[1])
if (stored == false and ARGV[1] == '') or stored == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
