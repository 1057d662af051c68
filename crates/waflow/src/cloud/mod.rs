//! The `cloud` subsystem.
