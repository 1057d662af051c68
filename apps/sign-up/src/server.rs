//! The application's router: one function, one line per mounted service.

use axum::Router;
use secrecy::SecretString;
use waflow::crypto::PrivateKey;
use waflow::endpoint::{ErrorNotification, FlowEndpoint};

use crate::handlers::{login, sign_up};
use crate::users::Users;

/// Where the flow endpoint is mounted (as in the tutorial).
pub const ENDPOINT_PATH: &str = "/sign-up-flow";

/// Everything the router needs.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The business private key.
    pub private_key: PrivateKey,
    /// The Meta app secret (enables the 432 signature check).
    pub app_secret: Option<SecretString>,
    /// The users.
    pub users: Users,
}

impl AppState {
    /// State with an empty user repository and no app secret.
    pub fn new(private_key: PrivateKey) -> Self {
        Self {
            private_key,
            app_secret: None,
            users: Users::new(),
        }
    }
}

async fn log_client_error(n: ErrorNotification) {
    tracing::warn!(screen = ?n.screen, error = %n.error, message = ?n.error_message, "client reported an error");
}

/// The sign-up flow's data-exchange endpoint.
pub fn endpoint(state: &AppState) -> FlowEndpoint {
    let mut endpoint = FlowEndpoint::new(state.private_key.clone());
    if let Some(secret) = &state.app_secret {
        endpoint = endpoint.app_secret(secret.clone());
    }
    endpoint
        .on_data_exchange("SIGN_UP", sign_up)
        .on_data_exchange("LOGIN", login)
        .on_error_notification(log_client_error)
        .with_state(state.users.clone())
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    Router::new().route_service(ENDPOINT_PATH, endpoint(&state))
}
