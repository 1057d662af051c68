//! The application's router: one function, one line per mounted service.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use secrecy::SecretString;
use waflow::crypto::PrivateKey;
use waflow::endpoint::{ErrorNotification, FlowAction, FlowEndpoint};
use waflow::store::Store;

use crate::accounts::{AccountError, Accounts};
use crate::delivery::{CodeSender, DevOutbox};
use crate::flow;
use crate::handlers::{self, entry::is_leave};
use crate::services::Services;

/// Where the flow endpoint is mounted (as in the tutorial).
pub const ENDPOINT_PATH: &str = "/sign-up-flow";

/// Everything the router needs.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The business private key.
    pub private_key: PrivateKey,
    /// The Meta app secret (enables the 432 signature check).
    pub app_secret: Option<SecretString>,
    /// Verify token of the webhook handshake; with the app secret it mounts `/webhook`.
    pub verify_token: Option<SecretString>,
    /// Store, accounts and code delivery.
    pub services: Services,
    /// The development outbox, when codes are not sent through the Cloud API.
    pub outbox: Option<DevOutbox>,
}

impl AppState {
    /// State on `store` (migrations applied) with `outbox` as the code sender and no app secret.
    ///
    /// # Errors
    /// The app's migrations fail.
    pub async fn with_outbox(
        private_key: PrivateKey,
        store: Store,
        outbox: DevOutbox,
    ) -> Result<Self, AccountError> {
        let mut state = Self::with_sender(private_key, store, Arc::new(outbox.clone())).await?;
        state.outbox = Some(outbox);
        Ok(state)
    }

    /// State on `store` (migrations applied) with `codes` as the code sender.
    ///
    /// # Errors
    /// The app's migrations fail.
    pub async fn with_sender(
        private_key: PrivateKey,
        store: Store,
        codes: Arc<dyn CodeSender>,
    ) -> Result<Self, AccountError> {
        let accounts = Accounts::open(store.clone()).await?;
        Ok(Self {
            private_key,
            app_secret: None,
            verify_token: None,
            services: Services {
                store,
                accounts,
                codes,
            },
            outbox: None,
        })
    }
}

async fn log_client_error(n: ErrorNotification) {
    tracing::warn!(screen = ?n.screen, error = %n.error, message = ?n.error_message, "client reported an error");
}

/// The sign-up flow's data-exchange endpoint; every request's flow token is checked against the
/// store first (427 when unknown, expired or closed).
pub fn endpoint(state: &AppState) -> FlowEndpoint {
    let mut endpoint = FlowEndpoint::new(state.private_key.clone());
    if let Some(secret) = &state.app_secret {
        endpoint = endpoint.app_secret(secret.clone());
    }
    endpoint
        .flow_token_check(state.services.store.flow_tokens())
        .on(FlowAction::DataExchange, "*", is_leave, handlers::leave)
        .on_init(handlers::init)
        .on_data_exchange(flow::START, handlers::start)
        .on_data_exchange(flow::SIGN_UP, handlers::sign_up)
        .on_data_exchange(flow::LOGIN, handlers::login)
        .on_data_exchange(flow::LOGIN_SUCCESS, handlers::login_success)
        .on_data_exchange(flow::FORGOT_PASSWORD, handlers::forgot_password)
        .on_data_exchange(flow::RESET_PASSWORD, handlers::reset_password)
        .on_data_exchange(flow::ACCOUNT, handlers::account_menu)
        .on_data_exchange(flow::CHANGE_EMAIL, handlers::change_email)
        .on_data_exchange(flow::CHANGE_PASSWORD, handlers::change_password)
        .on_error_notification(log_client_error)
        .with_state(state.services.clone())
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new().route_service(ENDPOINT_PATH, endpoint(&state));
    if let Some(outbox) = state.outbox.clone() {
        router = router.route(
            "/dev/outbox",
            get(move || async move { axum::Json(outbox.messages()) }),
        );
    }
    router = router.nest(
        "/playground",
        waflow::playground::Playground::for_flow(
            flow::sign_up_flow(),
            state.app_secret.iter().fold(
                waflow::testing::FlowClient::for_service(
                    endpoint(&state),
                    state.private_key.public_key(),
                ),
                |c, s| c.app_secret(s.clone()),
            ),
        )
        .flow_token({
            let store = state.services.store.clone();
            move || {
                let store = store.clone();
                async move {
                    match crate::services::issue_flow_token(&store, "playground").await {
                        Ok(token) => token.expose().to_owned(),
                        Err(e) => {
                            // The empty token is then refused with 427, which the page shows.
                            tracing::error!("cannot issue a playground flow token: {e}");
                            String::new()
                        }
                    }
                }
            }
        })
        .into_router(),
    );
    router = crate::webhook::mount(router, &state);
    router
}
