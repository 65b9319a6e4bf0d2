// What other features use of the services desk: services, bookings, placements
// and the words for a service's kind.
export { useBookings, usePlacements, useServices, type Placement } from './api';
export { BookingsTable } from './Bookings';
export { knownKinds } from './format';
export { useKindLabel } from './parts';
