-- KEYS: participants' presence sets; ARGV: expiry score, instance, oldest expiry to keep, key time to live.
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. ARGV[3])
  redis.call('ZADD', key, ARGV[1], ARGV[2])
  redis.call('PEXPIRE', key, ARGV[4])
end
return #KEYS
