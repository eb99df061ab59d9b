"""Keras 3 references for the model library (Tests/Fixtures/keras_layers.json).

Each case builds one Keras layer with float64 weights, replaces its weights with values drawn from
NumPy's default_rng (so the test does not depend on Keras's initialisers), runs it on a
default_rng(1) input — in training mode where that matters — and records the weights, the
input and the output. Batch normalisation also records its moving statistics after the
training call. The summaries of the course's models (Dense 2→10→8→5 and 3→2→5) and of a small
CNN are recorded as Keras prints them, parameter counts included. Optimizer steps go to
Tests/Fixtures/keras_optimizers.json, and the losses compile takes by name, with their gradients,
to Tests/Fixtures/keras_losses.json.

Average pooling with padding="same" is recorded with the JAX backend instead (the script runs
itself once more for those cases): where the padding is uneven, Keras 3.15's torch backend pads by
repeating the edge pixels, so its means at the right and bottom edges differ from TensorFlow's and
JAX's, which average the pixels a window covers. Kiso follows TensorFlow and JAX.

Run: KERAS_BACKEND=torch python3 scripts/gen_keras_fixtures.py
"""
import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout

os.environ.setdefault("KERAS_BACKEND", "torch")
JAX_POOLING = os.environ["KERAS_BACKEND"] == "jax"
if JAX_POOLING:
    os.environ["JAX_ENABLE_X64"] = "1"
import keras  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixturelib import tensor, write  # noqa: E402

keras.config.set_floatx("float64")
L = keras.layers


# Even under a float64 policy Keras 3.15's torch backend computes in float32: its
# dtypes.result_type("float64", "float64") is "float32" (float64 is off unless enabled, as in
# JAX), so matmul, mean and the activations round through float32. Inputs and weights are still
# written in float64; the outputs agree with Kiso to float32's precision.
def layer_case(name, layer, input_shape, config, training=False, integer_input=None):
    rng = np.random.default_rng(1)
    if integer_input is not None:
        x = rng.integers(0, integer_input, size=input_shape)
    else:
        x = rng.normal(0, 1, size=input_shape)
    layer.build(input_shape)
    wrng = np.random.default_rng(7)
    weights = []
    for w in layer.weights:
        if w.name == "moving_variance":
            value = wrng.uniform(0.5, 1.5, size=w.shape)
        else:
            value = wrng.normal(0, 0.5, size=w.shape)
        w.assign(value)
        weights.append({"name": w.name, "value": tensor(value)})
    y = layer(x, training=training)
    case = {
        "name": name,
        "layer": type(layer).__name__,
        "config": config,
        "training": training,
        "input": tensor(x),
        "weights": weights,
        "output": tensor(keras.ops.convert_to_numpy(y)),
    }
    if training and layer.non_trainable_weights:
        case["after"] = [
            {"name": w.name, "value": tensor(keras.ops.convert_to_numpy(w.value))} for w in layer.non_trainable_weights
        ]
    return case


def average_pooling_same_cases():
    """AveragePooling2D with padding="same", even and uneven padding (TensorFlow's rule)."""
    return [
        layer_case(
            "average pooling same", L.AveragePooling2D(2, padding="same"), (1, 5, 7, 2),
            {"pool_size": [2, 2], "padding": "same"}),
        layer_case(
            "average pooling 3 stride 2 same", L.AveragePooling2D(3, strides=2, padding="same"), (2, 7, 6, 2),
            {"pool_size": [3, 3], "strides": [2, 2], "padding": "same"}),
    ]


if JAX_POOLING:
    json.dump(average_pooling_same_cases(), sys.stdout)
    sys.exit(0)


def jax_cases():
    """The cases only the JAX backend records as Keras means them, from a second run of this script."""
    environment = dict(os.environ, KERAS_BACKEND="jax")
    output = subprocess.run([sys.executable, __file__], env=environment, check=True, capture_output=True, text=True)
    return json.loads(output.stdout)


cases = [
    layer_case("dense", L.Dense(3), (4, 5), {"units": 3}),
    layer_case("dense relu no bias", L.Dense(2, activation="relu", use_bias=False), (3, 4), {"units": 2, "activation": "relu", "use_bias": False}),
    layer_case("dense on a sequence", L.Dense(4, activation="tanh"), (2, 3, 5), {"units": 4, "activation": "tanh"}),
    layer_case("activation softmax", L.Activation("softmax"), (3, 4), {"activation": "softmax"}),
    layer_case("activation gelu", L.Activation("gelu"), (3, 4), {"activation": "gelu"}),
    layer_case("relu", L.ReLU(), (2, 3), {}),
    layer_case("leaky relu", L.LeakyReLU(), (2, 5), {}),
    layer_case("softmax", L.Softmax(), (2, 6), {}),
    layer_case("flatten", L.Flatten(), (2, 3, 4, 2), {}),
    layer_case("reshape", L.Reshape((3, 4)), (2, 12), {"target_shape": [3, 4]}),
    layer_case("conv2d", L.Conv2D(4, 3), (2, 6, 7, 3), {"filters": 4, "kernel_size": [3, 3]}),
    layer_case(
        "conv2d strided relu", L.Conv2D(2, (2, 3), strides=(2, 1), activation="relu"), (1, 7, 6, 2),
        {"filters": 2, "kernel_size": [2, 3], "strides": [2, 1], "activation": "relu"}),
    layer_case("conv2d same", L.Conv2D(3, 3, padding="same"), (1, 5, 5, 2), {"filters": 3, "kernel_size": [3, 3], "padding": "same"}),
    layer_case("conv1d", L.Conv1D(3, 2), (2, 6, 4), {"filters": 3, "kernel_size": [2]}),
    layer_case("conv1d same", L.Conv1D(2, 3, padding="same"), (1, 5, 3), {"filters": 2, "kernel_size": [3], "padding": "same"}),
    # Keras pads strided "same" convolutions unevenly: ⌈n/stride⌉ outputs, the extra zero after.
    layer_case(
        "conv2d same stride 2", L.Conv2D(2, 3, strides=2, padding="same"), (1, 7, 6, 2),
        {"filters": 2, "kernel_size": [3, 3], "strides": [2, 2], "padding": "same"}),
    layer_case(
        "conv2d same strides (3, 2)", L.Conv2D(3, (2, 4), strides=(3, 2), padding="same"), (2, 8, 7, 2),
        {"filters": 3, "kernel_size": [2, 4], "strides": [3, 2], "padding": "same"}),
    layer_case(
        "conv1d same stride 3", L.Conv1D(2, 4, strides=3, padding="same"), (2, 7, 3),
        {"filters": 2, "kernel_size": [4], "strides": [3], "padding": "same"}),
    layer_case("max pooling", L.MaxPooling2D(), (2, 6, 5, 3), {"pool_size": [2, 2]}),
    layer_case("max pooling 3 stride 1", L.MaxPooling2D(3, strides=1), (1, 5, 5, 2), {"pool_size": [3, 3], "strides": [1, 1]}),
    layer_case("average pooling", L.AveragePooling2D((2, 3)), (1, 6, 6, 2), {"pool_size": [2, 3]}),
    layer_case("max pooling same", L.MaxPooling2D(padding="same"), (1, 5, 7, 2), {"pool_size": [2, 2], "padding": "same"}),
    layer_case(
        "max pooling 3 stride 2 same", L.MaxPooling2D(3, strides=2, padding="same"), (2, 6, 5, 2),
        {"pool_size": [3, 3], "strides": [2, 2], "padding": "same"}),
    layer_case("global average pooling", L.GlobalAveragePooling2D(), (2, 4, 3, 5), {}),
    layer_case("batch normalization training", L.BatchNormalization(), (6, 4), {}, training=True),
    layer_case("batch normalization inference", L.BatchNormalization(), (6, 4), {}),
    layer_case("batch normalization images", L.BatchNormalization(), (2, 3, 3, 2), {}, training=True),
    layer_case("layer normalization", L.LayerNormalization(), (4, 3), {}),
    layer_case("layer normalization images", L.LayerNormalization(), (2, 3, 3, 4), {}),
    layer_case("embedding", L.Embedding(7, 3), (2, 5), {"input_dim": 7, "output_dim": 3}, integer_input=7),
    layer_case("simple rnn", L.SimpleRNN(3), (2, 5, 4), {"units": 3}),
    layer_case("simple rnn sequences", L.SimpleRNN(2, return_sequences=True), (1, 4, 3), {"units": 2, "return_sequences": True}),
    layer_case("lstm", L.LSTM(3), (2, 4, 3), {"units": 3}),
    layer_case("lstm sequences", L.LSTM(2, return_sequences=True), (2, 3, 4), {"units": 2, "return_sequences": True}),
    layer_case("gru", L.GRU(3), (2, 4, 3), {"units": 3}),
    layer_case("gru sequences", L.GRU(2, return_sequences=True), (1, 5, 2), {"units": 2, "return_sequences": True}),
]
cases += jax_cases()


def attention_case(name, layer, shapes, config):
    """Query, value and key of the given shapes from default_rng(1), as the course draws them."""
    rng = np.random.default_rng(1)
    q, v, k = (rng.normal(0, 1, size=shape) for shape in shapes)
    if isinstance(layer, L.MultiHeadAttention):
        layer.build(q.shape, v.shape, k.shape)
        wrng = np.random.default_rng(7)
        weights = []
        for w in layer.weights:
            value = wrng.normal(0, 0.5, size=w.shape)
            w.assign(value)
            weights.append({"name": w.path.split("/", 1)[1], "value": tensor(value)})
        y, scores = layer(query=q, value=v, key=k, return_attention_scores=True)
    else:
        weights = []
        y, scores = layer([q, v, k], return_attention_scores=True)
    return {
        "name": name,
        "layer": type(layer).__name__,
        "config": config,
        "training": False,
        "query": tensor(q),
        "value": tensor(v),
        "key": tensor(k),
        "weights": weights,
        "output": tensor(keras.ops.convert_to_numpy(y)),
        "scores": tensor(keras.ops.convert_to_numpy(scores)),
    }


cases += [
    attention_case(
        "multi-head attention (the course's shapes)", L.MultiHeadAttention(num_heads=2, key_dim=10, value_dim=8, output_shape=2),
        [(1, 5, 3), (1, 4, 3), (1, 4, 3)], {"num_heads": 2, "key_dim": 10, "value_dim": 8, "output_shape": 2}),
    attention_case("multi-head attention", L.MultiHeadAttention(num_heads=3, key_dim=2), [(2, 3, 4), (2, 5, 4), (2, 5, 4)], {"num_heads": 3, "key_dim": 2}),
    attention_case("attention (the course's shapes)", L.Attention(), [(3, 2, 5), (3, 4, 5), (3, 4, 5)], {}),
]


def summary(model):
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        model.summary()
    return buffer.getvalue()


# Summaries in Keras's default float32, whose 4 bytes a parameter the byte counts assume.
keras.config.set_floatx("float32")
summaries = []
keras.backend.clear_session()
course = keras.Sequential(
    [keras.Input(shape=(2,)), L.Dense(10, activation="relu"), L.Dense(8, activation="relu"), L.Dense(5, activation="softmax")]
)
summaries.append({"name": "course 2-10-8-5", "text": summary(course), "params": course.count_params()})
keras.backend.clear_session()
small = keras.Sequential([keras.Input(shape=(3,)), L.Dense(2), L.ReLU(), L.Dense(5), L.Softmax()])
summaries.append({"name": "course 3-2-5", "text": summary(small), "params": small.count_params()})
keras.backend.clear_session()
cnn = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)), L.Conv2D(4, 3, activation="relu"), L.MaxPooling2D(), L.Flatten(), L.Dropout(0.2),
        L.BatchNormalization(), L.Dense(10),
    ]
)
summaries.append({"name": "small cnn", "text": summary(cnn), "params": cnn.count_params()})

write("keras_layers", cases, keras_version=keras.__version__, summaries=summaries)


def optimizer_case(name, optimizer, config):
    """Three steps of a Keras optimizer on one float64 weight with fixed gradients."""
    rng = np.random.default_rng(11)
    start = rng.normal(0, 1, size=(2, 3))
    grads = [rng.normal(0, 1, size=(2, 3)) for _ in range(3)]
    w = keras.Variable(start, dtype="float64")
    values = []
    for g in grads:
        optimizer.apply_gradients([(keras.ops.convert_to_tensor(g, dtype="float64"), w)])
        values.append(tensor(keras.ops.convert_to_numpy(w.value)))
    return {"name": name, "config": config, "start": tensor(start), "grads": [tensor(g) for g in grads], "after": values}


keras.config.set_floatx("float64")
optimizers = [
    optimizer_case("adam defaults", keras.optimizers.Adam(), {"optimizer": "Adam"}),
    optimizer_case("adam lr 0.1", keras.optimizers.Adam(learning_rate=0.1), {"optimizer": "Adam", "learning_rate": 0.1}),
    optimizer_case("rmsprop defaults", keras.optimizers.RMSprop(), {"optimizer": "RMSprop"}),
    optimizer_case("sgd momentum", keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), {"optimizer": "SGD", "learning_rate": 0.1, "momentum": 0.9}),
]
write("keras_optimizers", optimizers, keras_version=keras.__version__)


def loss_case(name, loss, target, prediction):
    """A Keras loss (mean over the batch) and its gradient with respect to the prediction."""
    import torch

    p = torch.tensor(prediction, dtype=torch.float64, requires_grad=True)
    value = keras.losses.get(loss)(torch.tensor(target), p)
    value = value.mean() if value.dim() > 0 else value
    value.backward()
    return {
        "name": name, "loss": loss, "target": tensor(target), "prediction": tensor(prediction),
        "value": float(value.detach()), "gradient": tensor(p.grad.numpy()),
    }


# Each loss on outputs of the activation it is made for and on raw scores, which Keras takes as
# probabilities too (from_logits=False): they are rescaled to sum to one and clipped to
# [1e-7, 1 - 1e-7], which is what a model without its softmax trains against.
lrng = np.random.default_rng(5)
raw = lrng.normal(0, 1.5, size=(6, 3))
probabilities = np.exp(raw) / np.exp(raw).sum(axis=1, keepdims=True)
labels = lrng.integers(0, 3, size=6)
one_hot = np.eye(3)[labels]
binary = lrng.integers(0, 2, size=(6, 1)).astype(np.float64)
sigmoid = 1 / (1 + np.exp(-raw[:, :1]))
real = lrng.normal(0, 1, size=(6, 3))
losses = [
    loss_case("mse", "mean_squared_error", real, raw),
    loss_case("mae", "mean_absolute_error", real, raw),
    loss_case("binary crossentropy on sigmoid outputs", "binary_crossentropy", binary, sigmoid),
    loss_case("binary crossentropy on raw scores", "binary_crossentropy", binary, raw[:, :1]),
    loss_case("categorical crossentropy on softmax outputs", "categorical_crossentropy", one_hot, probabilities),
    loss_case("categorical crossentropy on raw scores", "categorical_crossentropy", one_hot, raw),
    loss_case("sparse categorical crossentropy on softmax outputs", "sparse_categorical_crossentropy", labels, probabilities),
    loss_case("sparse categorical crossentropy on raw scores", "sparse_categorical_crossentropy", labels, raw),
]
write("keras_losses", losses, keras_version=keras.__version__)
