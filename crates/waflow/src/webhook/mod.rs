//! The `webhook` subsystem.
