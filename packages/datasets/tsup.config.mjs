import { libraryConfig } from '@backprop/build-config';

export default libraryConfig({ browser: true, esmRequire: true });
