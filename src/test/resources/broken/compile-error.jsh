// A lesson with a compile error on line 5.
int answer = 42;
println(answer);

String name = answer;
println("never reached");
