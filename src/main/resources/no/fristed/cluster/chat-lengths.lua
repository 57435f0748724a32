-- Appends a chat length ARGV[1] to KEYS[1], keeping the last ARGV[2], for ARGV[3] ms.
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return redis.call('PEXPIRE', KEYS[1], ARGV[3])
