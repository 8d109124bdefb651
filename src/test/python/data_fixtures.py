#!/usr/bin/python3
"""Prints the constants of RandpermTest, DataLoaderTest, RandomSplitTest and DatasetsTest: torch.randperm, int64 random_()
draws, DataLoader index orders, random_split orders and the generated sets' PyTorch recipes (PyTorch 1.13, CPU).
The build never runs this; paste its output into the tests.  Run:

    /usr/bin/python3 src/test/python/data_fixtures.py
"""
import torch
from torch.utils.data import DataLoader, random_split

MASK = (1 << 64) - 1


def digest(values):
    """h = h * 1000003 + v (mod 2^64), printed as a Java long: a whole permutation in one number."""
    h = 0
    for v in values:
        h = (h * 1000003 + v) & MASK
    return str(h - (1 << 64) if h >= 1 << 63 else h) + 'L'


def ints(values):
    return '{' + ', '.join(str(v) for v in values) + '}'


def next_int64():
    return torch.empty((), dtype=torch.int64).random_().item()


print('    // randperm(n) after torch.manual_seed(seed): {seed, n, first 8, digest, next int64 random_() draw}')
for seed in (0, 1, 42, 2024):
    for n in (1, 2, 10, 100, 1797, 5000):
        torch.manual_seed(seed)
        p = torch.randperm(n).tolist()
        after = next_int64()
        print('    {%d, %d, %s, %s, %dL},' % (seed, n, ints(p[:8]), digest(p), after))

print('    // full permutations for small n: {seed, n, perm...}')
for seed in (0, 7):
    for n in (1, 2, 10, 100):
        torch.manual_seed(seed)
        print('    {%d, %d, %s},' % (seed, n, ints(torch.randperm(n).tolist())))

print('    // randperm(n, generator=torch.Generator().manual_seed(seed)): {seed, n, first 8, digest}')
for seed in (123, 5, 2**40 + 3, 900450186894289455):
    for n in (10, 1797, 5000):
        g = torch.Generator().manual_seed(seed)
        p = torch.randperm(n, generator=g).tolist()
        print('    {%dL, %d, %s, %s},' % (seed, n, ints(p[:8]), digest(p)))

print('    // torch.manual_seed(seed); five int64 random_() draws')
for seed in (0, 1, 42, 2**32 + 5):
    torch.manual_seed(seed)
    print('    {%dL, %s},' % (seed, ', '.join('%dL' % next_int64() for _ in range(5))))

print('    // DataLoader(range(n), batch_size, shuffle=True, drop_last) after torch.manual_seed(seed), two epochs;')
print('    // then the next int64 draw of the global generator')
for seed, n, bs, drop in [(0, 10, 4, False), (0, 10, 4, True), (1, 10, 5, False), (3, 7, 2, True),
                          (42, 25, 8, False), (42, 25, 8, True), (2024, 1, 1, False), (9, 13, 13, True),
                          (11, 100, 16, False)]:
    torch.manual_seed(seed)
    loader = DataLoader(list(range(n)), batch_size=bs, shuffle=True, drop_last=drop)
    epochs = [[b.tolist() for b in loader] for _ in range(2)]
    after = next_int64()
    flat = ['{' + ', '.join(ints(b) for b in e) + '}' for e in epochs]
    print('    // seed %d, n %d, batch %d, drop_last %s: %s | %s | next %dL' % (seed, n, bs, drop, flat[0], flat[1], after))

print('    // shuffle=False still draws _base_seed: torch.manual_seed(5); one epoch of DataLoader(range(6), 4); next draw')
torch.manual_seed(5)
print('    //', [b.tolist() for b in DataLoader(list(range(6)), batch_size=4)], next_int64())

print('    // DataLoader(range(n), batch_size, shuffle=True, generator=torch.Generator().manual_seed(s)), two epochs,')
print('    // then one int64 draw from that generator')
for s, n, bs in [(5, 10, 4), (77, 9, 3)]:
    g = torch.Generator().manual_seed(s)
    loader = DataLoader(list(range(n)), batch_size=bs, shuffle=True, generator=g)
    epochs = [[b.tolist() for b in loader] for _ in range(2)]
    print('    //', s, n, bs, epochs, torch.empty((), dtype=torch.int64).random_(generator=g).item())

print('    // random_split(range(n), lengths, generator=torch.Generator().manual_seed(s)) indices')
for n, lengths, s in [(10, [3, 7], 42), (30, [0.3, 0.3, 0.4], 42), (10, [0.33, 0.33, 0.34], 1), (1797, [0.8, 0.2], 0)]:
    parts = random_split(list(range(n)), lengths, generator=torch.Generator().manual_seed(s))
    print('    //', n, lengths, s, [len(p) for p in parts], [p.indices[:8] for p in parts], [digest(p.indices) for p in parts])

print('    // parity: g = torch.Generator().manual_seed(s); x = (torch.rand(n, L, 1, generator=g) < 0.5).float();')
print('    // y = x.sum((1, 2)) % 2 -> {s, n, L, ones in x, odd labels, first sequence}')
for s, n, L in [(0, 512, 8), (3, 100, 12)]:
    g = torch.Generator().manual_seed(s)
    x = (torch.rand(n, L, 1, generator=g) < 0.5).float()
    y = x.sum((1, 2)) % 2
    print('    {%d, %d, %d, %d, %d, %s},' % (s, n, L, int(x.sum()), int(y.sum()), ints([int(v) for v in x[0, :, 0].tolist()])))

print('    // spirals(perClass=5, classes=3, seed=1), the torch recipe: x rows')
g = torch.Generator().manual_seed(1)
rows = []
for c in range(3):
    r = torch.linspace(0, 1, 5)
    t = torch.linspace(4 * c, 4 * c + 4, 5) + torch.randn(5, generator=g) * 0.2
    rows.append(torch.stack([r * torch.sin(t), r * torch.cos(t)], 1))
print('    ' + ', '.join('%.7ff' % v for v in torch.cat(rows).reshape(-1).tolist()))

print('    // moons(n=7, noise=0.1, seed=2), the torch recipe: x rows, then y')
import math
n, noise = 7, 0.1
g = torch.Generator().manual_seed(2)
outer, inner = n // 2, n - n // 2
so = torch.linspace(0, math.pi, outer, dtype=torch.float64)
si = torch.linspace(0, math.pi, inner, dtype=torch.float64)
X = torch.cat([torch.stack([so.cos(), so.sin()], 1), torch.stack([1 - si.cos(), 1 - si.sin() - 0.5], 1)]).float()
Y = torch.cat([torch.zeros(outer), torch.ones(inner)])
perm = torch.randperm(n, generator=g)
X = X[perm] + noise * torch.randn(n, 2, generator=g)
print('    ' + ', '.join('%.7ff' % v for v in X.reshape(-1).tolist()))
print('    ' + ', '.join('%.0ff' % v for v in Y[perm].tolist()))
