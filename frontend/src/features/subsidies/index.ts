// What other features use of subsidies: what a placement may get, its LKS
// application, the catalogue's LKS card and the applications still undecided.
export { undecided, useLksApplications } from './applications';
export { LksCard } from './LksCard';
export { LksOnPlacement } from './LksParts';
export { PlacementSubsidies } from './PlacementSubsidies';
