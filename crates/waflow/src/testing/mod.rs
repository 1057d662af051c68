//! The `testing` subsystem.
