/** MIT Open Data (MOD) HDF5 files: read, write, select jets for the studies. */
export { JETS_I_COLS, JETS_F_COLS, PFCS_COLS, GENS_COLS, Quality, columnIndex, type ModBlock, type ModData } from './layout.js';
export { writeMod, writeModChunks, readMod, type ModIoOptions, type ModReadOptions, type ModJetTables, type ModFileSummary } from './hdf5.js';
export { selectJets, selectedJetRows, readSelectedJets, loadJets, concatJets, subsetJets, splitByEvent, pairDijets, jetsToTable, deltaPhi, DEFAULT_SELECTION, type JetSelection, type JetDataset } from './jets.js';
export { pidToFloat } from './pid.js';
