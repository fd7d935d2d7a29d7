"""Reference trajectories of Keras 3's optimizers, learning-rate schedules and gradient clipping.

Run with Keras 3 on the JAX backend (the session's venv, see SESSION.md):

    KERAS_BACKEND=jax /work/kvenv/bin/python tools/keras-references/optimizer-references.py

It writes packages/core/src/optimizers/keras-optimizer-references.json, which
packages/core/src/optimizers/keras-optimizer-references.test.ts (and the layers / tfjs-adapter tests)
replay with the same problem: two variables w1 (3 values) and w2 (2 values), gradient g = 2·(w − target)
computed from the current weights, five `apply_gradients` steps, the float32 weights recorded after each.
"""

import json
import os
import pathlib

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import optimizers  # noqa: E402
from keras.optimizers import schedules  # noqa: E402

START = {"w1": [1.0, -2.0, 0.5], "w2": [0.25, 3.0]}
TARGET = {"w1": [0.3, -0.7, 1.2], "w2": [-1.5, 0.25]}
STEPS = 5


def trajectory(optimizer):
    variables = {name: keras.Variable(np.array(values, dtype="float32"), name=name) for name, values in START.items()}
    steps = []
    for _ in range(STEPS):
        grads = [2.0 * (np.asarray(variables[n].numpy(), dtype="float32") - np.array(TARGET[n], dtype="float32")) for n in START]
        optimizer.apply_gradients(zip(grads, [variables[n] for n in START]))
        steps.append({n: [float(x) for x in variables[n].numpy()] for n in START})
    return steps


# Each case: our spec (core's names, camelCase) and the Keras optimizer built from the same numbers.
CASES = {
    "adagrad": ({"name": "adagrad", "learningRate": 0.1}, lambda: optimizers.Adagrad(learning_rate=0.1)),
    "adagrad-defaults": ({"name": "adagrad"}, lambda: optimizers.Adagrad()),
    "adadelta": ({"name": "adadelta", "learningRate": 1.0}, lambda: optimizers.Adadelta(learning_rate=1.0)),
    "adamax": ({"name": "adamax", "learningRate": 0.1}, lambda: optimizers.Adamax(learning_rate=0.1)),
    "nadam": ({"name": "nadam", "learningRate": 0.1}, lambda: optimizers.Nadam(learning_rate=0.1)),
    "adamw": ({"name": "adamw", "learningRate": 0.1}, lambda: optimizers.AdamW(learning_rate=0.1)),
    "adamw-decay-0.1": ({"name": "adamw", "learningRate": 0.05, "weightDecay": 0.1}, lambda: optimizers.AdamW(learning_rate=0.05, weight_decay=0.1)),
    "sgd-clipnorm": ({"name": "sgd", "learningRate": 0.1, "clipnorm": 1.0}, lambda: optimizers.SGD(learning_rate=0.1, clipnorm=1.0)),
    "sgd-global-clipnorm": (
        {"name": "sgd", "learningRate": 0.1, "globalClipnorm": 1.0},
        lambda: optimizers.SGD(learning_rate=0.1, global_clipnorm=1.0),
    ),
    "sgd-clipvalue": ({"name": "sgd", "learningRate": 0.1, "clipvalue": 0.5}, lambda: optimizers.SGD(learning_rate=0.1, clipvalue=0.5)),
    "sgd-weight-decay": ({"name": "sgd", "learningRate": 0.1, "weightDecay": 0.2}, lambda: optimizers.SGD(learning_rate=0.1, weight_decay=0.2)),
    "sgd-exponential-decay": (
        {"name": "sgd", "learningRateSchedule": {"className": "ExponentialDecay", "config": {"initialLearningRate": 0.1, "decaySteps": 2, "decayRate": 0.5}}},
        lambda: optimizers.SGD(learning_rate=schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)),
    ),
}

# Schedules on their own: the learning rate at steps 0 … 15.
SCHEDULES = {
    "exponential": (
        {"className": "ExponentialDecay", "config": {"initialLearningRate": 0.1, "decaySteps": 3, "decayRate": 0.5}},
        schedules.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.5),
    ),
    "exponential-staircase": (
        {"className": "ExponentialDecay", "config": {"initialLearningRate": 0.1, "decaySteps": 3, "decayRate": 0.5, "staircase": True}},
        schedules.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.5, staircase=True),
    ),
    "piecewise": (
        {"className": "PiecewiseConstantDecay", "config": {"boundaries": [2, 5], "values": [0.1, 0.05, 0.01]}},
        schedules.PiecewiseConstantDecay([2, 5], [0.1, 0.05, 0.01]),
    ),
    "cosine": (
        {"className": "CosineDecay", "config": {"initialLearningRate": 0.1, "decaySteps": 10, "alpha": 0.1}},
        schedules.CosineDecay(0.1, decay_steps=10, alpha=0.1),
    ),
    "cosine-warmup": (
        {"className": "CosineDecay", "config": {"initialLearningRate": 0.0, "decaySteps": 8, "warmupTarget": 0.1, "warmupSteps": 4}},
        schedules.CosineDecay(0.0, decay_steps=8, warmup_target=0.1, warmup_steps=4),
    ),
}


def main():
    out = {
        "keras": keras.__version__,
        "backend": keras.backend.backend(),
        "start": START,
        "target": TARGET,
        "optimizers": {name: {"spec": spec, "steps": trajectory(make())} for name, (spec, make) in CASES.items()},
        "schedules": {
            name: {"spec": spec, "values": [float(np.asarray(schedule(step))) for step in range(16)]} for name, (spec, schedule) in SCHEDULES.items()
        },
    }
    target = pathlib.Path(__file__).resolve().parents[2] / "packages/core/src/optimizers/keras-optimizer-references.json"
    target.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
