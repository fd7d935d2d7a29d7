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

import h5py  # noqa: E402
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


def tf_keras_2_h5(name, source):
    """The MLP in tf.keras 2's `model.save('m.h5')` layout (tf_keras/src/saving/legacy/hdf5_format.py):
    Keras 2 layer configs (`batch_input_shape` on the first layer, initializers without `module`),
    weights under `model_weights/<layer>/<layer>/kernel:0` listed by `weight_names`, `keras_version` 2.x.
    TensorFlow does not install here, so the file is written with h5py from the Keras 3 model's weights;
    its predictions are that model's, already in `<source>.predictions.json`."""
    model = keras.saving.load_model(os.path.join(OUT, f"{source}.keras"))
    layers = []
    for i, layer in enumerate(model.layers):
        config = {"name": layer.name, "trainable": True, "dtype": "float32"}
        if i == 0:
            config["batch_input_shape"] = [None, *model.input_shape[1:]]
        if isinstance(layer, keras.layers.Dense):
            config.update(units=layer.units, activation=keras.activations.serialize(layer.activation), use_bias=layer.use_bias,
                          kernel_initializer={"class_name": "GlorotUniform", "config": {"seed": None}},
                          bias_initializer={"class_name": "Zeros", "config": {}}, kernel_regularizer=None, bias_regularizer=None,
                          activity_regularizer=None, kernel_constraint=None, bias_constraint=None)
        elif isinstance(layer, keras.layers.Dropout):
            config.update(rate=layer.rate, noise_shape=None, seed=None)
        layers.append({"class_name": layer.__class__.__name__, "config": config})
    model_config = {"class_name": "Sequential", "config": {"name": model.name, "layers": layers}}
    with h5py.File(os.path.join(OUT, f"{name}.h5"), "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(model_config)
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = [layer.name.encode("utf8") for layer in model.layers]
        group.attrs["backend"] = "tensorflow"
        group.attrs["keras_version"] = "2.15.0"
        for layer in model.layers:
            g = group.create_group(layer.name)
            names = [f"{layer.name}/{w.name}:0" for w in layer.weights]
            g.attrs["weight_names"] = [n.encode("utf8") for n in names]
            for n, w in zip(names, layer.get_weights()):
                g.create_dataset(n, data=w)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(15)
    for name, build in MODELS.items():
        make(name, build, rng)
        print("wrote", name)
    tf_keras_2_h5("mlp_tf_keras2", "mlp")
    print("wrote mlp_tf_keras2.h5")


if __name__ == "__main__":
    main()
