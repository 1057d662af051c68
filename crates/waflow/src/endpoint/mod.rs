//! The data-exchange endpoint as a tower service you mount at any path.
//!
//! Handlers are plain `async fn`s whose arguments are extractors ([`State`], [`Payload`],
//! [`WholeRequest`], [`FlowToken`], [`VerifiedClaims`]) and which return
//! `Result<FlowResponse, FlowError>`. `ping` and error notifications are answered by the
//! endpoint itself. Failures have fixed statuses: 400 malformed, 413 too large, 421 cannot
//! decrypt, 427 flow token no longer valid (encrypted `{"error_msg"}`), 432 bad signature,
//! 500 handler error, panic or missing route (generic body; the cause is logged at ERROR, on
//! stderr when no `tracing` subscriber is installed, and an in-process `FlowClient` gets it in
//! `Exchange::server_error`). A missing route's cause lists the screens that do have a handler
//! for the action, so a misspelt screen shows.
//!
//! ```
//! use axum::Router;
//! use serde::Deserialize;
//! use waflow::crypto::KeyPair;
//! use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, Payload, State};
//!
//! #[derive(Deserialize)]
//! struct Login {
//!     email: String,
//!     password: String,
//! }
//!
//! async fn login(State(pw): State<&'static str>, Payload(f): Payload<Login>) -> Result<FlowResponse, FlowError> {
//!     if f.password != pw {
//!         return Ok(FlowResponse::screen("LOGIN").error_message("Incorrect password").with("email_initial_value", f.email));
//!     }
//!     Ok(FlowResponse::screen("LOGIN_SUCCESS"))
//! }
//!
//! let key = KeyPair::generate()?.private_key().clone();
//! let endpoint = FlowEndpoint::new(key).on_data_exchange("LOGIN", login).with_state("secret1");
//! let app: Router = Router::new().route_service("/sign-up-flow", endpoint);
//! # Ok::<(), waflow::crypto::KeyError>(())
//! ```

mod builder;
mod contract;
mod diagnostics;
mod error;
pub mod extract;
mod fields;
mod handler;
mod pipeline;
mod request;
mod response;
mod route;
mod token;

pub use builder::{DEFAULT_BODY_LIMIT, FlowEndpoint};
pub use contract::{FlowContract, FlowMismatch, ResponsePolicy, Violation};
pub(crate) use diagnostics::{Diagnostics, InProcessClient};
pub use error::{
    DECRYPT_FAILED, EndpointError, FlowError, SIGNATURE_INVALID, TOKEN_NO_LONGER_VALID,
    decrypt_status, signature_status, token_status,
};
pub use extract::{
    FlowToken, FromFlowRequest, Payload, Rejection, RequestContext, Resolved, State,
    VerifiedClaims, WholeRequest,
};
pub use handler::{BoxFuture, Handler, HandlerResult, IntoFlowResult};
pub use request::{ErrorNotification, FlowAction, FlowRequest};
pub use response::FlowResponse;
pub use token::TokenResolver;
