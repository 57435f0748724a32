-- The next number of the queue (KEYS[1]), kept ARGV[1] ms.
local number = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return number
