//! The application's router: the flow endpoint and the webhook in every environment; the
//! playground and the development outbox only in development, and only for loopback `Host`
//! names (a tunnel, a proxy or a DNS-rebinding page gets 403 there).

use std::sync::Arc;

use axum::Router;
use axum::middleware::from_fn;
use axum::routing::get;
use secrecy::SecretString;
use waflow::crypto::PrivateKey;
use waflow::endpoint::{ErrorNotification, FlowAction, FlowEndpoint};
use waflow::store::Store;

use crate::accounts::{AccountError, Accounts};
use crate::config::Environment;
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
    /// Development mounts the playground and the outbox; production neither.
    pub environment: Environment,
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
            environment: Environment::Development,
        })
    }
}

/// Logs a client's error notification. Its texts come from the client: bounded and logged with
/// `Debug` (quoted, newlines escaped), so they cannot forge or flood log lines.
async fn log_client_error(n: ErrorNotification) {
    let bounded = |t: &str| t.chars().take(200).collect::<String>();
    tracing::warn!(
        screen = ?n.screen.as_deref().map(bounded),
        error = ?bounded(&n.error),
        message = ?n.error_message.as_deref().map(bounded),
        "client reported an error"
    );
}

/// The sign-up flow's data-exchange endpoint; every request needs a flow token this store issued
/// for the sign-up flow (427 when missing, unknown, expired, closed or of another flow), and,
/// with an app secret, a valid `X-Hub-Signature-256` (432).
pub fn endpoint(state: &AppState) -> FlowEndpoint {
    let endpoint = routes(state);
    let endpoint = match &state.app_secret {
        Some(secret) => endpoint.app_secret(secret.clone()),
        None => endpoint,
    };
    endpoint.with_state(state.services.clone())
}

/// The flow-bound routes of the endpoint, without the signature check and the state.
fn routes(state: &AppState) -> FlowEndpoint<Services> {
    FlowEndpoint::new(state.private_key.clone())
        .flow(&flow::sign_up_flow())
        .flow_token_check(
            state
                .services
                .store
                .flow_tokens()
                .for_flow(crate::services::FLOW_ID),
        )
        .on_any_screen(FlowAction::DataExchange, is_leave, handlers::leave)
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
        .on_data_exchange(flow::NOTICE, handlers::notice_done)
        .on_error_notification(log_client_error)
}

/// Checks the endpoint's routes against the flow it serves (run at start-up: every problem
/// listed, nothing served).
///
/// # Errors
/// The handlers and the Flow JSON disagree.
pub fn check_flow(state: &AppState) -> Result<(), waflow::endpoint::FlowMismatch> {
    routes(state)
        .try_with_state(state.services.clone())
        .map(drop)
}

/// The whole application for its environment.
pub fn app(state: AppState) -> Router {
    let endpoint = crate::ops::metrics::measured(endpoint(&state));
    let router = Router::new().route_service(ENDPOINT_PATH, endpoint);
    let webhook = crate::webhook::mount(Router::new(), &state);
    let router = router.merge(crate::ops::metrics::measured_webhook(webhook));
    let router = router.merge(crate::ops::health::routes(&state));
    match state.environment {
        Environment::Development => router
            .merge(development_routes(&state))
            .merge(crate::ops::dev_index::router()),
        Environment::Production => router,
    }
}

/// `/playground` and `/dev/outbox`, answering loopback `Host` names only.
fn development_routes(state: &AppState) -> Router {
    let mut dev = Router::new();
    if let Some(outbox) = state.outbox.clone() {
        dev = dev.route(
            "/dev/outbox",
            get(move || async move { axum::Json(outbox.messages()) }),
        );
    }
    // The playground's own endpoint: the same routes on the same store, without the signature
    // check, so the playground never holds the app secret and cannot sign for anyone.
    let unsigned = routes(state).with_state(state.services.clone());
    let store = state.services.store.clone();
    let playground = waflow::playground::Playground::for_flow(
        flow::sign_up_flow(),
        waflow::testing::FlowClient::for_service(unsigned, state.private_key.public_key()),
    )
    .flow_token_for(move |phone: String| {
        let store = store.clone();
        async move {
            match crate::services::issue_flow_token(&store, &phone).await {
                Ok(token) => token.expose().to_owned(),
                Err(e) => {
                    // The empty token is then refused with 427, which the page shows.
                    tracing::error!("cannot issue a playground flow token: {e}");
                    String::new()
                }
            }
        }
    })
    .mount("/playground");
    dev.merge(playground)
        .route_layer(from_fn(waflow::playground::require_loopback_host))
}
