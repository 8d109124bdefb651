# The PyTorch side of ./workbook bench: the same cases, timed on request, one line per answer.
# Started by layerwise.workbook.TorchSide as: python3 -u torch_bench.py THREADS
# Protocol (stdin -> stdout):  setup CASE -> "ok SECONDS_PER_RUN" (after >= 1 s of warm-up)
#                              run CASE REPS -> "times T1 T2 ..." (seconds)
import sys
import time

threads = int(sys.argv[1])
try:
    import torch
except Exception as e:  # no torch: the Java side prints "na"
    print("unavailable " + str(e).replace("\n", " "), flush=True)
    sys.exit(0)
torch.set_num_threads(threads)
torch.manual_seed(0)


def blas_libraries():
    """The BLAS and oneDNN libraries this process has loaded (after one product), as the kernel maps them."""
    torch.mm(torch.rand(64, 64), torch.rand(64, 64))
    names = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                name = line.rsplit("/", 1)[-1].strip()
                if any(k in name.lower() for k in ("blas", "mkl", "dnnl", "lapack")) and ".so" in name:
                    names.add(name)
    except OSError:
        return "unknown"
    return ",".join(sorted(names)) or "unknown"


print("ready " + torch.__version__ + " threads=" + str(torch.get_num_threads()) + " blas=" + blas_libraries(), flush=True)


def make(name):
    if name == "gemm1024":
        a, b = torch.rand(1024, 1024), torch.rand(1024, 1024)
        return lambda: torch.mm(a, b)
    if name == "linear64x1024":
        lin, x = torch.nn.Linear(1024, 1024), torch.randn(64, 1024)
        return lambda: lin(x)
    if name == "conv8x64x56":
        conv, x = torch.nn.Conv2d(64, 64, 3, padding=1), torch.randn(8, 64, 56, 56)
        return lambda: conv(x)
    if name == "lstm32x50":
        m, x = torch.nn.LSTM(128, 256), torch.randn(50, 32, 128)
        return lambda: m(x)
    if name == "gru32x50":
        m, x = torch.nn.GRU(128, 256), torch.randn(50, 32, 128)
        return lambda: m(x)
    # forward + backward: y = layer(x); y.backward(g), with grads on (the loop below runs under no_grad)
    if name == "linear64x1024_bwd":
        m, x, g = torch.nn.Linear(1024, 1024), torch.randn(64, 1024, requires_grad=True), torch.randn(64, 1024)
        return lambda: train(lambda: m(x), g)
    if name == "conv8x64x56_bwd":
        m, x = torch.nn.Conv2d(64, 64, 3, padding=1), torch.randn(8, 64, 56, 56, requires_grad=True)
        g = torch.randn(8, 64, 56, 56)
        return lambda: train(lambda: m(x), g)
    if name == "lstm32x50_bwd":
        m, x, g = torch.nn.LSTM(128, 256), torch.randn(50, 32, 128, requires_grad=True), torch.randn(50, 32, 256)
        return lambda: train(lambda: m(x)[0], g)
    # one training step: zero_grad, forward, cross-entropy, backward, SGD step (the input is data: no grad)
    if name == "mlp_step":
        m = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 10))
        x, y = torch.randn(64, 784), torch.randint(10, (64,))
        return step(m.parameters(), lambda: m(x), y)
    if name == "cnn_step":
        m = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Flatten(), torch.nn.Linear(1568, 10))
        x, y = torch.randn(32, 1, 28, 28), torch.randint(10, (32,))
        return step(m.parameters(), lambda: m(x), y)
    if name == "lstm_step":
        lstm, head = torch.nn.LSTM(128, 256), torch.nn.Linear(256, 10)
        x, y = torch.randn(50, 32, 128), torch.randint(10, (32,))
        return step(list(lstm.parameters()) + list(head.parameters()), lambda: head(lstm(x)[0][-1]), y)
    raise ValueError(name)


def step(params, forward, y):
    sgd, loss = torch.optim.SGD(params, lr=0.01), torch.nn.CrossEntropyLoss()

    def run():
        with torch.enable_grad():
            sgd.zero_grad()
            loss(forward(), y).backward()
            sgd.step()
    return run


def train(forward, g):
    with torch.enable_grad():
        forward().backward(g)


cases = {}
with torch.no_grad():
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "setup":
            f = make(cmd[1])
            cases[cmd[1]] = f
            start, runs = time.perf_counter(), 0
            while runs < 3 or time.perf_counter() - start < 1.0:
                f()
                runs += 1
            print("ok %.9f" % ((time.perf_counter() - start) / runs), flush=True)
        elif cmd[0] == "run":
            f, times = cases[cmd[1]], []
            for _ in range(int(cmd[2])):
                t0 = time.perf_counter()
                f()
                times.append(time.perf_counter() - t0)
            print("times " + " ".join("%.9f" % t for t in times), flush=True)
