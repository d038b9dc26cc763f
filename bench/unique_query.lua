-- Each request carries a query string no earlier request had, so the page cache always misses:
-- the cost of rendering the page itself.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. counter .. "-" .. math.random(1000000000))
end
