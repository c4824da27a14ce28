// The names of the API calls, derived from the contract, for the hosts and the preload that register one channel each.
export { API_METHODS, PUBLIC_METHODS, type ApiMethod } from './contract';
