//! [`FlowEndpoint`]'s builder: keys, limits, routes, hooks, the flow it serves, and binding the
//! state (`with_state` / `try_with_state`) with the route-against-flow check.

use std::any::TypeId;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use secrecy::SecretString;

use super::contract::{FlowContract, FlowMismatch, ResponsePolicy};
use super::handler::{BoxFuture, ErasedHandler, Handler, HandlerResult, bind, erase};
use super::route::{Guard, Route};
use super::token::{ErasedResolver, TokenResolver, erase_resolver};
use super::{ErrorNotification, FlowAction, FlowError, FlowRequest};
use crate::crypto::PrivateKey;

/// Default body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

type NotificationHandler = Arc<dyn Fn(ErrorNotification) -> BoxFuture<()> + Send + Sync>;
type ErrorHandler = Arc<dyn Fn(&FlowRequest, FlowError) -> HandlerResult + Send + Sync>;

/// Everything the builder collected; shared (behind an `Arc`) by the service's clones.
pub(super) struct Config<S> {
    pub(super) key: PrivateKey,
    pub(super) app_secret: Option<SecretString>,
    pub(super) routes: Vec<Route<S>>,
    pub(super) fallback: Option<ErasedHandler<S>>,
    pub(super) notification: Option<NotificationHandler>,
    pub(super) error_handler: Option<ErrorHandler>,
    pub(super) token_check: Option<Arc<dyn ErasedResolver>>,
    /// The `Resolved<T>` types the handlers take.
    pub(super) token_info_needs: Vec<(TypeId, &'static str)>,
    pub(super) token_optional: Vec<(FlowAction, Option<String>)>,
    pub(super) body_limit: usize,
    pub(super) contract: Option<Result<Arc<FlowContract>, FlowMismatch>>,
    pub(super) policy: ResponsePolicy,
    pub(super) violations: Arc<AtomicU64>,
    pub(super) mismatch: Option<Arc<FlowMismatch>>,
}

impl<S> Config<S> {
    /// Whether `request` may come without a flow token.
    pub(super) fn token_may_be_missing(&self, request: &FlowRequest) -> bool {
        self.token_optional.iter().any(|(action, screen)| {
            *action == request.action
                && screen
                    .as_deref()
                    .is_none_or(|s| request.screen.as_deref() == Some(s))
        })
    }
}

impl<S> Clone for Config<S> {
    fn clone(&self) -> Self {
        Self {
            key: self.key.clone(),
            app_secret: self.app_secret.clone(),
            routes: self.routes.clone(),
            fallback: self.fallback.clone(),
            notification: self.notification.clone(),
            error_handler: self.error_handler.clone(),
            token_check: self.token_check.clone(),
            token_info_needs: self.token_info_needs.clone(),
            token_optional: self.token_optional.clone(),
            body_limit: self.body_limit,
            contract: self.contract.clone(),
            policy: self.policy,
            violations: self.violations.clone(),
            mismatch: self.mismatch.clone(),
        }
    }
}

/// The data-exchange endpoint: decrypts, checks, routes to your handlers, encrypts.
///
/// `FlowEndpoint<S>` still needs a state of type `S` ([`FlowEndpoint::with_state`]);
/// `FlowEndpoint<()>` is a `tower::Service` you mount with `Router::route_service`.
pub struct FlowEndpoint<S = ()> {
    pub(super) config: Arc<Config<S>>,
}

impl<S> Clone for FlowEndpoint<S> {
    fn clone(&self) -> Self {
        Self {
            config: self.config.clone(),
        }
    }
}

impl<S> fmt::Debug for FlowEndpoint<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlowEndpoint")
            .field("routes", &self.config.routes.len())
            .field("app_secret", &self.config.app_secret.is_some())
            .field("body_limit", &self.config.body_limit)
            .finish_non_exhaustive()
    }
}

impl<S> FlowEndpoint<S>
where
    S: Clone + Send + Sync + 'static,
{
    /// An endpoint that decrypts with `private_key`; routes come next.
    pub fn new(private_key: PrivateKey) -> Self {
        Self {
            config: Arc::new(Config {
                key: private_key,
                app_secret: None,
                routes: Vec::new(),
                fallback: None,
                notification: None,
                error_handler: None,
                token_check: None,
                token_info_needs: Vec::new(),
                token_optional: Vec::new(),
                body_limit: DEFAULT_BODY_LIMIT,
                contract: None,
                policy: ResponsePolicy::default(),
                violations: Arc::default(),
                mismatch: None,
            }),
        }
    }

    fn config(&mut self) -> &mut Config<S> {
        Arc::make_mut(&mut self.config)
    }

    /// Checks `X-Hub-Signature-256` on every request (432 when missing or wrong) and verifies
    /// `flow_token_signature` when present (427 when it does not verify).
    #[must_use]
    pub fn app_secret(mut self, secret: SecretString) -> Self {
        self.config().app_secret = Some(secret);
        self
    }

    /// Maximum body size (default 1 MiB); larger bodies get 413.
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.config().body_limit = bytes;
        self
    }

    /// Handles `data_exchange` on `screen`.
    #[must_use]
    pub fn on_data_exchange<H, T>(self, screen: impl AsRef<str>, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.route(
            FlowAction::DataExchange,
            Some(screen.as_ref()),
            None,
            handler,
        )
    }

    /// Handles `INIT`.
    #[must_use]
    pub fn on_init<H, T>(self, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.route(FlowAction::Init, None, None, handler)
    }

    /// Handles `BACK` on `screen`.
    #[must_use]
    pub fn on_back<H, T>(self, screen: impl AsRef<str>, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.route(FlowAction::Back, Some(screen.as_ref()), None, handler)
    }

    /// Handles `action` on `screen` when `guard` returns true. Routes are tried in the order
    /// they were added; the first match wins.
    #[must_use]
    pub fn on<G, H, T>(
        self,
        action: FlowAction,
        screen: impl AsRef<str>,
        guard: G,
        handler: H,
    ) -> Self
    where
        G: Fn(&FlowRequest) -> bool + Send + Sync + 'static,
        H: Handler<T, S>,
        T: 'static,
    {
        self.route(
            action,
            Some(screen.as_ref()),
            Some(Arc::new(guard)),
            handler,
        )
    }

    /// Handles `action` on any screen when `guard` returns true (e.g. a "Leave" link present on
    /// every screen). Routes are tried in the order they were added; the first match wins.
    #[must_use]
    pub fn on_any_screen<G, H, T>(self, action: FlowAction, guard: G, handler: H) -> Self
    where
        G: Fn(&FlowRequest) -> bool + Send + Sync + 'static,
        H: Handler<T, S>,
        T: 'static,
    {
        self.route(action, None, Some(Arc::new(guard)), handler)
    }

    fn route<H, T>(
        mut self,
        action: FlowAction,
        screen: Option<&str>,
        guard: Option<Guard>,
        handler: H,
    ) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        let fields = handler.payload_fields();
        self.need_token_info(&handler);
        self.config().routes.push(Route {
            action,
            screen: screen.map(str::to_owned),
            guard,
            handler: erase(handler),
            payload_fields: fields,
        });
        self
    }

    fn need_token_info<H, T>(&mut self, handler: &H)
    where
        H: Handler<T, S>,
    {
        let needs = handler.token_info_types();
        self.config().token_info_needs.extend(needs);
    }

    /// Runs when no route matches.
    #[must_use]
    pub fn fallback<H, T>(mut self, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.need_token_info(&handler);
        self.config().fallback = Some(erase(handler));
        self
    }

    /// Receives error notifications (they are acknowledged automatically either way).
    #[must_use]
    pub fn on_error_notification<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(ErrorNotification) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        self.config().notification = Some(Arc::new(move |n| Box::pin(handler(n))));
        self
    }

    /// Maps a handler's error to a response (or another error) before it is answered.
    #[must_use]
    pub fn on_handler_error<F>(mut self, handler: F) -> Self
    where
        F: Fn(&FlowRequest, FlowError) -> HandlerResult + Send + Sync + 'static,
    {
        self.config().error_handler = Some(Arc::new(handler));
        self
    }

    /// Checks every request's flow token before routing (ping and error notifications
    /// excepted). A request without a flow token is refused with 427 ("Missing flow token")
    /// unless its action and screen were opted out with
    /// [`allow_missing_flow_token`](Self::allow_missing_flow_token): fail closed.
    #[must_use]
    pub fn flow_token_check<R>(mut self, resolver: R) -> Self
    where
        R: TokenResolver,
    {
        self.config().token_check = Some(erase_resolver(resolver));
        self
    }

    /// Lets requests of `action` on `screen` (`None`: any screen) through the
    /// [`flow_token_check`](Self::flow_token_check) when they carry no flow token at all (a
    /// token that is present is still checked). Only for a route that needs no identity.
    #[must_use]
    pub fn allow_missing_flow_token(mut self, action: FlowAction, screen: Option<&str>) -> Self {
        self.config()
            .token_optional
            .push((action, screen.map(str::to_owned)));
        self
    }

    /// Binds the endpoint to the flow it serves (a `waflow_json::FlowJson`, a
    /// `serde_json::Value`, anything that serialises to Flow JSON). Then
    /// [`try_with_state`](Self::try_with_state) refuses handlers for screens the flow lacks,
    /// `data_exchange` screens without a handler and `Payload<T>` fields no payload sends; and
    /// every response is checked against the routing model and the target screen's data model
    /// ([`response_policy`](Self::response_policy)).
    #[must_use]
    pub fn flow(mut self, flow: &impl serde::Serialize) -> Self {
        self.config().contract = Some(FlowContract::from_flow(flow).map(Arc::new));
        self
    }

    /// What a response that breaks the flow's contract gets (default: logged and counted).
    #[must_use]
    pub fn response_policy(mut self, policy: ResponsePolicy) -> Self {
        self.config().policy = policy;
        self
    }

    /// Every disagreement between the routes and the flow (empty without [`flow`](Self::flow)).
    fn mismatches(&self) -> Vec<String> {
        let config = &self.config;
        let mut problems = self.token_info_mismatches();
        let contract = match &config.contract {
            None => return problems,
            Some(Err(e)) => {
                problems.extend(e.0.iter().cloned());
                return problems;
            }
            Some(Ok(c)) => c,
        };
        for route in &config.routes {
            contract.check_route(
                route.action,
                route.screen.as_deref(),
                route.payload_fields.filter(|_| route.guard.is_none()),
                &mut problems,
            );
        }
        if config.fallback.is_none() {
            for screen in contract.exchange_screens() {
                let handled = config.routes.iter().any(|r| {
                    r.action == FlowAction::DataExchange
                        && r.guard.is_none()
                        && r.screen.as_deref().is_none_or(|s| s == screen)
                });
                if !handled {
                    problems.push(format!(
                        "screen `{screen}` sends data_exchange, but no handler is registered for it"
                    ));
                }
            }
        }
        problems
    }

    /// Handlers taking `Resolved<T>` for a `T` the token check does not produce.
    fn token_info_mismatches(&self) -> Vec<String> {
        let config = &self.config;
        let produced = config.token_check.as_ref().map(|c| c.info_type());
        let mut problems: Vec<String> = Vec::new();
        for (needed, name) in &config.token_info_needs {
            let problem = match produced {
                None => format!(
                    "a handler takes Resolved<{name}>, but no flow_token_check is set to resolve tokens"
                ),
                Some((id, _)) if id == *needed => continue,
                Some((_, produced)) => format!(
                    "a handler takes Resolved<{name}>, but the flow_token_check resolves tokens to {produced}"
                ),
            };
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        problems
    }

    /// Gives the handlers their state; the result is a service. With a [`flow`](Self::flow)
    /// the routes must match it ([`try_with_state`](Self::try_with_state)); when they do not,
    /// every problem is logged at ERROR and the endpoint fails closed: each request other than
    /// ping is answered 500.
    pub fn with_state(self, state: S) -> FlowEndpoint<()> {
        let problems = self.mismatches();
        let mut endpoint = self.bind_state(state);
        if !problems.is_empty() {
            for problem in &problems {
                tracing::error!("{problem}");
            }
            Arc::make_mut(&mut endpoint.config).mismatch = Some(Arc::new(FlowMismatch(problems)));
        }
        endpoint
    }

    /// Gives the handlers their state, checking the routes against the [`flow`](Self::flow).
    ///
    /// # Errors
    /// [`FlowMismatch`] listing every problem: a handler for a screen the flow lacks, a
    /// `data_exchange` screen without a handler, a `Payload<T>` field that no `data_exchange`
    /// payload of the screen sends, or a flow that cannot be read.
    pub fn try_with_state(self, state: S) -> Result<FlowEndpoint<()>, FlowMismatch> {
        let problems = self.mismatches();
        if problems.is_empty() {
            Ok(self.bind_state(state))
        } else {
            Err(FlowMismatch(problems))
        }
    }

    fn bind_state(self, state: S) -> FlowEndpoint<()> {
        let config = Arc::unwrap_or_clone(self.config);
        let routes = config
            .routes
            .into_iter()
            .map(|r| Route {
                action: r.action,
                screen: r.screen,
                guard: r.guard,
                handler: bind(r.handler, state.clone()),
                payload_fields: r.payload_fields,
            })
            .collect();
        FlowEndpoint {
            config: Arc::new(Config {
                key: config.key,
                app_secret: config.app_secret,
                routes,
                fallback: config.fallback.map(|h| bind(h, state.clone())),
                notification: config.notification,
                error_handler: config.error_handler,
                token_check: config.token_check,
                token_info_needs: config.token_info_needs,
                token_optional: config.token_optional,
                body_limit: config.body_limit,
                contract: config.contract,
                policy: config.policy,
                violations: config.violations,
                mismatch: config.mismatch,
            }),
        }
    }
}

impl FlowEndpoint<()> {
    /// How many responses broke the flow's contract since the endpoint was built (clones share
    /// the count).
    pub fn contract_violations(&self) -> u64 {
        self.config.violations.load(Ordering::Relaxed)
    }
}
