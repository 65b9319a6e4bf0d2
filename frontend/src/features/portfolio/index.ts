// What other features use of the portfolio: its organisations and their details.
export { useOrganisation, usePortfolio, type PortfolioEntry } from './api';
