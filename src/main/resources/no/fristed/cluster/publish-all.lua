-- Publishes every ARGV on channel KEYS[1], in order, in one round trip.
for i = 1, #ARGV do redis.call('PUBLISH', KEYS[1], ARGV[i]) end
return #ARGV
