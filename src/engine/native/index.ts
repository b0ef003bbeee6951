export { loadNativeKernels, nativeUnavailableReason, loadNativeSim, nativeSimUnavailableReason, NATIVE_ADDON_PATH } from './load.js';
export type { NativeSimAddon } from './nativeKernels.js';
