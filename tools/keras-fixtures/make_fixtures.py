"""Make the Keras fixtures that packages/layers tests load (see README.md beside this file).

Each model is trained briefly on seeded random data (so the weights are not initializer values), then
saved twice — as a Keras 3 `.keras` file and as a legacy `.h5` (Keras 3 still writes the Keras 2 /
tf.keras HDF5 layout for `model.save('m.h5')`) — with Keras's own predictions on fixed inputs in
`<name>.predictions.json` beside them: `{ keras_version, backend, input_shape, inputs, predictions }`.

Run: KERAS_BACKEND=jax python tools/keras-fixtures/make_fixtures.py [out_dir]
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "packages", "layers", "src", "io", "keras", "fixtures")


def mlp():
    return keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(16, activation="relu", name="hidden"),
            layers.Dropout(0.25),
            layers.Dense(8, activation="tanh", kernel_initializer="he_normal"),
            layers.Dense(3, activation="softmax"),
        ],
        name="mlp",
    )


def cnn():
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.ZeroPadding2D(1),
            layers.Conv2D(3, (2, 2), strides=(1, 1), padding="same"),
            layers.AveragePooling2D(2),
            layers.Flatten(),
            layers.Dense(3, activation="softmax"),
        ],
        name="cnn",
    )


def cnn_gap():
    return keras.Sequential(
        [
            keras.Input(shape=(6, 6, 2)),
            layers.Conv2D(5, 3, padding="same", activation="tanh"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(2),
        ],
        name="cnn_gap",
    )


def batchnorm():
    return keras.Sequential(
        [
            keras.Input(shape=(4, 3)),
            layers.Flatten(),
            layers.Dense(10),
            layers.BatchNormalization(),
            layers.Activation("relu"),
            layers.Dense(2, activation="sigmoid"),
        ],
        name="batchnorm",
    )


MODELS = {"mlp": mlp, "cnn": cnn, "cnn_gap": cnn_gap, "batchnorm": batchnorm}


def make(name, build, rng):
    keras.backend.clear_session()  # layer names start afresh: dense, dense_1, …
    keras.utils.set_random_seed(1)
    model = build()
    shape = model.input_shape[1:]
    units = model.output_shape[-1]
    x = rng.normal(size=(64, *shape)).astype("float32")
    y = rng.integers(0, units, size=64)
    target = keras.utils.to_categorical(y, units) if units > 2 else keras.utils.to_categorical(y % 2, units)
    loss = "categorical_crossentropy" if units > 2 else "mse"
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss=loss)
    model.fit(x, target, epochs=3, batch_size=16, verbose=0)
    inputs = rng.normal(size=(5, *shape)).astype("float32")
    predictions = model.predict(inputs, verbose=0)
    model.save(os.path.join(OUT, f"{name}.keras"))
    model.save(os.path.join(OUT, f"{name}.h5"))
    record = {
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "input_shape": list(shape),
        "inputs": inputs.reshape(len(inputs), -1).tolist(),
        "predictions": predictions.tolist(),
    }
    with open(os.path.join(OUT, f"{name}.predictions.json"), "w") as f:
        json.dump(record, f)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(15)
    for name, build in MODELS.items():
        make(name, build, rng)
        print("wrote", name)


if __name__ == "__main__":
    main()
