#!/usr/bin/python3
"""Records short PyTorch 1.13 training runs, so TrainingReplayTest (and `./workbook parity`) can replay them.

The build never runs this script: its output is committed under
src/test/resources/fixtures/pytorch-1.13/training/.  To remake it:

    /usr/bin/python3 src/test/python/gen_training_fixtures.py [OUT_DIR]

Two runs write byte-identical files.  Each run: torch.manual_seed(init_seed), build the model (PyTorch's
default init); a fixed data set drawn from torch.Generator(data_seed), classes from a fixed random linear
teacher so the loss can fall; torch.manual_seed(loader_seed), then a DataLoader(batch_size=8, shuffle=True,
drop_last=False) over the N samples, and `steps` steps of: zero_grad, CrossEntropyLoss forward on the
minibatch, backward, optimizer.step(), taking a fresh iter(loader) (a new epoch) whenever one runs out.
With N = 36 an epoch is 8, 8, 8, 8, 4 samples, so the short last batch is trained on too.

Each <case>.safetensors holds (all float32; indices and classes are whole numbers, exact in float32):
  init.<key>          the model's state dict before training (PyTorch's key names: "init.0.weight")
  data.input          the N samples, [N, 8] (MLP) or [N, 1, 8, 8] (conv net)
  data.target         their classes, [N]
  loss                the loss of each step's minibatch, before that step's update, [steps]
  batch.indices       the sample indices of every minibatch, concatenated in step order
  batch.sizes         the size of each step's minibatch, [steps] (so batch.indices splits into steps)
  final.<key>         the state dict after the last step
  optim.<i>.<name>    the optimizer's state of parameter i (model.parameters() order): SGD's
                      "momentum_buffer"; Adam's "step" (a 0-d float32 tensor in 1.13), "exp_avg", "exp_avg_sq"
__metadata__ (string -> string):
  kind "training"; case; torch_version; module "Sequential" and its children under "0.module",
  "0.in_features", ... as gen_fixtures.py writes them (every constructor argument explicit);
  loss "CrossEntropyLoss"; optimizer "SGD" or "Adam" and its hyperparameters under PyTorch's names
  ("lr", "momentum", "dampening", "weight_decay", "nesterov", "betas" as "[0.9, 0.999]", "eps", "amsgrad",
  "maximize", "foreach" false: 1.13's per-tensor loop); steps, batch_size, shuffle, drop_last;
  init_seed, data_seed, loader_seed;
  f32_vs_f64.loss, f32_vs_f64.final, f32_vs_f64.optim: the largest |float32 - float64| of each quantity
  when the same run (same start, same batches) is repeated in float64 -- how far float32 rounding alone
  moves the numbers over the run, a scale for the tolerance a float32 replay needs.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_fixtures import build, enc, full_args, metadata_args, read_safetensors, write_safetensors  # noqa: E402

N_SAMPLES = 36
BATCH_SIZE = 8
STEPS = 20
N_CLASSES = 3

MLP = ('Sequential', dict(children=[('Linear', dict(in_features=8, out_features=16)), ('ReLU', {}),
                                    ('Linear', dict(in_features=16, out_features=16)), ('Tanh', {}),
                                    ('Linear', dict(in_features=16, out_features=N_CLASSES))]))
CONV = ('Sequential', dict(children=[('Conv2d', dict(in_channels=1, out_channels=4, kernel_size=3, padding=1)),
                                     ('ReLU', {}), ('MaxPool2d', dict(kernel_size=2)), ('Flatten', {}),
                                     ('Linear', dict(in_features=4 * 4 * 4, out_features=N_CLASSES))]))

SGD = ('SGD', dict(lr=0.05, momentum=0.9, dampening=0.0, weight_decay=0.001, nesterov=False, maximize=False,
                   foreach=False))
ADAM = ('Adam', dict(lr=0.01, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, amsgrad=False, maximize=False,
                     foreach=False))

# case, model, sample shape, optimizer, init_seed, data_seed, loader_seed
CASES = [
    ('mlp_sgd_momentum', MLP, (8,), SGD, 0, 100, 1000),
    ('mlp_adam', MLP, (8,), ADAM, 1, 101, 1001),
    ('conv_sgd_momentum', CONV, (1, 8, 8), SGD, 2, 102, 1002),
    ('conv_adam', CONV, (1, 8, 8), ADAM, 3, 103, 1003),
]
OPTIMIZERS = {'SGD': torch.optim.SGD, 'Adam': torch.optim.Adam}


class Indexed(Dataset):
    """(index, sample, class): the default collate turns a batch into (indices, inputs, targets)."""

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return i, self.x[i], self.y[i]


def make_data(shape, seed):
    """N standard-normal samples, and the class a fixed random linear teacher gives each (learnable)."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn((N_SAMPLES,) + shape, generator=g)
    teacher = torch.randn(int(np.prod(shape)), N_CLASSES, generator=g)
    y = (x.reshape(N_SAMPLES, -1) @ teacher).argmax(dim=1)
    return x, y


def train(model, optimizer, x, y, batches):
    """Trains on the given minibatches (lists of indices); returns the per-step losses."""
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    for idx in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def loader_batches(x, y, loader_seed):
    """The first STEPS minibatches of a shuffling DataLoader, as index lists, from torch.manual_seed(loader_seed)."""
    torch.manual_seed(loader_seed)
    loader = DataLoader(Indexed(x, y), batch_size=BATCH_SIZE, shuffle=True, drop_last=False)
    batches = []
    while len(batches) < STEPS:
        for idx, _, _ in loader:              # each `for` is a new iter(loader): a new shuffle
            batches.append(idx.tolist())
            if len(batches) == STEPS:
                break
    return batches


def optim_state(model, optimizer):
    """optimizer.state as (name, tensor) pairs, "optim.<parameter index>.<state name>"."""
    out = []
    for i, p in enumerate(model.parameters()):
        for name, value in optimizer.state[p].items():
            out.append((f'optim.{i}.{name}', value.detach().clone()))
    return out


def run(name, model_spec, shape, optim_spec, init_seed, data_seed, loader_seed):
    module, args = model_spec
    args = full_args(module, args)
    torch.manual_seed(init_seed)
    model = build(module, args)
    init = {k: v.detach().clone() for k, v in model.state_dict().items()}
    x, y = make_data(shape, data_seed)

    # The batches are taken the way a training script takes them, inside the loop: the loader's draws from
    # the global generator come between the steps, and training draws nothing (no dropout), so drawing them
    # first gives the same batches (checked below against a loop that draws as it trains).
    batches = loader_batches(x, y, loader_seed)
    oname, oargs = optim_spec
    optimizer = OPTIMIZERS[oname](model.parameters(), **oargs)
    losses = train(model, optimizer, x, y, batches)
    assert losses == interleaved_losses(module, args, init_seed, x, y, loader_seed, optim_spec), name

    # The same run in float64, same start and batches: how much float32 rounding alone moves each quantity.
    model64 = build(module, args).double()
    model64.load_state_dict({k: v.double() for k, v in init.items()})
    optimizer64 = OPTIMIZERS[oname](model64.parameters(), **oargs)
    losses64 = train(model64, optimizer64, x.double(), y, batches)
    f64 = dict(loss=max(abs(a - b) for a, b in zip(losses, losses64)),
               final=max_diff(model.state_dict().values(), model64.state_dict().values()),
               optim=max_diff([t for _, t in optim_state(model, optimizer)],
                              [t for _, t in optim_state(model64, optimizer64)]))

    tensors = [('init.' + k, v.numpy()) for k, v in init.items()]
    tensors += [('data.input', x.numpy()), ('data.target', y.float().numpy()),
                ('loss', np.array(losses, dtype=np.float32)),
                ('batch.indices', np.array([i for b in batches for i in b], dtype=np.float32)),
                ('batch.sizes', np.array([len(b) for b in batches], dtype=np.float32))]
    tensors += [('final.' + k, v.detach().numpy()) for k, v in model.state_dict().items()]
    tensors += [(k, v.numpy()) for k, v in optim_state(model, optimizer)]

    meta = {'kind': 'training', 'case': name, 'torch_version': torch.__version__, 'module': module}
    meta.update(metadata_args(module, args))
    meta.update({'loss': 'CrossEntropyLoss', 'optimizer': oname})
    meta.update({k: enc(v) for k, v in oargs.items()})
    meta.update({'steps': str(STEPS), 'batch_size': str(BATCH_SIZE), 'shuffle': 'true', 'drop_last': 'false',
                 'init_seed': str(init_seed), 'data_seed': str(data_seed), 'loader_seed': str(loader_seed)})
    meta.update({'f32_vs_f64.' + k: '%.3e' % v for k, v in f64.items()})
    return tensors, meta, f64, losses


def interleaved_losses(module, args, init_seed, x, y, loader_seed, optim_spec):
    """The same run written the usual way (the loader iterated inside the training loop): its losses."""
    torch.manual_seed(init_seed)
    model = build(module, args)
    torch.manual_seed(loader_seed)
    loader = DataLoader(Indexed(x, y), batch_size=BATCH_SIZE, shuffle=True, drop_last=False)
    optimizer = OPTIMIZERS[optim_spec[0]](model.parameters(), **optim_spec[1])
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    while len(losses) < STEPS:
        for _, xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break
    return losses


def max_diff(a, b):
    return max(float((p.double() - q.double()).abs().max()) for p, q in zip(a, b))


DEFAULT_OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, 'resources', 'fixtures',
                               'pytorch-1.13', 'training')


def main():
    if os.environ.get('PYTHONHASHSEED') != '0':
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED='0'))
    outdir = os.path.normpath(sys.argv[1] if len(sys.argv) == 2 else DEFAULT_OUT_DIR)
    os.makedirs(outdir, exist_ok=True)
    torch.set_num_threads(1)
    for case in CASES:
        tensors, meta, f64, losses = run(*case)
        path = os.path.join(outdir, case[0] + '.safetensors')
        write_safetensors(path, tensors, meta)
        back, back_meta = read_safetensors(path)
        assert back_meta == meta and list(back) == [n for n, _ in tensors], path
        for n, t in tensors:
            assert np.array_equal(back[n], np.asarray(t, dtype=np.float32)), (path, n)
        print('%-20s loss %.4f -> %.4f   f32 vs f64: loss %.1e, final %.1e, optim %.1e'
              % (case[0], losses[0], losses[-1], f64['loss'], f64['final'], f64['optim']))


if __name__ == '__main__':
    main()
