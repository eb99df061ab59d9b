"""Fixtures for the neural-network layers, activations and losses, computed by PyTorch (float64, CPU).

nn_torch.json: one case per call. Each case holds a Kiso expression over inputs a0, a1, … (`call`),
    the inputs, PyTorch's output of the same call, a fixed random cotangent of the output's shape, and
    PyTorch's gradients of sum(output · cotangent) with respect to the inputs listed in `wrt`. The
    test (Tests/KisoLangTests/NNTorchFixtureTests.swift) evaluates the same call in Kiso, takes the
    same gradient with `grad`, and compares both.
nn_fans.json: PyTorch's fan_in / fan_out of weight shapes (torch.nn.init), for the initialisers.

Run: python3 scripts/gen_nn_fixtures.py   (needs torch: pip install torch)
"""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch.func import functional_call

from fixturelib import tensor, write

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(1212)
cases = []


def randn(*shape, scale=1.0):
    # Two decimals keep the fixture small; the inputs are exact either way.
    return torch.tensor(np.round(rng.standard_normal(shape) * scale, 2))


def uniform(lo, hi, *shape):
    return torch.tensor(np.round(rng.uniform(lo, hi, shape), 2))


def short(t):
    """A result with ten significant digits (the test compares to rtol 1e-8)."""
    a = t.detach().numpy()
    if a.dtype != np.float64:
        return tensor(a)
    return tensor(np.array([float("%.10g" % v) for v in a.reshape(-1)]).reshape(a.shape))


def ints(high, *shape):
    return torch.tensor(rng.integers(0, high, shape), dtype=torch.int64)


def case(name, call, fn, inputs, wrt=None):
    """Records `fn(*inputs)` and its gradients; `wrt` defaults to every float input."""
    inputs = [x.clone() for x in inputs]
    if wrt is None:
        wrt = [i for i, x in enumerate(inputs) if x.dtype == torch.float64]
    leaves = [x.clone().requires_grad_(i in wrt) for i, x in enumerate(inputs)]
    out = fn(*leaves)
    entry = {"name": name, "call": call, "inputs": [tensor(x.detach().numpy()) for x in inputs], "wrt": wrt}
    entry["output"] = short(out)
    if wrt and out.dtype == torch.float64:
        cotangent = randn(*out.shape)
        grads = torch.autograd.grad((out * cotangent).sum(), [leaves[i] for i in wrt], allow_unused=True)
        entry["cotangent"] = tensor(cotangent.numpy())
        entry["grads"] = [
            short(g if g is not None else torch.zeros_like(leaves[i])) for i, g in zip(wrt, grads)
        ]
    else:
        entry["wrt"] = []
    cases.append(entry)


# ---------------------------------------------------------------- convolution

case("conv2d with bias", "conv2d(a0, a1, a2)", lambda x, w, b: F.conv2d(x, w, b),
     [randn(2, 2, 4, 4), randn(3, 2, 3, 3), randn(3)])
case("conv2d stride 2 padding 1", "conv2d(a0, a1, stride=2, padding=1)",
     lambda x, w: F.conv2d(x, w, stride=2, padding=1), [randn(1, 2, 6, 5), randn(3, 2, 3, 3)])
case("conv2d pairs and dilation", "conv2d(a0, a1, stride=[2, 1], padding=[1, 2], dilation=2)",
     lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=(1, 2), dilation=2), [randn(1, 2, 7, 7), randn(2, 2, 3, 2)])
case("conv2d same with an even kernel", "conv2d(a0, a1, a2, padding=\"same\")",
     lambda x, w, b: F.conv2d(x, w, b, padding="same"), [randn(1, 1, 6, 6), randn(2, 1, 4, 3), randn(2)])
case("conv2d same dilated", "conv2d(a0, a1, padding=\"same\", dilation=2)",
     lambda x, w: F.conv2d(x, w, padding="same", dilation=2), [randn(1, 2, 6, 6), randn(2, 2, 3, 3)])
case("conv2d valid with groups", "conv2d(a0, a1, padding=\"valid\", groups=2)",
     lambda x, w: F.conv2d(x, w, padding="valid", groups=2), [randn(1, 4, 4, 4), randn(6, 2, 3, 3)])
case("conv2d unbatched", "conv2d(a0, a1, a2, padding=1)", lambda x, w, b: F.conv2d(x, w, b, padding=1),
     [randn(3, 5, 5), randn(2, 3, 3, 3), randn(2)])
case("conv1d stride 2 padding 1", "conv1d(a0, a1, a2, stride=2, padding=1)",
     lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1), [randn(2, 3, 8), randn(4, 3, 3), randn(4)])
case("conv1d same", "conv1d(a0, a1, padding=\"same\")", lambda x, w: F.conv1d(x, w, padding="same"),
     [randn(1, 2, 7), randn(3, 2, 4)])
case("conv1d unbatched with groups and dilation", "conv1d(a0, a1, groups=2, dilation=2)",
     lambda x, w: F.conv1d(x, w, groups=2, dilation=2), [randn(4, 6), randn(4, 2, 2)])
case("conv1d of the course's signal", "conv1d(a0, a1)", lambda x, w: F.conv1d(x, w),
     [torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]]), torch.tensor([[[0.5, 1.0, 0.5]]])])
case("conv_transpose2d", "conv_transpose2d(a0, a1, a2, stride=2, padding=1, output_padding=1)",
     lambda x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1),
     [randn(1, 2, 3, 3), randn(2, 2, 3, 3), randn(2)])
case("conv_transpose2d groups and dilation", "conv_transpose2d(a0, a1, groups=2, dilation=2)",
     lambda x, w: F.conv_transpose2d(x, w, groups=2, dilation=2), [randn(1, 4, 3, 4), randn(4, 1, 2, 2)])
case("conv_transpose2d unbatched", "conv_transpose2d(a0, a1, stride=[1, 2])",
     lambda x, w: F.conv_transpose2d(x, w, stride=(1, 2)), [randn(2, 3, 2), randn(2, 3, 2, 3)])
case("unfold", "unfold(a0, [2, 3], padding=1, stride=[2, 1])",
     lambda x: F.unfold(x, (2, 3), padding=1, stride=(2, 1)), [randn(1, 2, 5, 4)])
case("unfold dilated", "unfold(a0, 2, dilation=2)", lambda x: F.unfold(x, 2, dilation=2), [randn(1, 2, 4, 4)])

# ---------------------------------------------------------------- pooling

case("max_pool2d", "max_pool2d(a0, 2)", lambda x: F.max_pool2d(x, 2), [randn(2, 2, 4, 6)])
case("max_pool2d stride padding ceil_mode", "max_pool2d(a0, 3, stride=2, padding=1, ceil_mode=true)",
     lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [randn(1, 2, 6, 7)])
case("max_pool2d dilated", "max_pool2d(a0, 2, stride=1, dilation=2)",
     lambda x: F.max_pool2d(x, 2, stride=1, dilation=2), [randn(1, 1, 5, 5)])
case("max_pool2d unbatched", "max_pool2d(a0, [2, 1])", lambda x: F.max_pool2d(x, (2, 1)), [randn(2, 4, 3)])
case("max_pool1d", "max_pool1d(a0, 3, stride=2, padding=1)", lambda x: F.max_pool1d(x, 3, stride=2, padding=1),
     [randn(2, 3, 9)])
case("avg_pool2d ceil_mode", "avg_pool2d(a0, 3, stride=2, padding=1, ceil_mode=true)",
     lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [randn(1, 2, 6, 7)])
case("avg_pool2d without padding in the count", "avg_pool2d(a0, 3, stride=2, padding=1, count_include_pad=false)",
     lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False), [randn(1, 1, 5, 5)])
case("avg_pool1d ceil_mode", "avg_pool1d(a0, 3, stride=2, ceil_mode=true)",
     lambda x: F.avg_pool1d(x, 3, stride=2, ceil_mode=True), [randn(2, 2, 8)])
case("adaptive_avg_pool2d", "adaptive_avg_pool2d(a0, [2, 3])", lambda x: F.adaptive_avg_pool2d(x, (2, 3)),
     [randn(1, 2, 5, 7)])
checker = torch.tensor([[[[float((i + j) % 2) for j in range(5)] for i in range(5)]]])
case("max_pool2d of the course's checkerboard", "max_pool2d(a0, 2, stride=1)",
     lambda x: F.max_pool2d(x, 2, stride=1), [checker], wrt=[])
case("avg_pool2d of the course's checkerboard", "avg_pool2d(a0, 2)", lambda x: F.avg_pool2d(x, 2), [checker])

# ---------------------------------------------------------------- normalisation

case("batch_norm training", "batch_norm(a0, weight=a1, bias=a2)",
     lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True), [randn(4, 3, 2, 2), randn(3), randn(3)])
rm, rv = randn(3), uniform(0.5, 2.0, 3)
case("batch_norm running mean", "batch_norm(a0, a1, a2, momentum=0.3)[1]",
     lambda x, m, v: (lambda m2: (F.batch_norm(x, m2, v.clone(), training=True, momentum=0.3), m2)[1])(m.clone()),
     [randn(5, 3), rm, rv], wrt=[])
case("batch_norm running variance", "batch_norm(a0, a1, a2, momentum=0.3)[2]",
     lambda x, m, v: (lambda v2: (F.batch_norm(x, m.clone(), v2, training=True, momentum=0.3), v2)[1])(v.clone()),
     [randn(5, 3), rm, rv], wrt=[])
case("batch_norm evaluation", "batch_norm(a0, a1, a2, a3, a4, training=false, eps=0.001)",
     lambda x, m, v, w, b: F.batch_norm(x, m, v, w, b, training=False, eps=1e-3),
     [randn(4, 3), rm, rv, randn(3), randn(3)], wrt=[0, 3, 4])
case("group_norm", "group_norm(a0, 2, a1, a2)", lambda x, w, b: F.group_norm(x, 2, w, b),
     [randn(2, 4, 3, 2), randn(4), randn(4)])
case("instance_norm", "instance_norm(a0, a1, a2)", lambda x, w, b: F.instance_norm(x, weight=w, bias=b),
     [randn(2, 3, 5), randn(3), randn(3)])
case("layer_norm with Keras's eps", "layer_norm(a0, eps=0.001)", lambda x: F.layer_norm(x, (4,), eps=1e-3),
     [randn(3, 4)])

# ---------------------------------------------------------------- linear, embedding, one-hot

case("linear", "linear(a0, a1, a2)", lambda x, w, b: F.linear(x, w, b), [randn(2, 3, 4), randn(5, 4), randn(5)])
case("embedding", "embedding(a0, a1)", lambda i, w: F.embedding(i, w),
     [torch.tensor([[1, 4, 1], [0, 2, 4]]), randn(5, 3)], wrt=[1])
case("embedding padding_idx", "embedding(a0, a1, padding_idx=1)", lambda i, w: F.embedding(i, w, padding_idx=1),
     [torch.tensor([[1, 4, 1], [0, 2, 4]]), randn(5, 3)], wrt=[1])
case("embedding negative padding_idx", "embedding(a0, a1, padding_idx=-1)",
     lambda i, w: F.embedding(i, w, padding_idx=-1), [torch.tensor([[1, 4, 1], [0, 2, 4]]), randn(5, 3)], wrt=[1])
case("one_hot", "one_hot(a0, 4)", lambda i: F.one_hot(i, 4), [torch.tensor([[0, 3], [2, 2]])], wrt=[])

# ---------------------------------------------------------------- activations

x = randn(3, 5) * 2
case("leaky_relu", "leaky_relu(a0, 0.2)", lambda x: F.leaky_relu(x, 0.2), [x])
case("elu", "elu(a0, 0.7)", lambda x: F.elu(x, 0.7), [x])
case("selu", "selu(a0)", F.selu, [x])
case("silu", "silu(a0)", F.silu, [x])
case("swish", "swish(a0)", F.silu, [x])
case("softplus", "softplus(a0)", F.softplus, [x * 15])
case("softplus beta threshold", "softplus(a0, beta=2, threshold=3)", lambda x: F.softplus(x, 2, 3), [x])
case("mish", "mish(a0)", F.mish, [x])
case("hardtanh", "hardtanh(a0, -0.5, 1.5)", lambda x: F.hardtanh(x, -0.5, 1.5), [x])
case("gelu", "gelu(a0)", F.gelu, [x])
case("gelu tanh", "gelu(a0, approximate=true)", lambda x: F.gelu(x, approximate="tanh"), [x])
case("log_softmax", "log_softmax(a0, 0)", lambda x: F.log_softmax(x, 0), [x])
case("softmin", "softmin(a0, 1)", lambda x: F.softmin(x, 1), [x])

# ---------------------------------------------------------------- losses

logits, targets = randn(5, 4), torch.tensor([0, 3, 1, 1, 2])
weights = uniform(0.5, 2.0, 4)
logp = F.log_softmax(randn(5, 4), 1)
case("nll_loss", "nll_loss(a0, a1)", lambda p, t: F.nll_loss(p, t), [logp, targets])
case("nll_loss weighted ignore_index", "nll_loss(a0, a1, a2, ignore_index=1)",
     lambda p, t, w: F.nll_loss(p, t, w, ignore_index=1), [logp, targets, weights], wrt=[0])
case("nll_loss none", "nll_loss(a0, a1, reduction=\"none\")", lambda p, t: F.nll_loss(p, t, reduction="none"),
     [logp, targets])
case("cross_entropy", "cross_entropy(a0, a1)", lambda z, t: F.cross_entropy(z, t), [logits, targets])
case("cross_entropy sum weighted", "cross_entropy(a0, a1, a2, reduction=\"sum\")",
     lambda z, t, w: F.cross_entropy(z, t, w, reduction="sum"), [logits, targets, weights], wrt=[0])
case("cross_entropy ignore_index", "cross_entropy(a0, a1, ignore_index=3)",
     lambda z, t: F.cross_entropy(z, t, ignore_index=3), [logits, targets])
case("cross_entropy label_smoothing", "cross_entropy(a0, a1, label_smoothing=0.1)",
     lambda z, t: F.cross_entropy(z, t, label_smoothing=0.1), [logits, targets])
case("cross_entropy label_smoothing weighted ignore_index",
     "cross_entropy(a0, a1, a2, ignore_index=1, label_smoothing=0.2)",
     lambda z, t, w: F.cross_entropy(z, t, w, ignore_index=1, label_smoothing=0.2), [logits, targets, weights],
     wrt=[0])
case("cross_entropy label_smoothing none", "cross_entropy(a0, a1, reduction=\"none\", label_smoothing=0.3)",
     lambda z, t: F.cross_entropy(z, t, reduction="none", label_smoothing=0.3), [logits, targets])
probs = F.softmax(randn(5, 4), 1)
case("cross_entropy probability targets", "cross_entropy(a0, a1)", lambda z, p: F.cross_entropy(z, p),
     [logits, probs], wrt=[0])
case("cross_entropy probability targets smoothed weighted", "cross_entropy(a0, a1, a2, label_smoothing=0.1)",
     lambda z, p, w: F.cross_entropy(z, p, w, label_smoothing=0.1), [logits, probs, weights], wrt=[0])
case("cross_entropy over positions", "cross_entropy(a0, a1)", lambda z, t: F.cross_entropy(z, t),
     [randn(2, 3, 4), ints(3, 2, 4)])
case("cross_entropy unbatched", "cross_entropy(a0, a1)", lambda z, t: F.cross_entropy(z, t),
     [randn(4), torch.tensor(2)])
p, y = uniform(0.05, 0.95, 6), torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
case("binary_cross_entropy", "binary_cross_entropy(a0, a1)", lambda p, y: F.binary_cross_entropy(p, y), [p, y])
case("binary_cross_entropy soft targets weighted none", "binary_cross_entropy(a0, a1, a2, reduction=\"none\")",
     lambda p, y, w: F.binary_cross_entropy(p, y, w, reduction="none"), [p, uniform(0, 1, 6), uniform(0.5, 2, 6)],
     wrt=[0, 1])
case("binary_cross_entropy clipped at 0 and 1", "binary_cross_entropy(a0, a1, reduction=\"sum\")",
     lambda p, y: F.binary_cross_entropy(p, y, reduction="sum"),
     [torch.tensor([0.0, 1.0, 0.3]), torch.tensor([1.0, 0.0, 1.0])], wrt=[])
case("binary_cross_entropy_with_logits weighted sum",
     "binary_cross_entropy_with_logits(a0, a1, a2, reduction=\"sum\")",
     lambda z, y, w: F.binary_cross_entropy_with_logits(z, y, w, reduction="sum"),
     [randn(6) * 3, y, uniform(0.5, 2, 6)], wrt=[0, 1])
a, b = randn(3, 4), randn(3, 4)
case("mse_loss none", "mse_loss(a0, a1, reduction=\"none\")", lambda a, b: F.mse_loss(a, b, reduction="none"), [a, b])
case("l1_loss sum", "l1_loss(a0, a1, reduction=\"sum\")", lambda a, b: F.l1_loss(a, b, reduction="sum"), [a, b])
case("smooth_l1_loss", "smooth_l1_loss(a0, a1, beta=0.5)", lambda a, b: F.smooth_l1_loss(a, b, beta=0.5), [a, b])
case("huber_loss", "huber_loss(a0, a1, delta=0.7)", lambda a, b: F.huber_loss(a, b, delta=0.7), [a, b])
q = F.softmax(randn(3, 4), 1)
case("kl_div batchmean", "kl_div(a0, a1, reduction=\"batchmean\")",
     lambda i, t: F.kl_div(i, t, reduction="batchmean"), [logp[:3], q])
case("kl_div mean with a zero target", "kl_div(a0, a1)", lambda i, t: F.kl_div(i, t, reduction="mean"),
     [logp[:3], torch.tensor([[0.5, 0.5, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25], [1.0, 0.0, 0.0, 0.0]])],
     wrt=[0])  # d/dt of t·log t is −∞ at t = 0 (PyTorch's nan); Kiso gives the zero-term branch 0
case("kl_div log_target none", "kl_div(a0, a1, reduction=\"none\", log_target=true)",
     lambda i, t: F.kl_div(i, t, reduction="none", log_target=True), [logp[:3], q.log()])
case("cosine_similarity", "cosine_similarity(a0, a1)", lambda a, b: F.cosine_similarity(a, b), [a, b])
case("cosine_similarity dim 0 broadcast", "cosine_similarity(a0, a1, dim=0)",
     lambda a, b: F.cosine_similarity(a, b, dim=0), [a, randn(3, 1)])

# ---------------------------------------------------------------- recurrent

H, I, N = 3, 2, 4
xs = randn(N, I)
for name, gates, fn in [
    ("rnn_cell", 1, lambda x, h, wi, wh, bi, bh: torch.rnn_tanh_cell(x, h, wi, wh, bi, bh)),
    ("gru_cell", 3, lambda x, h, wi, wh, bi, bh: torch.gru_cell(x, h, wi, wh, bi, bh)),
]:
    case(name, f"{name}(a0, a1, a2, a3, a4, a5)", fn,
         [xs, randn(N, H), randn(gates * H, I), randn(gates * H, H), randn(gates * H), randn(gates * H)])
case("rnn_cell relu without biases", "rnn_cell(a0, a1, a2, a3, nonlinearity=\"relu\")",
     lambda x, h, wi, wh: torch.rnn_relu_cell(x, h, wi, wh), [xs, randn(N, H), randn(H, I), randn(H, H)])
lstm_inputs = [xs, randn(N, H), randn(N, H), randn(4 * H, I), randn(4 * H, H), randn(4 * H), randn(4 * H)]
for k, part in enumerate(["h", "c"]):
    case(f"lstm_cell {part}", f"lstm_cell(a0, (a1, a2), a3, a4, a5, a6)[{k}]",
         lambda x, h, c, wi, wh, bi, bh, k=k: torch.lstm_cell(x, (h, c), wi, wh, bi, bh)[k], lstm_inputs)


MODULES = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def stack(kind, layers=1, bidirectional=False, bias=True, nonlinearity="tanh", input_size=I):
    """The outputs, h_n (and c_n) of a batch-first nn.RNN / LSTM / GRU run with the given weights,
    each as its shape followed by its flattened values, joined into one vector: the inputs are the sequence, then w_ih, w_hh (, b_ih, b_hh)
    of each layer and direction in PyTorch's order, then h0 (and c0) when given."""
    directions = 2 if bidirectional else 1
    per_set = 4 if bias else 2

    def run(x, *rest):
        options = {"nonlinearity": nonlinearity} if kind == "rnn" else {}
        module = MODULES[kind](input_size, H, num_layers=layers, bidirectional=bidirectional, bias=bias,
                               batch_first=True, **options)
        params = {}
        for s in range(layers * directions):
            suffix = f"_l{s // directions}" + ("_reverse" if s % directions else "")
            names = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"][:per_set]
            for j, name in enumerate(names):
                params[name + suffix] = rest[s * per_set + j]
        states = rest[layers * directions * per_set:]
        hx = None
        if states:
            hx = tuple(states) if kind == "lstm" else states[0]
        out, last = functional_call(module, params, (x, hx))
        parts = [out] + (list(last) if kind == "lstm" else [last])
        return torch.cat([piece for p in parts for piece in (torch.tensor(p.shape, dtype=torch.float64), p.reshape(-1))])
    return run


def stack_call(kind, sets, per_set, states, extra=""):
    """Kiso's call for `stack`'s inputs: per-layer lists of weights when there are several sets."""
    def arg(j):
        names = [f"a{1 + s * per_set + j}" for s in range(sets)]
        return names[0] if sets == 1 else "[" + ", ".join(names) + "]"
    args = ", ".join(arg(j) for j in range(per_set))
    first_state = 1 + sets * per_set
    keywords = "".join(f", {n}=a{first_state + i}" for i, n in enumerate(["h0", "c0"][:states]))
    return f"{kind}(a0, {args}{keywords}{extra})"


def stack_cases(kind, title, layers=1, bidirectional=False, bias=True, nonlinearity="tanh", batch=2, states=True):
    gates = {"rnn": 1, "lstm": 4, "gru": 3}[kind]
    directions = 2 if bidirectional else 1
    sets = layers * directions
    seq = randn(batch, T, I) if batch else randn(T, I)
    weights = []
    for s in range(sets):
        inputs = I if s < directions else directions * H
        weights += [randn(gates * H, inputs) * 0.7, randn(gates * H, H) * 0.7]
        if bias:
            weights += [randn(gates * H), randn(gates * H)]
    state_shape = (sets, batch, H) if batch else (sets, H)
    count = (2 if kind == "lstm" else 1) if states else 0
    state_inputs = [randn(*state_shape) for _ in range(count)]
    extra = ""
    if layers > 1:
        extra += f", num_layers={layers}"
    if bidirectional:
        extra += ", bidirectional=true"
    if nonlinearity != "tanh":
        extra += f", nonlinearity=\"{nonlinearity}\""
    call = stack_call(kind, sets, 4 if bias else 2, count, extra)
    # Kiso's results joined as PyTorch's are, so that one case checks every shape and value.
    parts = ["r[0]"] + (["r[1][0]", "r[1][1]"] if kind == "lstm" else ["r[1]"])
    joined = ", ".join(f"array(shape({p}), dtype=\"float64\"), flatten({p})" for p in parts)
    case(f"{kind} {title}", f"((r) -> concatenate([{joined}]))({call})",
         stack(kind, layers, bidirectional, bias, nonlinearity), [seq] + weights + state_inputs)


T = 4
for kind in ["rnn", "lstm", "gru"]:
    stack_cases(kind, "one layer")
stack_cases("lstm", "without initial state", states=False)
stack_cases("lstm", "two layers bidirectional", layers=2, bidirectional=True)
stack_cases("gru", "two layers", layers=2, states=False)
stack_cases("gru", "bidirectional unbatched", bidirectional=True, batch=0)
stack_cases("rnn", "three layers relu without biases", layers=3, bias=False, nonlinearity="relu")
stack_cases("rnn", "bidirectional", bidirectional=True)

# ---------------------------------------------------------------- attention

Q, K, V = randn(2, 3, 4), randn(2, 5, 4), randn(2, 5, 2)
case("scaled_dot_product_attention", "scaled_dot_product_attention(a0, a1, a2)",
     lambda q, k, v: F.scaled_dot_product_attention(q, k, v), [Q, K, V])
bool_mask = torch.tensor(rng.uniform(size=(3, 5)) > 0.3)
bool_mask[:, 0] = True
case("scaled_dot_product_attention bool mask", "scaled_dot_product_attention(a0, a1, a2, a3)",
     lambda q, k, v, m: F.scaled_dot_product_attention(q, k, v, attn_mask=m), [Q, K, V, bool_mask], wrt=[0, 1, 2])
case("scaled_dot_product_attention float mask and scale", "scaled_dot_product_attention(a0, a1, a2, a3, scale=0.3)",
     lambda q, k, v, m: F.scaled_dot_product_attention(q, k, v, attn_mask=m, scale=0.3), [Q, K, V, randn(3, 5)],
     wrt=[0, 1, 2])
case("scaled_dot_product_attention causal", "scaled_dot_product_attention(a0, a1, a2, is_causal=true)",
     lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True), [randn(1, 2, 4, 3), randn(1, 2, 4, 3),
                                                                               randn(1, 2, 4, 3)])
E, heads = 4, 2


def mha(causal):
    def run(x, wq, wk, wv, wo, bq, bk, bv, bo):
        module = torch.nn.MultiheadAttention(E, heads, batch_first=True)
        params = {"in_proj_weight": torch.cat([wq, wk, wv]), "in_proj_bias": torch.cat([bq, bk, bv]),
                  "out_proj.weight": wo, "out_proj.bias": bo}
        length = x.shape[1]
        # nn.MultiheadAttention's boolean mask marks the positions NOT attended to.
        mask = torch.triu(torch.ones(length, length, dtype=torch.bool), 1) if causal else None
        return functional_call(module, params, (x, x, x), {"attn_mask": mask, "need_weights": False})[0]
    return run


mha_inputs = [randn(2, 3, E)] + [randn(E, E) * 0.5 for _ in range(4)] + [randn(E) for _ in range(4)]
params = "{\"wq\": a1, \"wk\": a2, \"wv\": a3, \"wo\": a4, \"bq\": a5, \"bk\": a6, \"bv\": a7, \"bo\": a8}"
case("multi_head_attention", f"multi_head_attention(a0, {params}, 2)", mha(False), mha_inputs)
case("multi_head_attention causal", f"multi_head_attention(a0, {params}, 2, is_causal=true)", mha(True), mha_inputs)

write("nn_torch", cases, torch_version=torch.__version__)

fans = []
for shape in [[5, 3], [8, 3, 3, 3], [4, 2, 5], [6, 4, 2, 3, 1]]:
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    fans.append({"shape": shape, "fan_in": fan_in, "fan_out": fan_out})
write("nn_fans", fans, torch_version=torch.__version__)
