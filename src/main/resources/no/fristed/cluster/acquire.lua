-- The lock (KEYS[1], token ARGV[1], expiry in ms ARGV[2]); snapshot.lua follows it in the same script.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
