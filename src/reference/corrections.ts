// A correction made to a row of a reviewed network data set (data/networks): what was changed and
// why. The data files carry it and network_region/network_hospital store it as it is.
export interface CorrectionRecord {
  kind: string;
  reason: string;
}
