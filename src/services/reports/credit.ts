// Writing conversion credit into the attribution rollups, for every attribution model at once.
// Scoring (an MQL) and outcomes (accepted, won, revenue) call this; the statements live in the store.
export { creditConversion, type CreditMetric } from "../../store/rollups";
