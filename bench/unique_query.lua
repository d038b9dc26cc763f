-- Each request carries a query string no earlier request had, so the page cache always misses:
-- the cost of rendering the page itself. The tag tells threads apart (each has its own Lua
-- state, so its own table addresses) and runs apart (the clock): wrk does not seed
-- math.random, so random numbers would repeat from one run to the next.
local counter = 0
local tag

init = function(args)
  tag = os.time() .. "-" .. (tostring({}):match("0x(%x+)") or tostring({}))
end

request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. tag .. "-" .. counter)
end
