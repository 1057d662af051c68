//! The `playground` subsystem.
