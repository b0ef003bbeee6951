export { loadNativeKernels, nativeUnavailableReason, NATIVE_ADDON_PATH } from './load.js';
