//! The `crypto` subsystem.
