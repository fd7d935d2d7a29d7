import '@backprop/layers/keras';
import { loadModel } from '@backprop/layers';

// The page (or the VM playing one) hands over a .keras file as base64 and inputs; this loads the bytes with
// the browser build and reports the predictions, or the error.
const page = globalThis as { __kerasBase64?: string; __kerasInputs?: number[][]; __keras?: Promise<number[][]> };
page.__keras = (async () => {
  const binary = atob(page.__kerasBase64 ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const model = await loadModel(bytes);
  return model.predict(page.__kerasInputs ?? []).toArray();
})();
