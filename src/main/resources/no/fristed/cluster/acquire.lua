-- Takes every lock KEYS[1..ARGV[3]] with token ARGV[1] for ARGV[2] ms, or none of them (so two operations never
-- wait for each other's second lock); what the operation reads follows in the same script.
for i = 1, tonumber(ARGV[3]) do
  if not redis.call('SET', KEYS[i], ARGV[1], 'NX', 'PX', ARGV[2]) then
    for j = 1, i - 1 do redis.call('DEL', KEYS[j]) end
    return false
  end
end
