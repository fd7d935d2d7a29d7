#!/usr/bin/env bash
# Regenerate packages/layers/src/io/keras/fixtures with real Keras (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${BACKPROP_KERAS_PYTHON:-python3}"
KERAS_BACKEND=jax "$PYTHON" make_fixtures.py "$@"
