//! The client emulator.

use std::convert::Infallible;

use axum::body::Body;
use http::{HeaderMap, HeaderValue};
use http_body_util::BodyExt as _;
use secrecy::SecretString;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use tower::util::BoxCloneSyncService;

use super::Exchange;
use crate::crypto::{EncryptError, PublicKey, ResponseCipher, encrypt_request, jwt, sign_body};
use crate::endpoint::{Diagnostics, FlowAction, FlowRequest, InProcessClient};

type Svc = BoxCloneSyncService<http::Request<Body>, http::Response<Body>, Infallible>;

#[derive(Clone)]
enum Transport {
    Service(Svc),
    Url(reqwest::Client, String),
}

/// Why the client could not complete an exchange.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// Encrypting the request failed.
    #[error("encrypting the request failed: {0}")]
    Encrypt(#[from] EncryptError),
    /// The HTTP transport failed.
    #[error("transport: {0}")]
    Transport(String),
    /// A 200 answer could not be decrypted or is not JSON.
    #[error("the answer cannot be decrypted: {0}")]
    Response(String),
    /// The endpoint's answer breaks its flow (the routing model or the target screen's data
    /// model), as WhatsApp would refuse it on the phone. Reported for in-process endpoints bound
    /// to a flow (`FlowEndpoint::flow`); see [`FlowClient::allow_contract_violations`].
    #[error("the response breaks the flow: {}", .0.join("; "))]
    ContractViolation(Vec<String>),
}

/// The WhatsApp-client emulator.
#[derive(Clone)]
pub struct FlowClient {
    transport: Transport,
    public_key: PublicKey,
    app_secret: Option<SecretString>,
    flow_token: Option<String>,
    sign_token: bool,
    allow_violations: bool,
    version: String,
    path: String,
}

impl std::fmt::Debug for FlowClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlowClient")
            // A flow token is a bearer credential: only whether one is set.
            .field(
                "flow_token",
                &self.flow_token.as_ref().map(|_| "<redacted>"),
            )
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

impl FlowClient {
    /// A client that calls a service in-process (`oneshot`), e.g. a `FlowEndpoint` or a `Router`.
    pub fn for_service<T>(service: T, public_key: PublicKey) -> Self
    where
        T: tower::Service<http::Request<Body>, Response = http::Response<Body>, Error = Infallible>
            + Clone
            + Send
            + Sync
            + 'static,
        T::Future: Send + 'static,
    {
        Self::new(
            Transport::Service(BoxCloneSyncService::new(service)),
            public_key,
        )
    }

    /// A client that POSTs to a URL.
    pub fn for_url(url: impl Into<String>, public_key: PublicKey) -> Self {
        Self::new(
            Transport::Url(reqwest::Client::new(), url.into()),
            public_key,
        )
    }

    fn new(transport: Transport, public_key: PublicKey) -> Self {
        Self {
            transport,
            public_key,
            app_secret: None,
            flow_token: Some("test-flow-token".to_owned()),
            sign_token: false,
            allow_violations: false,
            version: "3.0".to_owned(),
            path: "/".to_owned(),
        }
    }

    /// The request path used with [`FlowClient::for_service`] (default `/`), e.g.
    /// `/sign-up-flow` when the service is a whole `Router`.
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// Signs every body with `X-Hub-Signature-256` using this app secret.
    #[must_use]
    pub fn app_secret(mut self, secret: SecretString) -> Self {
        self.app_secret = Some(secret);
        self
    }

    /// The flow token sent with every request (default `test-flow-token`).
    #[must_use]
    pub fn flow_token(mut self, token: impl Into<String>) -> Self {
        self.flow_token = Some(token.into());
        self
    }

    /// Sends no flow token (as some iOS clients do).
    #[must_use]
    pub fn without_flow_token(mut self) -> Self {
        self.flow_token = None;
        self
    }

    /// Adds `flow_token_signature` (HS256 JWT over `{"flow_token"}` with the app secret) and
    /// data API version "4.0".
    #[must_use]
    pub fn sign_flow_token(mut self) -> Self {
        self.sign_token = true;
        self.version = "4.0".to_owned();
        self
    }

    /// Hands contract violations back in [`Exchange::violations`] instead of failing the
    /// exchange with [`ClientError::ContractViolation`] (for tests about a broken response).
    #[must_use]
    pub fn allow_contract_violations(mut self) -> Self {
        self.allow_violations = true;
        self
    }

    /// The data API version sent (default "3.0").
    #[must_use]
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    fn request(&self, action: FlowAction, screen: Option<&str>, data: Value) -> FlowRequest {
        let mut req = FlowRequest::new(action);
        req.version.clone_from(&self.version);
        req.screen = screen.map(str::to_owned);
        req.data = data;
        req.flow_token.clone_from(&self.flow_token);
        if self.sign_token
            && let (Some(secret), Some(token)) = (&self.app_secret, &self.flow_token)
        {
            req.flow_token_signature =
                Some(jwt::sign_hs256(secret, &json!({ "flow_token": token })));
        }
        req
    }

    /// `{"version","action":"ping"}`.
    ///
    /// # Errors
    /// A [`ClientError`] when encryption or the transport fails.
    pub async fn ping(&self) -> Result<Exchange, ClientError> {
        let mut req = FlowRequest::new(FlowAction::Ping);
        req.version.clone_from(&self.version);
        self.send(req).await
    }

    /// `INIT`.
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn init(&self) -> Result<Exchange, ClientError> {
        self.send(self.request(FlowAction::Init, None, Value::Null))
            .await
    }

    /// `data_exchange` on `screen` (an id or a typed `ScreenId`) with `data` (a `json!` value or
    /// any `Serialize`, e.g. the screen's form struct).
    ///
    /// # Errors
    /// See [`FlowClient::ping`]; [`ClientError::Response`] when `data` does not serialise.
    pub async fn data_exchange(
        &self,
        screen: impl AsRef<str>,
        data: impl serde::Serialize,
    ) -> Result<Exchange, ClientError> {
        let data = serde_json::to_value(data).map_err(|e| ClientError::Response(e.to_string()))?;
        self.send(self.request(FlowAction::DataExchange, Some(screen.as_ref()), data))
            .await
    }

    /// `BACK` on `screen`.
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn back(&self, screen: impl AsRef<str>) -> Result<Exchange, ClientError> {
        self.send(self.request(FlowAction::Back, Some(screen.as_ref()), json!({})))
            .await
    }

    /// An error notification from `screen`.
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn error_notification(
        &self,
        screen: &str,
        error: &str,
        message: &str,
    ) -> Result<Exchange, ClientError> {
        let data = json!({ "error": error, "error_message": message });
        self.send(self.request(FlowAction::DataExchange, Some(screen), data))
            .await
    }

    /// Sends any request.
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn send(&self, request: FlowRequest) -> Result<Exchange, ClientError> {
        let plain =
            serde_json::to_value(&request).map_err(|e| ClientError::Response(e.to_string()))?;
        self.send_json(plain).await
    }

    /// Encrypts and sends any JSON value as the request (also shapes a `FlowRequest` cannot hold).
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn send_json(&self, plain: Value) -> Result<Exchange, ClientError> {
        let bytes = plain.to_string().into_bytes();
        let mut exchange = self.send_plaintext(&bytes).await?;
        exchange.request_plain = plain;
        Ok(exchange)
    }

    /// Encrypts and sends arbitrary plaintext bytes (e.g. invalid JSON).
    ///
    /// # Errors
    /// See [`FlowClient::ping`].
    pub async fn send_plaintext(&self, plaintext: &[u8]) -> Result<Exchange, ClientError> {
        let (body, cipher) = encrypt_request(&self.public_key, plaintext)?;
        let body = serde_json::to_vec(&body).map_err(|e| ClientError::Response(e.to_string()))?;
        let mut headers = HeaderMap::new();
        if let Some(secret) = &self.app_secret
            && let Ok(v) = HeaderValue::from_str(&sign_body(secret, &body))
        {
            headers.insert("x-hub-signature-256", v);
        }
        let (status, raw_body, diagnostics) = self.post(body, headers).await?;
        let response = match status {
            200 => Some(decrypt(&cipher, &raw_body)?),
            427 => decrypt(&cipher, &raw_body).ok(),
            _ => None,
        };
        let (violations, server_error): (Vec<String>, _) =
            diagnostics.map_or_else(Default::default, |d| {
                (
                    d.violations.iter().map(ToString::to_string).collect(),
                    d.server_error,
                )
            });
        if !violations.is_empty() && !self.allow_violations {
            return Err(ClientError::ContractViolation(violations));
        }
        Ok(Exchange {
            status,
            request_plain: Value::Null,
            response,
            raw_body,
            violations,
            server_error,
        })
    }

    /// Posts raw bytes with the given headers (no encryption, no signature): hostile input.
    ///
    /// # Errors
    /// [`ClientError::Transport`].
    pub async fn post_raw(
        &self,
        body: impl Into<Vec<u8>>,
        headers: HeaderMap,
    ) -> Result<Exchange, ClientError> {
        let (status, raw_body, diagnostics) = self.post(body.into(), headers).await?;
        Ok(Exchange {
            status,
            request_plain: Value::Null,
            response: None,
            raw_body,
            violations: Vec::new(),
            server_error: diagnostics.and_then(|d| d.server_error),
        })
    }

    async fn post(
        &self,
        body: Vec<u8>,
        headers: HeaderMap,
    ) -> Result<(u16, String, Option<Diagnostics>), ClientError> {
        let transport = |e: &dyn std::fmt::Display| ClientError::Transport(e.to_string());
        match &self.transport {
            Transport::Service(svc) => {
                let mut req = http::Request::new(Body::from(body));
                *req.method_mut() = http::Method::POST;
                *req.uri_mut() =
                    http::Uri::try_from(self.path.as_str()).map_err(|e| transport(&e))?;
                *req.headers_mut() = headers;
                req.headers_mut().insert(
                    http::header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                req.extensions_mut().insert(InProcessClient);
                let mut res = match svc.clone().oneshot(req).await {
                    Ok(res) => res,
                    Err(never) => match never {},
                };
                let status = res.status().as_u16();
                let diagnostics = res.extensions_mut().remove::<Diagnostics>();
                let bytes = res
                    .into_body()
                    .collect()
                    .await
                    .map_err(|e| transport(&e))?
                    .to_bytes();
                Ok((
                    status,
                    String::from_utf8_lossy(&bytes).into_owned(),
                    diagnostics,
                ))
            }
            Transport::Url(client, url) => {
                let res = client
                    .post(url)
                    .headers(headers)
                    .header(http::header::CONTENT_TYPE, "application/json")
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| transport(&e))?;
                let status = res.status().as_u16();
                let text = res.text().await.map_err(|e| transport(&e))?;
                Ok((status, text, None))
            }
        }
    }
}

fn decrypt(cipher: &ResponseCipher, body: &str) -> Result<Value, ClientError> {
    let plain = cipher
        .decrypt(body)
        .map_err(|e| ClientError::Response(e.to_string()))?;
    serde_json::from_slice(&plain).map_err(|e| ClientError::Response(e.to_string()))
}
