//! The flow's data-exchange handlers, one file per screen (or group of screens).
//!
//! Every handler re-checks what the screen promises (a client can send anything), and every
//! failure the user can fix comes back as the same screen with an `error_message`.

pub mod account;
pub mod common;
pub mod entry;
pub mod login;
pub mod recovery;
pub mod sign_up;

pub use account::{account_menu, change_email, change_password, notice_done};
pub use entry::{init, leave, start};
pub use login::{login, login_success};
pub use recovery::{forgot_password, reset_password};
pub use sign_up::sign_up;
