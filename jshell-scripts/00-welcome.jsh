// 00 · Welcome to the workbook: how to use JShell with Layerwise. Prose: lessons/00-welcome.md
// Open it with:  /open jshell-scripts/00-welcome.jsh

// 1. Starting: JShell's default imports and the workbook's are loaded.
var topics = new ArrayList<String>(List.of("tensors", "linear", "conv2d", "rnn"));
check(topics.size() == 4, "java.util is imported");           // ==> 4

// 2. Opening a lesson: paths are relative to the project root.
Path thisLesson = Path.of("jshell-scripts", "00-welcome.jsh");
check(Files.exists(thisLesson), "JShell runs in the project root");

// 3. Tab completion: type  greeting.to  and press Tab.
String greeting = "hello, layers";
var shout = greeting.
    toUpperCase();                                           // end a line with the dot to continue it
check(shout.equals("HELLO, LAYERS"), "toUpperCase");         // ==> "HELLO, LAYERS"

// 4. Variables and methods: type /vars and /methods to list them.
int inFeatures = 10;
int outFeatures = 5;
int weightCount(int in, int out) {
    return in * out + out;                                   // a weight per input per output, a bias per output
}
check(weightCount(inFeatures, outFeatures) == 55, "Linear(10, 5) has 55 parameters");   // ==> 55

// 5. Printing: println and printf; a tensor prints like PyTorch.
printf("Linear(%d, %d): %d parameters%n", inFeatures, outFeatures, weightCount(inFeatures, outFeatures));
var t = Tensor.arange(6).reshape(2, 3);
println(t);
checkShape(t, 2, 3);                                         // ==> [2, 3]

// 6. Checks: float32 sums are rarely exact, so compare with a tolerance.
float sum = 0f;
for (int i = 0; i < 10; i++) sum += 0.1f;
check(sum != 1.0f, "ten times 0.1f is not exactly 1.0f");
checkClose(sum, 1.0f, 1e-6f, "ten times 0.1f");              // ==> 1.0000001

// 7. Where plots go: under out/ unless -Dlayerwise.out says otherwise.
Path plots = OutputDirectory.path();                         // -Dlayerwise.out, read in one place
println("Plots are saved under " + plots.toAbsolutePath());

// 8. Running lessons from the shell: ./workbook run 00, ./workbook run all, ./workbook help.
println("Lesson 00 done. Next: /open jshell-scripts/01-tensors.jsh");
