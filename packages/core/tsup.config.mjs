import { libraryConfig } from '@backprop/build-config';

export default libraryConfig({ browser: true, bin: { 'bin/predict': 'src/bin/predict.ts' } });
