// What other features use of openings: an organisation's openings as a table.
export { useOpenings } from './api';
export { OpeningsTable } from './OpeningsList';
