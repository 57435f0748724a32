-- Publishes ARGV[3..] in order, each to the channel (ARGV[2] .. instance) of every instance that holds a socket of
-- its participant: the members of the presence set KEYS[i] with an expiry after ARGV[1]. One round trip.
for i = 3, #ARGV do
  for _, instance in ipairs(redis.call('ZRANGEBYSCORE', KEYS[i - 2], ARGV[1], '+inf')) do
    redis.call('PUBLISH', ARGV[2] .. instance, ARGV[i])
  end
end
return #ARGV - 2
