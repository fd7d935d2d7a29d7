import { ArgumentError, ShapeError } from '../errors';

/** Keras / tfjs padding modes of convolutions and pooling. */
export type PaddingMode = 'valid' | 'same';

/**
 * Where a sliding window (a convolution kernel or a pooling window) visits a channels-last [H, W, C]
 * sample, and the [outH, outW] grid it produces — what the convolution kernels (im2col, col2im, pooling)
 * need to walk one sample. Rows of the batch are samples of `inH * inW * channels` values.
 */
export interface WindowGeometry {
  readonly inH: number;
  readonly inW: number;
  readonly channels: number;
  readonly windowH: number;
  readonly windowW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  /** Implicit zero (or, for max pooling, ignored) rows above / columns left of the input. */
  readonly padTop: number;
  readonly padLeft: number;
  readonly outH: number;
  readonly outW: number;
}

/** A positive-integer pair from `n` or `[a, b]` (Keras's `kernel_size=3` means (3, 3)). */
export function integerPair(value: unknown, what: string): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`${what} must be a positive integer or a list of two, e.g. 3 or [3, 3], got ${JSON.stringify(value)}`);
  }
  return [pair[0], pair[1]];
}

/** `'valid'` or `'same'`, else an ArgumentError naming the layer. */
export function paddingMode(value: unknown, what: string): PaddingMode {
  if (value !== 'valid' && value !== 'same') throw new ArgumentError(`${what} must be "valid" or "same", got ${JSON.stringify(value)}`);
  return value;
}

export interface WindowOptions {
  /** The layer, for messages: `Conv2D "conv2d"`. */
  readonly label: string;
  /** What slides: `kernel` or `pool`, for messages. */
  readonly window: 'kernel' | 'pool';
  readonly size: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly dilation?: readonly [number, number];
  readonly padding: PaddingMode;
}

/**
 * The geometry of a window over an input of shape [H, W, C], as TensorFlow computes it
 * (tensorflow/core/framework/kernel_shape_util.cc, tfjs-core's `computeConv2DInfo`): with `valid`,
 * out = ⌈(in − effective + 1) / stride⌉ and no padding; with `same`, out = ⌈in / stride⌉ and the total
 * padding max((out − 1)·stride + effective − in, 0) split with the smaller half on top / left (the extra
 * row or column goes to the bottom / right). effective = (size − 1)·dilation + 1.
 */
export function windowGeometry(inputShape: readonly number[], options: WindowOptions): WindowGeometry {
  const { label, window, size, strides, padding } = options;
  const dilation = options.dilation ?? [1, 1];
  if (inputShape.length !== 3) {
    throw new ShapeError(
      `${label} expects samples of shape [height, width, channels] (channels last), got shape [${inputShape.join(', ')}]; reshape flat inputs first, e.g. Reshape({ targetShape: [28, 28, 1] })`,
    );
  }
  const [inH, inW, channels] = inputShape;
  const effH = (size[0] - 1) * dilation[0] + 1;
  const effW = (size[1] - 1) * dilation[1] + 1;
  let outH: number;
  let outW: number;
  let padTop = 0;
  let padLeft = 0;
  if (padding === 'valid') {
    if (effH > inH || effW > inW) {
      const dilated = dilation[0] > 1 || dilation[1] > 1 ? ` (dilated to ${effH}x${effW})` : '';
      throw new ShapeError(
        `${label} ${window} ${size[0]}x${size[1]}${dilated} is larger than its input of shape [${inputShape.join(', ')}] with padding "valid"; use padding "same" or a smaller ${window}`,
      );
    }
    outH = Math.ceil((inH - effH + 1) / strides[0]);
    outW = Math.ceil((inW - effW + 1) / strides[1]);
  } else {
    outH = Math.ceil(inH / strides[0]);
    outW = Math.ceil(inW / strides[1]);
    padTop = Math.floor(Math.max((outH - 1) * strides[0] + effH - inH, 0) / 2);
    padLeft = Math.floor(Math.max((outW - 1) * strides[1] + effW - inW, 0) / 2);
  }
  return {
    inH,
    inW,
    channels,
    windowH: size[0],
    windowW: size[1],
    strideH: strides[0],
    strideW: strides[1],
    dilationH: dilation[0],
    dilationW: dilation[1],
    padTop,
    padLeft,
    outH,
    outW,
  };
}
