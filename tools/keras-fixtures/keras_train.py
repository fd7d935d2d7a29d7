"""Train a saved model with Keras itself, for the Keras parity test (packages/layers/src/io/keras).

Usage: KERAS_BACKEND=jax python keras_train.py MODEL_FILE SPEC_JSON
MODEL_FILE is a .keras file written by @backprop/layers (so Keras starts from the same weights); SPEC_JSON
holds {"optimizers": [{"class_name": "SGD" | "Adam", "config": {...}}, ...], "loss":
"categorical_crossentropy", "batches": [{"x": [[...], ...], "y": [[...], ...]}, ...]}. For each optimizer
the model is loaded afresh and the batches are trained in order, one `train_on_batch` each. Prints one
JSON line: {"keras_version", "runs": [{"losses": [loss of each batch, before its update], "weights":
[flattened model.get_weights() after the last step]}, ...]}.
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402


def train(path, optimizer, loss, batches):
    model = keras.saving.load_model(path)
    model.compile(optimizer=keras.optimizers.get(optimizer), loss=loss)
    losses = []
    for batch in batches:
        x = np.asarray(batch["x"], dtype="float32").reshape((-1, *model.input_shape[1:]))
        y = np.asarray(batch["y"], dtype="float32")
        losses.append(float(model.train_on_batch(x, y)))
    weights = [np.asarray(w, dtype="float32").reshape(-1).tolist() for w in model.get_weights()]
    return {"losses": losses, "weights": weights}


def main():
    with open(sys.argv[2]) as f:
        spec = json.load(f)
    runs = [train(sys.argv[1], optimizer, spec["loss"], spec["batches"]) for optimizer in spec["optimizers"]]
    print(json.dumps({"keras_version": keras.__version__, "runs": runs}))


if __name__ == "__main__":
    main()
