//! The `store` subsystem.
