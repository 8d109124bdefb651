#!/usr/bin/python3
"""Prints LossParityTest's PYTORCH entries: each loss (and softmax) of PyTorch 1.13 on small literal
inputs, its value, the gradient of sum(out * [1, 2, 3, ...]) and the grad_fn's name.
The build never runs this; paste its output into the test.  Run:

    /usr/bin/python3 src/test/python/loss_fixtures.py
"""
import torch, torch.nn.functional as F
X = [[0.5, -1.25, 2.0, 0.125], [-0.75, 1.5, 0.25, -2.0], [1.0, 0.0, -0.5, 3.0]]
T = [1, 0, 3]
P = [[0.1, 0.2, 0.3, 0.4], [0.7, 0.1, 0.1, 0.1], [0.0, 0.0, 1.0, 0.0]]
W = [0.5, 1.0, 2.0, 1.5]
Y = [[0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 0.5, 1.0], [0.0, 0.25, 1.0, 1.0]]
PR = [[0.9, 0.2, 0.6, 0.01], [0.3, 0.999, 0.5, 0.75], [0.05, 0.4, 0.8, 1.0]]
X3 = [[[0.2, -0.3], [1.1, 0.4], [-0.6, 2.2]], [[0.0, 0.9], [-1.3, 0.5], [0.8, -0.1]]]
T3 = [[2, 0], [1, 2]]
UP = [[1.0, -2.0, 0.5, 3.0], [0.25, 1.5, -1.0, 2.0], [-0.5, 1.0, 2.5, -1.5]]
import numpy as np
def f(v):
    r = repr(np.float32(v))
    r = r[len('np.float32('):-1] if r.startswith('np.') else r
    return r + 'f'
def arr(t): return '{' + ', '.join(f(v) for v in t.detach().reshape(-1).tolist()) + '}'
def case(name, fn, inp):
    x = torch.tensor(inp, requires_grad=True)
    out = fn(x)
    up = torch.arange(1, out.numel() + 1, dtype=torch.float32).reshape(out.shape)
    (out * up).sum().backward()
    print('            entry("%s", torch("%s", new float[] %s,\n                    new float[] %s)),' % (name, type(out.grad_fn).__name__, arr(out), arr(x.grad)))
t = torch.tensor(T); w = torch.tensor(W); p = torch.tensor(P)
for r in ['mean', 'sum', 'none']:
    case('mse ' + r, lambda x: F.mse_loss(x, torch.tensor(PR), reduction=r), X)
    case('l1 ' + r, lambda x: F.l1_loss(x, torch.tensor(PR), reduction=r), X)
    case('ce ' + r, lambda x: F.cross_entropy(x, t, reduction=r), X)
    case('ce weight ignore ' + r, lambda x: F.cross_entropy(x, t, weight=w, ignore_index=0, reduction=r), X)
    case('ce smoothing ' + r, lambda x: F.cross_entropy(x, t, label_smoothing=0.2, reduction=r), X)
    case('ce smoothing weight ignore ' + r, lambda x: F.cross_entropy(x, t, weight=w, ignore_index=3, label_smoothing=0.3, reduction=r), X)
    case('ce probabilities ' + r, lambda x: F.cross_entropy(x, p, reduction=r), X)
    case('ce probabilities weight smoothing ' + r, lambda x: F.cross_entropy(x, p, weight=w, label_smoothing=0.1, reduction=r), X)
    case('ce 3d ' + r, lambda x: F.cross_entropy(x, torch.tensor(T3), reduction=r), X3)
    case('nll weight ' + r, lambda x: F.nll_loss(x, t, weight=w, reduction=r), X)
    case('bce ' + r, lambda x: F.binary_cross_entropy(x, torch.tensor(Y), reduction=r), PR)
    case('bce weight ' + r, lambda x: F.binary_cross_entropy(x, torch.tensor(Y), weight=torch.tensor(W), reduction=r), PR)
    case('bce logits ' + r, lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor(Y), reduction=r), X)
    case('bce logits weight pos_weight ' + r, lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor(Y), weight=torch.tensor([1.0, 0.5, 2.0]).reshape(3, 1), pos_weight=torch.tensor(W), reduction=r), X)
case('ce single', lambda x: F.cross_entropy(x, torch.tensor(2)), X[0])
case('ce single smoothing', lambda x: F.cross_entropy(x, torch.tensor(2), label_smoothing=0.25), X[0])
case('softmax 1', lambda x: F.softmax(x, 1), X)
case('softmax 0', lambda x: F.softmax(x, 0), X)
case('log_softmax 1', lambda x: F.log_softmax(x, 1), X)
case('log_softmax -1 3d', lambda x: F.log_softmax(x, 1), X3)
case('bce logits large', lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor([1.0, 0.0, 1.0, 0.0]), reduction='none'), [80.0, 80.0, -80.0, -80.0])
case('ce large', lambda x: F.cross_entropy(x, torch.tensor([0, 1])), [[1000.0, -1000.0, 0.0], [50.0, 60.0, 70.0]])
