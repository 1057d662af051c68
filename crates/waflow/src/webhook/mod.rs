//! The webhook receiver: Meta's GET verify handshake, `X-Hub-Signature-256` checked in constant
//! time over the raw body, and typed updates — incoming messages, delivery statuses, flow
//! completions (`nfm_reply`, with `response_json` as your own type) and `field: flows` events.
//!
//! The POST is answered 200 as soon as the signature is checked, the body parsed and each
//! message id recorded in the [`DeliveryLog`]; handlers then run in their own tasks and their
//! failures are logged. A duplicate delivery of the same message id is handled once. Answers:
//! 403 for a missing or wrong signature or a refused handshake, 400 for a malformed body, 500
//! when the delivery log fails (so Meta delivers again).
//!
//! ```
//! use axum::Router;
//! use secrecy::SecretString;
//! use serde::Deserialize;
//! use waflow::webhook::{Completion, FlowEvent, Webhook};
//!
//! #[derive(Deserialize)]
//! struct SignUp {
//!     email: String,
//! }
//!
//! let webhook = Webhook::new(SecretString::from("verify-me"), SecretString::from("app-secret"))
//!     .on_flow_completion(|done: Completion<SignUp>| async move {
//!         println!("{} signed up with {}", done.from, done.response.email);
//!     })
//!     .on_flow_event(|event: FlowEvent| async move { println!("{event:?}") });
//! let app: Router = Router::new().nest("/webhook", webhook.into_router());
//! # drop(app);
//! ```

mod completion;
mod dedupe;
mod error;
mod router;
mod update;

pub use completion::{Completion, MediaEntry, RawCompletion};
pub use dedupe::{DeliveryFuture, DeliveryLog, DeliveryLogError, MemoryDeliveryLog};
pub use error::WebhookError;
pub use router::{IntoOutcome, Webhook};
pub use update::{
    AlertError, Change, Contact, Context, Entry, ErrorRateAlert, FlowEvent, Message, Metadata,
    Notification, Profile, Status, Text, Update,
};
