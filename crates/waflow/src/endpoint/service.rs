//! [`FlowEndpoint`]: the builder and the tower service.

use std::any::TypeId;
use std::convert::Infallible;
use std::fmt;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use axum::body::Body;
use bytes::Bytes;
use futures_util::FutureExt as _;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use http_body_util::BodyExt as _;
use secrecy::SecretString;
use serde_json::Value;
use tracing::Instrument as _;

use super::contract::{FlowContract, FlowMismatch, ResponsePolicy, Violation};
use super::diagnostics::{Diagnostics, InProcessClient};
use super::extract::RequestContext;
use super::handler::{BoxFuture, ErasedHandler, Handler, HandlerResult, bind, erase};
use super::token::{ErasedResolver, TokenResolver, erase_resolver};
use super::{EndpointError, ErrorNotification, FlowAction, FlowError, FlowRequest, FlowResponse};
use crate::crypto::jwt::{JwtError, verify_hs256};
use crate::crypto::{
    EncryptedRequest, PrivateKey, ResponseCipher, decrypt_request, verify_signature,
};

/// Default body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

type Guard = Arc<dyn Fn(&FlowRequest) -> bool + Send + Sync>;
type NotificationHandler = Arc<dyn Fn(ErrorNotification) -> BoxFuture<()> + Send + Sync>;
type ErrorHandler = Arc<dyn Fn(&FlowRequest, FlowError) -> HandlerResult + Send + Sync>;

struct Route<S> {
    action: FlowAction,
    screen: Option<String>,
    guard: Option<Guard>,
    handler: ErasedHandler<S>,
    payload_fields: Option<&'static [&'static str]>,
}

impl<S> Clone for Route<S> {
    fn clone(&self) -> Self {
        Self {
            action: self.action,
            screen: self.screen.clone(),
            guard: self.guard.clone(),
            handler: self.handler.clone(),
            payload_fields: self.payload_fields,
        }
    }
}

impl<S> Route<S> {
    fn matches(&self, req: &FlowRequest) -> bool {
        self.action == req.action
            && self
                .screen
                .as_deref()
                .is_none_or(|s| req.screen.as_deref() == Some(s))
            && self.guard.as_ref().is_none_or(|g| g(req))
    }
}

struct Config<S> {
    key: PrivateKey,
    app_secret: Option<SecretString>,
    routes: Vec<Route<S>>,
    fallback: Option<ErasedHandler<S>>,
    notification: Option<NotificationHandler>,
    error_handler: Option<ErrorHandler>,
    token_check: Option<Arc<dyn ErasedResolver>>,
    /// The `Resolved<T>` types the handlers take.
    token_info_needs: Vec<(TypeId, &'static str)>,
    token_optional: Vec<(FlowAction, Option<String>)>,
    body_limit: usize,
    contract: Option<Result<Arc<FlowContract>, FlowMismatch>>,
    policy: ResponsePolicy,
    violations: Arc<AtomicU64>,
    mismatch: Option<Arc<FlowMismatch>>,
}

impl<S> Config<S> {
    fn token_may_be_missing(&self, request: &FlowRequest) -> bool {
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
    config: Arc<Config<S>>,
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

impl tower::Service<http::Request<Body>> for FlowEndpoint<()> {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        let config = self.config.clone();
        let span = tracing::info_span!(
            "flow_request",
            action = tracing::field::Empty,
            screen = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        Box::pin(
            async move {
                let response = handle(&config, req).await;
                tracing::Span::current().record("status", response.status().as_u16());
                Ok(response)
            }
            .instrument(span),
        )
    }
}

fn plain(status: StatusCode, body: &'static str) -> http::Response<Body> {
    let mut res = http::Response::new(Body::from(body));
    *res.status_mut() = status;
    res.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

fn encrypted(status: StatusCode, cipher: &ResponseCipher, json: &[u8]) -> http::Response<Body> {
    let mut res = http::Response::new(Body::from(cipher.encrypt(json)));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    res
}

/// Answers a failure: 427 encrypted `{"error_msg"}` when a cipher exists, a short plain body
/// otherwise. Nothing sensitive is sent; server-side causes are logged.
fn failure(err: &EndpointError, cipher: Option<&ResponseCipher>) -> http::Response<Body> {
    let status = err.status();
    if status.is_server_error() {
        tracing::error!(error = %err, "request failed");
    } else {
        tracing::info!(error = %err, "request rejected");
    }
    let message = match err {
        EndpointError::Flow(FlowError::TokenNoLongerValid(m)) => Some(m.as_str()),
        EndpointError::TokenSignature(_) => Some("Flow token signature is not valid"),
        _ => None,
    };
    match (message, cipher) {
        (Some(m), Some(c)) => {
            let body = serde_json::json!({ "error_msg": m }).to_string();
            encrypted(status, c, body.as_bytes())
        }
        _ => plain(
            status,
            match status.as_u16() {
                400 => "bad request",
                413 => "payload too large",
                421 => "cannot decrypt the request",
                427 => "flow token no longer valid",
                432 => "request signature invalid",
                _ => "internal server error",
            },
        ),
    }
}

async fn read_body(
    config: &Config<()>,
    req: http::Request<Body>,
) -> Result<(http::HeaderMap, Bytes), EndpointError> {
    let limit = config.body_limit;
    let (parts, body) = req.into_parts();
    if let Some(len) = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        && len > limit as u64
    {
        return Err(EndpointError::BodyTooLarge(limit));
    }
    let collected = http_body_util::Limited::new(body, limit)
        .collect()
        .await
        .map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                EndpointError::BodyTooLarge(limit)
            } else {
                EndpointError::BodyRead
            }
        })?;
    Ok((parts.headers, collected.to_bytes()))
}

async fn handle(config: &Config<()>, req: http::Request<Body>) -> http::Response<Body> {
    let in_process = req.extensions().get::<InProcessClient>().is_some();
    let mut diagnostics = Diagnostics::default();
    let mut response = pipeline(config, req, &mut diagnostics).await;
    if in_process && !diagnostics.is_empty() {
        response.extensions_mut().insert(diagnostics);
    }
    response
}

async fn pipeline(
    config: &Config<()>,
    req: http::Request<Body>,
    diagnostics: &mut Diagnostics,
) -> http::Response<Body> {
    let (headers, body) = match read_body(config, req).await {
        Ok(v) => v,
        Err(e) => return failure(&e, None),
    };
    if let Some(secret) = &config.app_secret {
        let Some(header) = headers.get("x-hub-signature-256") else {
            return failure(&EndpointError::SignatureMissing, None);
        };
        let ok = header
            .to_str()
            .is_ok_and(|h| verify_signature(secret, &body, h));
        if !ok {
            return failure(&EndpointError::SignatureInvalid, None);
        }
    }
    let envelope: EncryptedRequest = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::MalformedBody(e.to_string()), None),
    };
    let (plaintext, cipher) = match decrypt_request(&config.key, &envelope) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::Decrypt(e), None),
    };
    drop(body);
    let request: FlowRequest = match serde_json::from_slice(&plaintext) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::MalformedRequest(e.to_string()), None),
    };
    let span = tracing::Span::current();
    span.record("action", tracing::field::debug(request.action));
    if let Some(screen) = &request.screen {
        span.record("screen", screen.as_str());
    }
    let answered = match respond(config, request, &mut diagnostics.violations).await {
        Ok(response) => {
            serde_json::to_vec(&response).map_err(|e| EndpointError::Flow(FlowError::internal(e)))
        }
        Err(e) => Err(e),
    };
    match answered {
        Ok(json) => encrypted(StatusCode::OK, &cipher, &json),
        Err(e) => {
            if e.status().is_server_error() {
                diagnostics.server_error = Some(e.to_string());
            }
            failure(&e, Some(&cipher))
        }
    }
}

async fn respond(
    config: &Config<()>,
    request: FlowRequest,
    violations: &mut Vec<Violation>,
) -> Result<FlowResponse, EndpointError> {
    if request.action == FlowAction::Ping {
        return Ok(FlowResponse::data_only(single("status", "active")));
    }
    if let Some(mismatch) = &config.mismatch {
        return Err(EndpointError::Mismatch(mismatch.clone()));
    }
    if let Some(notification) = request.error_notification() {
        // Client-chosen text: bounded and `Debug`-quoted, so it cannot forge or flood log lines.
        let error: String = notification.error.chars().take(200).collect();
        tracing::warn!(?error, "client reported an error");
        if let Some(handler) = &config.notification
            && AssertUnwindSafe(handler(notification))
                .catch_unwind()
                .await
                .is_err()
        {
            tracing::error!("error-notification handler panicked");
        }
        return Ok(FlowResponse::data_only(single("acknowledged", true)));
    }
    let claims = match (&config.app_secret, &request.flow_token_signature) {
        (Some(secret), Some(jwt)) => {
            let claims = verify_hs256(secret, jwt)?;
            // A signature vouches for one token: the request's.
            if claims.get("flow_token").and_then(Value::as_str) != request.flow_token.as_deref() {
                return Err(EndpointError::TokenSignature(JwtError::Signature));
            }
            Some(claims)
        }
        _ => None,
    };
    let mut token_info = None;
    if let Some(check) = &config.token_check {
        match &request.flow_token {
            Some(token) => token_info = Some(check.resolve(token.clone()).await?),
            None if config.token_may_be_missing(&request) => {}
            None => return Err(FlowError::token_no_longer_valid("Missing flow token").into()),
        }
    }
    let handler = config
        .routes
        .iter()
        .find(|r| r.matches(&request))
        .map(|r| &r.handler)
        .or(config.fallback.as_ref())
        .ok_or_else(|| EndpointError::NoHandler {
            action: format!("{:?}", request.action),
            screen: request.screen().to_owned(),
        })?;
    let mut ctx = RequestContext::new(request, claims);
    ctx.token_info = token_info;
    let fut = std::panic::catch_unwind(AssertUnwindSafe(|| handler(&ctx, &())))
        .map_err(|_| EndpointError::Panic)?;
    let result = AssertUnwindSafe(fut)
        .catch_unwind()
        .await
        .map_err(|_| EndpointError::Panic)?;
    let response = match (result, &config.error_handler) {
        (Ok(r), _) => r,
        (Err(e), Some(map)) => map(&ctx.request, e)?,
        (Err(e), None) => return Err(e.into()),
    };
    if let Some(Ok(contract)) = &config.contract {
        let found = contract.check_response(&ctx.request, &response);
        if !found.is_empty() {
            config
                .violations
                .fetch_add(found.len() as u64, Ordering::Relaxed);
            for v in &found {
                tracing::warn!(
                    rule = v.rule,
                    "response breaks the flow's contract: {}",
                    v.message
                );
            }
            let refuse = config.policy == ResponsePolicy::Refuse;
            let joined = found.iter().map(ToString::to_string).collect::<Vec<_>>();
            violations.extend(found);
            if refuse {
                return Err(EndpointError::Contract(joined.join("; ")));
            }
        }
    }
    Ok(response)
}

fn single(key: &str, value: impl Into<Value>) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert(key.to_owned(), value.into());
    map
}
