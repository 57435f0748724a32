-- Follows acquire.lua for one chat's operation: the conversation (the last of KEYS), nil when there is none.
return {redis.call('GET', KEYS[#KEYS])}
