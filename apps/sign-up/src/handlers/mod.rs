//! The tutorial's data-exchange handlers, one file per screen.

pub mod login;
pub mod sign_up;

pub use login::{Login, login};
pub use sign_up::{SignUp, sign_up};
