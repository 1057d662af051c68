//! Adapter from the store's flow tokens to the endpoint's token check (filled in once the
//! endpoint's hook exists).
