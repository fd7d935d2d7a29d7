// Loads and stores of the last 1–3 floats of a buffer whose length is not a multiple of four, so
// every loop can finish with the same four-lane code instead of a separate scalar copy of its formula.

/** A vector holding the `count` (1–3) floats at p, the remaining lanes set to `fill`. */
// @ts-ignore: decorator
@inline export function loadTail(p: usize, count: i32, fill: f32): v128 {
  let v = f32x4.splat(fill);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (count > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (count > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

/** Store the first `count` (1–3) lanes of v at p. */
// @ts-ignore: decorator
@inline export function storeTail(p: usize, v: v128, count: i32): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}

/**
 * The `count` (1–4) floats at p, four at a time: a full vector when count is 4, else a tail padded with
 * zeros. Called from an @inline step with a literal 4 in the main loop, the branch folds away there.
 */
// @ts-ignore: decorator
@inline export function loadLanes(p: usize, count: i32): v128 {
  return count == 4 ? v128.load(p) : loadTail(p, count, 0);
}

/** Store the first `count` (1–4) lanes of v at p; the counterpart of loadLanes. */
// @ts-ignore: decorator
@inline export function storeLanes(p: usize, v: v128, count: i32): void {
  if (count == 4) v128.store(p, v);
  else storeTail(p, v, count);
}

/** The sum of the four lanes. */
// @ts-ignore: decorator
@inline export function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** The largest of the four lanes. */
// @ts-ignore: decorator
@inline export function horizontalMax(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}
