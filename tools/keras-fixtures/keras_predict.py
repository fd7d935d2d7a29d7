"""Load a Keras model file with Keras itself and print its predictions, for the round-trip tests.

Usage: KERAS_BACKEND=jax python keras_predict.py MODEL_FILE INPUTS_JSON
INPUTS_JSON holds {"inputs": [[...flattened sample...], ...]}; the samples are reshaped to the model's
input shape. Prints one JSON line: {"keras_version", "class_name", "layers": [class names],
"predictions": [[...], ...]}.
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402


def main():
    model = keras.saving.load_model(sys.argv[1])
    with open(sys.argv[2]) as f:
        inputs = np.asarray(json.load(f)["inputs"], dtype="float32")
    x = inputs.reshape((len(inputs), *model.input_shape[1:]))
    predictions = model.predict(x, verbose=0)
    print(json.dumps({
        "keras_version": keras.__version__,
        "class_name": model.__class__.__name__,
        "layers": [layer.__class__.__name__ for layer in model.layers],
        "predictions": np.asarray(predictions).reshape(len(inputs), -1).tolist(),
    }))


if __name__ == "__main__":
    main()
