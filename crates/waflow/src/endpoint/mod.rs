//! The `endpoint` subsystem.
