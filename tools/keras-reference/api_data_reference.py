"""Reference numbers from real Keras 3 for @backprop/layers' weighting and regularization tests.

Writes packages/tfjs-adapter/src/fixtures/keras-api-data.json: the inputs (x, y, weights, initial model
weights) and what Keras computed from them. The tests in packages/tfjs-adapter/src/keras-api-data.test.ts
feed the same inputs to both backends and compare.

Run:  python3 -m venv /work/kvenv && /work/kvenv/bin/pip install keras jax
      KERAS_BACKEND=jax /work/kvenv/bin/python tools/keras-reference/api_data_reference.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402

rng = np.random.default_rng(11)
n, d = 10, 4
x = rng.normal(size=(n, d)).astype("float32")
labels = np.array([0, 1, 2, 1, 0, 2, 2, 1, 0, 1])
y_onehot = np.eye(3, dtype="float32")[labels]
y_reg = rng.normal(size=(n, 2)).astype("float32")
sample_weight = np.array([0.5, 2, 0, 1, 3, 0.25, 1, 1.5, 0.75, 2], dtype="float32")
class_weight = {0: 1.0, 1: 3.0, 2: 0.5}
k_soft = (rng.normal(size=(d, 3)) * 0.5).astype("float32")
b_soft = (rng.normal(size=(3,)) * 0.1).astype("float32")
k_lin = (rng.normal(size=(d, 2)) * 0.5).astype("float32")
b_lin = (rng.normal(size=(2,)) * 0.1).astype("float32")


def model(units, activation, **dense_args):
    m = keras.Sequential([keras.Input(shape=(d,)), keras.layers.Dense(units, activation=activation, **dense_args)])
    m.set_weights([k_soft, b_soft] if units == 3 else [k_lin, b_lin])
    m.compile(loss="categorical_crossentropy" if units == 3 else "mse", optimizer=keras.optimizers.SGD(0.1))
    return m


def weights_after(m, **fit_args):
    m.fit(x, fit_args.pop("y"), batch_size=n, epochs=1, shuffle=False, verbose=0, **fit_args)
    return [w.tolist() for w in m.get_weights()]


out = {
    "keras": keras.__version__,
    "x": x.tolist(),
    "labels": labels.tolist(),
    "yRegression": y_reg.tolist(),
    "sampleWeight": sample_weight.tolist(),
    "classWeight": {str(k): v for k, v in class_weight.items()},
    "softmaxWeights": [k_soft.tolist(), b_soft.tolist()],
    "linearWeights": [k_lin.tolist(), b_lin.tolist()],
}

# evaluate with sample_weight, one batch and batches of 4 (the loss tracker averages batch losses by batch size).
for name, units, act, y in (("softmax", 3, "softmax", y_onehot), ("linear", 2, None, y_reg)):
    m = model(units, act)
    out[f"{name}EvaluateWeighted"] = m.evaluate(x, y, sample_weight=sample_weight, batch_size=n, verbose=0)
    out[f"{name}EvaluateWeightedBatches4"] = m.evaluate(x, y, sample_weight=sample_weight, batch_size=4, verbose=0)
    out[f"{name}EvaluatePlain"] = m.evaluate(x, y, batch_size=n, verbose=0)
    out[f"{name}AfterSampleWeightStep"] = weights_after(model(units, act), y=y, sample_weight=sample_weight)

out["softmaxAfterClassWeightStep"] = weights_after(model(3, "softmax"), y=y_onehot, class_weight=class_weight)

# Regularizers and constraints: the evaluate loss includes the penalties; one SGD step, then the constraints.
reg = dict(
    kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.02),
    bias_regularizer=keras.regularizers.L2(0.05),
    activity_regularizer=keras.regularizers.L1L2(l1=0.003, l2=0.004),
)
m = model(3, "softmax", **reg)
out["regularizedEvaluate"] = m.evaluate(x, y_onehot, batch_size=n, verbose=0)
out["regularizedAfterStep"] = weights_after(model(3, "softmax", **reg), y=y_onehot)
cons = dict(kernel_constraint=keras.constraints.MaxNorm(0.6), bias_constraint=keras.constraints.NonNeg())
out["constrainedAfterStep"] = weights_after(model(3, "softmax", **cons), y=y_onehot)
cons = dict(kernel_constraint=keras.constraints.UnitNorm())
out["unitNormAfterStep"] = weights_after(model(2, None, **cons), y=y_reg)

# Metrics, accumulated over batches of 4 (Precision / Recall / AUC keep counts; the rest are batch means).
x_m = rng.normal(size=(40, d)).astype("float32")
labels_m = rng.integers(0, 10, size=40)
k10 = (rng.normal(size=(d, 10)) * 1.5).astype("float32")
b10 = (rng.normal(size=(10,)) * 0.5).astype("float32")
m = keras.Sequential([keras.Input(shape=(d,)), keras.layers.Dense(10, activation="softmax")])
m.set_weights([k10, b10])
names = ["precision", "recall", "auc", "top_k_categorical_accuracy", "categorical_accuracy", "mae", "mse"]
m.compile(loss="categorical_crossentropy", metrics=names)
out["metricsX"] = x_m.tolist()
out["metricsLabels"] = labels_m.tolist()
out["metricsWeights"] = [k10.tolist(), b10.tolist()]
out["metricsEvaluate"] = m.evaluate(x_m, np.eye(10, dtype="float32")[labels_m], batch_size=4, verbose=0, return_dict=True)
m.compile(loss="sparse_categorical_crossentropy", metrics=["sparse_categorical_accuracy"])
out["sparseMetricsEvaluate"] = m.evaluate(x_m, labels_m, batch_size=4, verbose=0, return_dict=True)

target = os.path.join(os.path.dirname(__file__), "../../packages/tfjs-adapter/src/fixtures/keras-api-data.json")
with open(target, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(target))
