/**
 * pricewar's Postgres advisory locks use two int keys: this namespace first, so they stay
 * apart from anyone else's locks on the server, then the lock's own key (a source's
 * hashtext for a run's source lock, CATALOGUE_WRITE_LOCK for write transactions).
 */
export const ADVISORY_LOCK_NAMESPACE = 0x70726377; // "prcw"
