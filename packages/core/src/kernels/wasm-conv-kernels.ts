import type { FloatArray } from '../matrix';
import type { ConvolutionKernels } from './kernels';
import type { WasmKernelExports } from './wasm-module';
import type { WasmStaging } from './wasm-staging';
import type { WindowGeometry } from './window-geometry';

/** Runs one kernel call with its arguments staged into the wasm heap (see createWasmKernels). */
type StagedCall = <T>(body: (ptr: WasmStaging['pointer']) => T) => T;

/** The thirteen geometry arguments of assembly/convolution.ts's im2col / col2im, in its order. */
function windowArgs(g: WindowGeometry): number[] {
  return [g.inH, g.inW, g.channels, g.windowH, g.windowW, g.strideH, g.strideW, g.dilationH, g.dilationW, g.padTop, g.padLeft, g.outH, g.outW];
}

/** Pooling windows have no dilation; assembly/pooling.ts's kernels take the rest. */
function poolArgs(g: WindowGeometry): number[] {
  return [g.inH, g.inW, g.channels, g.windowH, g.windowW, g.strideH, g.strideW, g.padTop, g.padLeft, g.outH, g.outW];
}

const inputSize = (g: WindowGeometry) => g.inH * g.inW * g.channels;
const patchRows = (g: WindowGeometry) => g.outH * g.outW;
const patchWidth = (g: WindowGeometry) => g.windowH * g.windowW * g.channels;

/** The exports the sliding-window kernels call: the module's own, or a WasmParallel's that split them by samples. */
export type WindowExports = Pick<WasmKernelExports, 'im2col' | 'col2im' | 'maxPool' | 'maxPoolBackward' | 'avgPool' | 'avgPoolBackward'>;

/** The wasm sliding-window kernels: im2col / col2im (the memory traffic around Conv2D's GEMMs) and max and average pooling. */
export function wasmConvolutionKernels(wasm: WindowExports, call: StagedCall): ConvolutionKernels {
  return {
    im2col(x: FloatArray, cols: FloatArray, batch: number, g: WindowGeometry) {
      call((ptr) => {
        const px = ptr(x, batch * inputSize(g), 'x');
        const pc = ptr(cols, batch * patchRows(g) * patchWidth(g), 'cols', true, false);
        wasm.im2col(px, pc, batch, ...windowArgs(g));
      });
    },
    col2im(cols, dx, batch, g, accumulate = false) {
      call((ptr) => {
        const pc = ptr(cols, batch * patchRows(g) * patchWidth(g), 'cols');
        const pdx = ptr(dx, batch * inputSize(g), 'dx', true, accumulate);
        wasm.col2im(pc, pdx, batch, ...windowArgs(g), accumulate ? 1 : 0);
      });
    },
    maxPool(x, y, argmax, batch, g) {
      call((ptr) => {
        const out = batch * patchRows(g) * g.channels;
        const px = ptr(x, batch * inputSize(g), 'x');
        const py = ptr(y, out, 'y', true, false);
        const pa = ptr(argmax, out, 'argmax', true, false);
        wasm.maxPool(px, py, pa, batch, ...poolArgs(g));
      });
    },
    maxPoolBackward(dy, argmax, dx, batch, g) {
      call((ptr) => {
        const out = batch * patchRows(g) * g.channels;
        const pdy = ptr(dy, out, 'dy');
        const pa = ptr(argmax, out, 'argmax');
        const pdx = ptr(dx, batch * inputSize(g), 'dx', true, false);
        wasm.maxPoolBackward(pdy, pa, pdx, batch, inputSize(g), patchRows(g) * g.channels);
      });
    },
    avgPool(x, y, batch, g) {
      call((ptr) => {
        const px = ptr(x, batch * inputSize(g), 'x');
        const py = ptr(y, batch * patchRows(g) * g.channels, 'y', true, false);
        wasm.avgPool(px, py, batch, ...poolArgs(g));
      });
    },
    avgPoolBackward(dy, dx, batch, g) {
      call((ptr) => {
        const pdy = ptr(dy, batch * patchRows(g) * g.channels, 'dy');
        const pdx = ptr(dx, batch * inputSize(g), 'dx', true, false);
        wasm.avgPoolBackward(pdy, pdx, batch, ...poolArgs(g));
      });
    },
  };
}
