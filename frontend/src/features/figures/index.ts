// What other features use of the figures: the numbers and their filters.
export { useFigures } from './api';
export { emptyFilters, preset } from './figures';
