//! The Flow JSON language of WhatsApp Flows: a typed model of every screen, component, action and
//! dynamic value, a builder with typed references, lossless serde and an offline validator that
//! mirrors Meta's upload-time rules. No I/O, no async.

pub mod validate;
