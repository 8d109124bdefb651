// A lesson that never finishes: the loop on line 4 runs until the watchdog stops it.
long spins = 0;
println("spinning");
while (true) { spins++; }
println("never reached");
