// 13 · Training, and what the init does to it: a training loop on the digits, then 36 of them. Prose: lessons/13-training-and-initialization.md
// Open it with:  /open jshell-scripts/13-training-and-initialization.jsh
// Pictures are saved under out/ (or -Dlayerwise.out=DIR); tables print here. Every run has a fixed seed.
import layerwise.data.*;
import layerwise.experiment.*;

// 1. The data: 1,797 handwritten digits, 8×8 pixels in 0..16, split 75% / 25% as torch's random_split does.
var digits = Datasets.digits();
var pixels = digits.tensors().get(0).div(16f);               // scaled to [0, 1]
var data = new TensorDataset(pixels, digits.tensors().get(1));
var split = Datasets.randomSplit(data, new double[] {0.75, 0.25}, new Generator().manualSeed(0));
var trainSet = split.get(0);
var testSet = split.get(1);
var testBatch = new DataLoader(testSet, testSet.size()).iterator().next();   // the whole test set, one batch
var xTest = testBatch.get(0);                                // (449, 64)
var yTest = testBatch.get(1);                                // (449), class indices as floats
checkShape(xTest, 449, 64);                                  // ==> [449, 64]
check(trainSet.size() == 1348, "1,348 digits to train on, 449 to test");
Plots.imageGrid(xTest.narrow(0, 0, 8).reshape(8, 8, 8), "the first 8 test digits, pixels in [0, 1]",
    Arrays.stream(Metrics.labels(yTest.narrow(0, 0, 8), 10)).mapToObj(d -> "label " + d).toList(), "13-digits");

// 2. The training loop, written out: zero_grad, forward, loss, backward, step.
Tensor.manualSeed(0);
var model = new Sequential(new Linear(64, 64), new ReLU(), new Linear(64, 10));
var lossFn = new CrossEntropyLoss();
var optimizer = new SGD(model.parameters(), 0.05, SGD.options().momentum(0.9));
var loader = new DataLoader(trainSet, 32, true);             // shuffled every epoch, 43 batches
int epochs = 8;
var history = new History();
var progress = new Progress(epochs, loader.size());          // one line per epoch here; in place in a terminal
for (int epoch = 0; epoch < epochs; epoch++) {
    model.train();                                           // model.train(): training behaviour (Dropout on)
    for (var batch : loader) {
        var x = batch.get(0);
        var y = batch.get(1);
        optimizer.zeroGrad();                                // 1. forget the last step's gradients
        var out = model.forward(x);                          // 2. forward: scores (32, 10)
        var loss = lossFn.forward(out, y);                   // 3. the loss, one number
        loss.backward();                                     // 4. dL/dw for every parameter
        optimizer.step();                                    // 5. w ← w − lr · (momentum-smoothed) dL/dw
        double accuracy = Metrics.accuracy(out, y);
        progress.step(loss.item(), accuracy);
        history.step(loss.item(), accuracy);
    }
    model.eval();                                            // model.eval(): evaluation behaviour (Dropout off)
    try (var off = Autograd.noGrad()) {                      // with torch.no_grad(): no graph needed to measure
        var scores = model.forward(xTest);
        history.epoch(lossFn.forward(scores, yTest).item(), Metrics.accuracy(scores, yTest));
    }
}
println(history.table().printAll());
history.plot("13-history");
check(history.testAccuracy() > 0.9, "the MLP reads over 90% of the test digits after 8 epochs");

// 3. Accuracy and the confusion matrix: which digits it gets wrong.
Tensor testScores;
try (var off = Autograd.noGrad()) {
    testScores = model.forward(xTest);
}
var confusion = Metrics.confusionMatrix(testScores, yTest);
println(confusion.table().printAll());
confusion.mistakes(xTest, "13-mistakes");
int[] worst = confusion.commonestMistake();
printf("test accuracy %.1f%%: %d of %d right; the commonest mistake is a %d read as a %d (%d times)%n",
    100 * confusion.accuracy(), Math.round(confusion.accuracy() * confusion.total()), confusion.total(), worst[0], worst[1], worst[2]);
check(Math.abs(confusion.accuracy() - history.testAccuracy()) < 1e-9, "the diagonal over the total is the accuracy");

// ---------------------------------------------------------------------------------------------------
// 4. Six inits × two activations × three depths: the same loop, 36 times, 400 steps each, the same seed.
double norm(Tensor t) {                                      // in double: a float sum of squares can overflow
    double s = 0;
    for (float v : t.toFloatArray()) s += (double) v * v;
    return Math.sqrt(s);
}
// depth = the number of Linear layers: 64 → 64 → ... → 64 → 10, the activation between them
Sequential mlp(Scheme scheme, String activation, int depth) {
    var net = new Sequential(new Linear(64, depth == 1 ? 10 : 64));
    for (int l = 1; l < depth; l++) {
        net.append(activation.equals("tanh") ? new Tanh() : new ReLU());
        net.append(new Linear(64, l == depth - 1 ? 10 : 64));
    }
    if (scheme.init() != null) {                             // the default keeps each layer's own init
        for (var p : net.namedParameters().entrySet()) {
            if (p.getKey().endsWith("weight")) scheme.init().apply(p.getValue());
            else Init.zeros(p.getValue());
        }
    }
    return net;
}
int STEPS = 400, WINDOW = 20;
double TARGET = 0.5;                                          // steps until the mean loss of the last 20 steps ≤ 0.5
record Run(String init, String activation, int depth, double[] smoothed, int stepsToTarget, double finalLoss,
           double testAccuracy, double[] gradNorms) {
    double gradRatio() { return gradNorms[0] / gradNorms[gradNorms.length - 1]; }   // first layer over last
}
Run train(Scheme scheme, String activation, int depth) {
    Tensor.manualSeed(0);                                    // the same weights' seed and the same batches for every run
    var net = mlp(scheme, activation, depth);
    var opt = new SGD(net.parameters(), 0.05, SGD.options().momentum(0.9));
    var runHistory = new History();
    double[] gradNorms = null;
    var runLoader = new DataLoader(trainSet, 32, true);
    while (runHistory.steps() < STEPS) {
        for (var batch : runLoader) {
            if (runHistory.steps() == STEPS) break;
            opt.zeroGrad();
            var loss = lossFn.forward(net.forward(batch.get(0)), batch.get(1));
            loss.backward();
            if (gradNorms == null) {                         // step 0: |dL/dW| of every Linear, input side first
                var weights = net.namedParameters().entrySet().stream().filter(e -> e.getKey().endsWith("weight")).toList();
                gradNorms = weights.stream().mapToDouble(e -> norm(e.getValue().grad)).toArray();
            }
            opt.step();
            runHistory.step(loss.item());
        }
    }
    double accuracy;
    try (var off = Autograd.noGrad()) {
        accuracy = Metrics.accuracy(net.forward(xTest), yTest);
    }
    double[] s = runHistory.smoothed(WINDOW);
    return new Run(scheme.name(), activation, depth, s, runHistory.stepsTo(TARGET, WINDOW), s[s.length - 1], accuracy, gradNorms);
}
var schemes = List.of(Scheme.normal(1.0), Scheme.uniform(1.0), Scheme.normal(0.01), Scheme.pytorchDefault(),
    Scheme.xavierUniform(), Scheme.kaimingNormal());
int[] depths = {2, 5, 10};
var runs = new ArrayList<Run>();
long gridStart = System.nanoTime();
for (String activation : List.of("tanh", "relu"))
    for (int depth : depths)
        for (var scheme : schemes) runs.add(train(scheme, activation, depth));
printf("36 runs of %d steps in %.1f s%n", STEPS, (System.nanoTime() - gridStart) / 1e9);
Run find(String init, String activation, int depth) {
    return runs.stream().filter(r -> r.init().equals(init) && r.activation().equals(activation) && r.depth() == depth)
        .findFirst().orElseThrow();
}

// The loss curves: one picture per activation, one panel per depth, one line per init (the mean of the last 20 steps).
double[] stepAxis = new double[STEPS];
for (int i = 0; i < STEPS; i++) stepAxis[i] = i;             // step 0: the loss before the first update
for (String activation : List.of("tanh", "relu")) {
    var panels = new ArrayList<Panel>();
    for (int depth : depths) {
        var curves = new ArrayList<Curve>();
        for (var scheme : schemes) curves.add(new Curve(scheme.name(), stepAxis, find(scheme.name(), activation, depth).smoothed()));
        panels.add(Panel.log(depth + " Linear layers, " + activation + " (log scale, losses above 20 left out)",
            "loss, mean of 20 steps", curves).upTo(20));
    }
    Plots.panels("MLP on the digits, SGD (lr 0.05, momentum 0.9), batches of 32: the loss per init", "step", panels,
        activation.equals("tanh") ? "13-loss-tanh" : "13-loss-relu");
}

// The table: steps to the target, the final loss and test accuracy, and the gradients at step 0 beside them.
var table = new LinkedHashMap<String, double[]>();
table.put("depth", runs.stream().mapToDouble(Run::depth).toArray());
table.put("steps to 0.5", runs.stream().mapToDouble(r -> r.stepsToTarget() < 0 ? Double.NaN : r.stepsToTarget()).toArray());
table.put("final loss", runs.stream().mapToDouble(Run::finalLoss).toArray());
table.put("test accuracy", runs.stream().mapToDouble(Run::testAccuracy).toArray());
table.put("|dW| first", runs.stream().mapToDouble(r -> r.gradNorms()[0]).toArray());
table.put("|dW| last", runs.stream().mapToDouble(r -> r.gradNorms()[r.gradNorms().length - 1]).toArray());
table.put("first / last", runs.stream().mapToDouble(Run::gradRatio).toArray());
String[] rowNames = runs.stream().map(r -> r.activation() + ", " + r.init()).toArray(String[]::new);
var results = Tables.columns("36 runs: '-' = never reached (or a loss that became NaN)", "activation, init", rowNames, table);
println(results.printAll());
Tables.writeCsv(results, "13-init-runs");

// Gradient norms per layer at step 0, ten layers deep: what lesson 11 measured, now on a real loss.
double[] layerAxis = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
var gradPanels = new LinkedHashMap<String, Map<String, double[]>>();
for (String activation : List.of("tanh", "relu")) {
    var lines = new LinkedHashMap<String, double[]>();
    for (var scheme : schemes) lines.put(scheme.name(), find(scheme.name(), activation, 10).gradNorms());
    gradPanels.put("|dL/dW| at step 0, 10 Linear layers, " + activation, lines);
}
Plots.logLines("Each layer's weight gradient before the first step, one line per init", "layer (1 = next to the input)",
    "norm (log scale)", layerAxis, gradPanels, "13-grad-norms");

// What the table says, computed from it.
long learnt10 = runs.stream().filter(r -> r.depth() == 10 && r.stepsToTarget() > 0).count();
var tanhXavier10 = find("xavier_uniform", "tanh", 10);
var tanhDefault10 = find("default", "tanh", 10);
var reluKaiming10 = find("kaiming_normal", "relu", 10);
var reluNormal5 = find("N(0, 1²)", "relu", 5);
var small10 = find("N(0, 0.01²)", "tanh", 10);
printf("depth 2: every init reaches a loss of 0.5, in %d to %d steps.%n",
    runs.stream().filter(r -> r.depth() == 2).mapToInt(Run::stepsToTarget).min().orElse(-1),
    runs.stream().filter(r -> r.depth() == 2).mapToInt(Run::stepsToTarget).max().orElse(-1));
printf("depth 10: %d of 12 runs reach it; tanh + xavier_uniform after %d steps (test accuracy %.1f%%),%n"
    + "  tanh + default ends at loss %.2f (%.1f%%); relu + kaiming_normal ends at %.2f (%.1f%%).%n",
    learnt10, tanhXavier10.stepsToTarget(), 100 * tanhXavier10.testAccuracy(), tanhDefault10.finalLoss(),
    100 * tanhDefault10.testAccuracy(), reluKaiming10.finalLoss(), 100 * reluKaiming10.testAccuracy());
printf("relu + N(0, 1²) at depth 5: the first gradient is %.1e, and the loss becomes %s.%n",
    reluNormal5.gradNorms()[0], Double.isNaN(reluNormal5.finalLoss()) ? "NaN (the run blew up)" : String.format("%.2f", reluNormal5.finalLoss()));
printf("N(0, 0.01²) at depth 10: the first layer's gradient is %.1e, and the loss stays at %.3f = ln 10: it guesses.%n",
    small10.gradNorms()[0], small10.finalLoss());
check(runs.stream().filter(r -> r.depth() == 2).allMatch(r -> r.stepsToTarget() > 0), "two layers: every init learns");
check(tanhXavier10.stepsToTarget() > 0 && tanhXavier10.testAccuracy() > 0.8, "ten layers, tanh: Xavier learns");
check(tanhDefault10.stepsToTarget() < 0, "ten layers, tanh: PyTorch's default does not reach 0.5 in 400 steps");
check(reluKaiming10.finalLoss() < tanhDefault10.finalLoss() && reluKaiming10.testAccuracy() > 0.5, "ten layers, relu: Kaiming is learning");
check(Double.isNaN(reluNormal5.finalLoss()) || reluNormal5.finalLoss() > 2, "relu + N(0, 1): the run blows up");
check(Math.abs(small10.finalLoss() - Math.log(10)) < 0.01, "N(0, 0.01²) ten deep: the loss stays at ln 10");
check(small10.gradNorms()[0] < 1e-6, "... because no gradient reaches the first layer");

// 5. A small conv net on the same digits, briefly: the loop is the same, the layers are Conv2d.
Sequential convNet(Scheme scheme) {
    var net = new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new MaxPool2d(2),      // (N, 8, 4, 4)
        new Conv2d(8, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2),                           // (N, 16, 2, 2)
        new Flatten(), new Linear(16 * 2 * 2, 10));
    if (scheme.init() != null) {
        for (var p : net.namedParameters().entrySet()) {
            if (p.getKey().endsWith("weight")) scheme.init().apply(p.getValue());
            else Init.zeros(p.getValue());
        }
    }
    return net;
}
int CONV_STEPS = 200;
var convSchemes = List.of(Scheme.normal(1.0), Scheme.pytorchDefault(), Scheme.kaimingNormal());
var convCurves = new ArrayList<Curve>();
var convGrads = new LinkedHashMap<String, double[]>();
var convAccuracy = new LinkedHashMap<String, Double>();
var xTestImages = xTest.reshape(-1, 1, 8, 8);                 // (449, 1, 8, 8): one channel of 8×8
for (var scheme : convSchemes) {
    Tensor.manualSeed(0);
    var net = convNet(scheme);
    var opt = new SGD(net.parameters(), 0.05, SGD.options().momentum(0.9));
    var convHistory = new History();
    var convLoader = new DataLoader(trainSet, 32, true);
    while (convHistory.steps() < CONV_STEPS) {
        for (var batch : convLoader) {
            if (convHistory.steps() == CONV_STEPS) break;
            opt.zeroGrad();
            var loss = lossFn.forward(net.forward(batch.get(0).reshape(-1, 1, 8, 8)), batch.get(1));
            loss.backward();
            if (convHistory.steps() == 0) {
                convGrads.put(scheme.name(), net.namedParameters().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("weight")).mapToDouble(e -> norm(e.getValue().grad)).toArray());
            }
            opt.step();
            convHistory.step(loss.item());
        }
    }
    convCurves.add(new Curve(scheme.name(), Arrays.copyOf(stepAxis, CONV_STEPS), convHistory.smoothed(WINDOW)));
    try (var off = Autograd.noGrad()) {
        convAccuracy.put(scheme.name(), Metrics.accuracy(net.forward(xTestImages), yTest));
    }
}
Plots.panels("A small conv net on the digits: the loss per init", "step",
    List.of(Panel.log("training loss, mean of the last 20 steps (log scale, above 20 left out)", "loss, mean of 20 steps",
        convCurves).upTo(20)), "13-conv-loss");
var convTable = new LinkedHashMap<String, double[]>();
String[] convLayers = {"conv 1", "conv 2", "linear"};
for (int l = 0; l < 3; l++) {
    int layer = l;
    convTable.put("|dW| " + convLayers[l], convGrads.values().stream().mapToDouble(g -> g[layer]).toArray());
}
convTable.put("test accuracy", convAccuracy.values().stream().mapToDouble(Double::doubleValue).toArray());
println(Tables.columns("conv net: |dL/dW| per layer at step 0, and the test accuracy after " + CONV_STEPS + " steps", "init",
    convGrads.keySet().toArray(String[]::new), convTable).printAll());
check(convAccuracy.get("kaiming_normal") > 0.85, "the conv net with Kaiming's init reads the digits");
check(convAccuracy.get("N(0, 1²)") < 0.5, "with N(0, 1) conv weights it does not learn");
check(convGrads.get("N(0, 1²)")[0] > 10 * convGrads.get("kaiming_normal")[0], "... its first gradients are far too large");

// 6. An LSTM on a sequence task, briefly: is the number of ones in 8 bits odd? The answer needs every step.
var parity = Datasets.parity(768, 8, 0);                      // x (768, 8, 1) bits, y (768) parity
var paritySplit = Datasets.randomSplit(parity, new int[] {512, 256}, new Generator().manualSeed(0));
var seqTest = new DataLoader(paritySplit.get(1), 256).iterator().next();
int SEQ_EPOCHS = 40;
var seqCurves = new ArrayList<Curve>();
var seqTable = new LinkedHashMap<String, double[]>();
var seqSchemes = List.of(Scheme.pytorchDefault(), Scheme.normal(3.0));
for (String column : List.of("|dW_ih|", "|dW_hh|", "|dW| head", "steps to 0.3", "test accuracy")) seqTable.put(column, new double[2]);
for (int k = 0; k < 2; k++) {
    var scheme = seqSchemes.get(k);
    Tensor.manualSeed(0);
    var lstm = new LSTM(1, 16, LSTM.options().batchFirst(true));
    var head = new Linear(16, 2);                             // reads the last step's output
    if (scheme.init() != null) {
        for (var p : lstm.namedParameters().entrySet()) {
            if (p.getKey().startsWith("weight")) scheme.init().apply(p.getValue());
            else Init.zeros(p.getValue());
        }
    }
    var params = new ArrayList<Tensor>(lstm.parameters());
    params.addAll(head.parameters());
    var opt = new Adam(params, 0.02);
    var seqHistory = new History();
    var seqLoader = new DataLoader(paritySplit.get(0), 32, true);
    for (int epoch = 0; epoch < SEQ_EPOCHS; epoch++) {
        for (var batch : seqLoader) {
            opt.zeroGrad();
            var last = lstm.forward(batch.get(0)).output().select(1, 7);   // (32, 16): the output at step 8
            var loss = lossFn.forward(head.forward(last), batch.get(1));
            loss.backward();
            if (seqHistory.steps() == 0) {
                seqTable.get("|dW_ih|")[k] = norm(lstm.getParameter("weight_ih_l0").grad);
                seqTable.get("|dW_hh|")[k] = norm(lstm.getParameter("weight_hh_l0").grad);
                seqTable.get("|dW| head")[k] = norm(head.weight.grad);
            }
            opt.step();
            seqHistory.step(loss.item());
        }
    }
    try (var off = Autograd.noGrad()) {
        seqTable.get("test accuracy")[k] = Metrics.accuracy(head.forward(lstm.forward(seqTest.get(0)).output().select(1, 7)), seqTest.get(1));
    }
    int reached = seqHistory.stepsTo(0.3, WINDOW);
    seqTable.get("steps to 0.3")[k] = reached < 0 ? Double.NaN : reached;
    double[] seqSteps = new double[seqHistory.steps()];
    for (int i = 0; i < seqSteps.length; i++) seqSteps[i] = i;
    seqCurves.add(new Curve(scheme.name(), seqSteps, seqHistory.smoothed(WINDOW)));
}
Plots.panels("An LSTM on 8-bit parity: the loss per init", "step",
    List.of(Panel.log("LSTM(1, 16) + Linear(16, 2), Adam (lr 0.02); log scale", "loss, mean of 20 steps", seqCurves)), "13-lstm-loss");
println(Tables.columns("LSTM: |dL/dW| at step 0, steps to a loss of 0.3, test accuracy after " + SEQ_EPOCHS + " epochs", "init",
    seqSchemes.stream().map(Scheme::name).toArray(String[]::new), seqTable).printAll());
check(seqTable.get("test accuracy")[0] > 0.95, "the LSTM with PyTorch's default init learns parity");
check(seqTable.get("test accuracy")[1] < 0.8, "with N(0, 3²) weights its gates saturate and it does not");

// 7. Export the MLP of section 2 (lesson 10's interop), with the test set, and the PyTorch program that checks it.
var outDir = Files.createDirectories(OutputDirectory.path());
var weightsFile = outDir.resolve("13-mlp.safetensors");
var testFile = outDir.resolve("13-digits-test.safetensors");
model.save(weightsFile);
SafeTensors.write(testFile, Map.of("x", xTest, "y", yTest));
String pytorchCheck = PyTorchCode.program(model, weightsFile.toString()) +
    "test = load_file(\"" + testFile + "\")\n" +
    "with torch.no_grad():\n" +
    "    right = (model(test[\"x\"]).argmax(1) == test[\"y\"].long()).sum().item()\n" +
    "print(f\"PyTorch: {right} of {len(test['y'])} test digits right\")\n";
var checkFile = outDir.resolve("13-check-in-pytorch.py");
Files.writeString(checkFile, pytorchCheck);
println(pytorchCheck);
println("Run it where PyTorch is installed:  python3 " + checkFile);
// What it prints is what the same weights give here: loaded back into a fresh MLP, they read the same digits.
var reloaded = new Sequential(new Linear(64, 64), new ReLU(), new Linear(64, 10));
reloaded.load(weightsFile.toString());
int[] ours = Metrics.predictions(testScores);
int[] again;
try (var off = Autograd.noGrad()) {
    again = Metrics.predictions(reloaded.forward(SafeTensors.load(testFile).get("x")));
}
int right = (int) Math.round(confusion.accuracy() * confusion.total());
printf("Expected from PyTorch: %d of %d test digits right (%.1f%%), the same predictions as here.%n", right, confusion.total(),
    100 * confusion.accuracy());
check(Arrays.equals(ours, again), "the saved weights predict exactly what the trained model predicted");
println("Lesson 13 done. Next: the exercises, ./workbook grade 13");
