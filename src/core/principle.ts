/** The six principles of the International Open Data Charter (P1 open by default … P6 for inclusive development). */
export type Principle = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6';
