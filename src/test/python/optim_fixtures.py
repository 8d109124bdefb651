#!/usr/bin/python3
"""Prints OptimizerParityTest's constants and PYTORCH entries: parameters after steps 1 and 3 of each
optimizer of PyTorch 1.13 (foreach=False) on fixed gradients.
The build never runs this; paste its output into the test.  Run:

    /usr/bin/python3 src/test/python/optim_fixtures.py
"""
# Records parameter values after optimizer steps on fixed gradients (PyTorch 1.13, foreach=False).
import torch, numpy as np
def f(v):
    r = repr(np.float32(v)); return (r[len('np.float32('):-1] if r.startswith('np.') else r) + 'f'
def arr(t): return '{' + ', '.join(f(v) for v in t.detach().reshape(-1).tolist()) + '}'
g = torch.Generator().manual_seed(7)
P0 = (torch.randn(2, 3, generator=g) * 0.5)
P1 = (torch.randn(20, generator=g) * 0.5)
G = [(torch.randn(2, 3, generator=g), torch.randn(20, generator=g)) for _ in range(3)]
if __name__ == '__main__':
    print('    static final float[] P0 = %s;' % arr(P0))
    print('    static final float[] P1 = %s;' % arr(P1))
    for k, (a, b) in enumerate(G):
        print('    static final float[][] G%d = {%s, %s};' % (k, arr(a), arr(b)))
    cases = [
        ('sgd', lambda ps: torch.optim.SGD(ps, lr=0.1)),
        ('sgd momentum dampening weight_decay', lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)),
        ('sgd nesterov maximize', lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.8, nesterov=True, maximize=True)),
        ('adam', lambda ps: torch.optim.Adam(ps, lr=0.01)),
        ('adam weight_decay amsgrad maximize', lambda ps: torch.optim.Adam(ps, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, amsgrad=True, maximize=True)),
        ('adamw', lambda ps: torch.optim.AdamW(ps, lr=0.01)),
        ('adamw amsgrad', lambda ps: torch.optim.AdamW(ps, lr=0.03, weight_decay=0.5, amsgrad=True)),
        ('rmsprop', lambda ps: torch.optim.RMSprop(ps, lr=0.01)),
        ('rmsprop centered momentum weight_decay', lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True)),
    ]
    for name, make in cases:
        ps = [P0.clone().requires_grad_(), P1.clone().requires_grad_()]
        opt = make(ps)
        after = []
        for a, b in G:
            ps[0].grad = a.clone(); ps[1].grad = b.clone()
            opt.step()
            after.append([p.detach().clone() for p in ps])
        print('            entry("%s", new float[][][] {' % name)
        for s in (0, 2):
            print('                    {%s,\n                     %s},' % (arr(after[s][0]), arr(after[s][1])))
        print('            }),')
