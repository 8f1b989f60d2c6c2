-- The app's cheapest endpoint: liveness, no database.
dofile("bench/wrk/common.lua")
