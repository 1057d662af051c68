//! Configuration: the command line ([`cli`]), the environment it runs in ([`Environment`]) and
//! the start-up check ([`Settings::check`]) that refuses an unsafe or incomplete configuration,
//! one line per problem, before anything listens.

pub mod cli;
mod environment;
mod settings;

pub use environment::Environment;
pub use settings::{ConfigErrors, Delivery, Settings};
