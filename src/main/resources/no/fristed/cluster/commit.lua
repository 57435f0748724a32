-- KEYS: the operation's locks. ARGV: lock token, ttl in ms, then operations of three words each:
-- set/sadd/srem/del/rpush, key, value.
for _, lock in ipairs(KEYS) do
  if redis.call('GET', lock) ~= ARGV[1] then return 0 end
end
local ttl = tonumber(ARGV[2])
for i = 3, #ARGV, 3 do
  local op, key, value = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if op == 'set' then redis.call('SET', key, value, 'PX', ttl)
  elseif op == 'del' then redis.call('DEL', key)
  elseif op == 'srem' then redis.call('SREM', key, value)
  else
    redis.call(op == 'sadd' and 'SADD' or 'RPUSH', key, value)
    redis.call('PEXPIRE', key, ttl)
  end
end
return 1
