import { libraryConfig } from '@backprop/build-config';

export default libraryConfig({ esmRequire: true, browser: true });
