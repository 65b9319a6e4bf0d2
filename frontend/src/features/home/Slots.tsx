/**
 * HeadlineFigures is the slot for the region's headline figures (issue item 1) on the staff start page. It renders
 * nothing yet: the integrator wires it to GET /api/v1/figures (package insight) when that lands.
 */
export function HeadlineFigures() {
  return null;
}

/**
 * SubsidyDeadlines is the slot for the subsidy deadlines coming (package subsidy, pages under features/subsidies).
 * It renders nothing yet: the integrator wires it to the subsidies' deadlines when they land.
 */
export function SubsidyDeadlines() {
  return null;
}
