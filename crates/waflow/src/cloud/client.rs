//! [`Client`] and its builder: configuration, authentication, retries and timeouts.

use std::time::Duration;

use reqwest::{RequestBuilder, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;

use super::error::{CloudError, GraphErrorEnvelope};

/// Meta's Graph API host, the default base URL.
pub const DEFAULT_GRAPH_URL: &str = "https://graph.facebook.com";
/// The Graph API version used when none is set.
pub const DEFAULT_API_VERSION: &str = "v26.0";
/// Longest wait honoured from a `Retry-After` header.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// A Graph API client for WhatsApp Flows: flows management, keys, sending and webhooks.
///
/// Cheap to clone (the HTTP connection pool is shared). The token never appears in `Debug`
/// output or logs.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) http: reqwest::Client,
    token: SecretString,
    pub(crate) waba_id: Option<String>,
    pub(crate) phone_id: Option<String>,
    pub(crate) app_id: Option<String>,
    pub(crate) app_secret: Option<SecretString>,
    base: String,
    max_retries: u32,
    backoff: Duration,
}

/// Builder for [`Client`]; only the token is required.
#[derive(Debug, Default)]
#[must_use]
pub struct ClientBuilder {
    token: Option<SecretString>,
    waba_id: Option<String>,
    phone_id: Option<String>,
    app_id: Option<String>,
    app_secret: Option<SecretString>,
    graph_url: Option<String>,
    api_version: Option<String>,
    timeout: Option<Duration>,
    max_retries: Option<u32>,
    backoff: Option<Duration>,
}

impl ClientBuilder {
    /// The access token (system-user or user token) sent as `Authorization: Bearer`.
    pub fn token(mut self, token: SecretString) -> Self {
        self.token = Some(token);
        self
    }
    /// The WhatsApp Business Account id (flows, templates, migration).
    pub fn waba_id(mut self, id: impl Into<String>) -> Self {
        self.waba_id = Some(id.into());
        self
    }
    /// The business phone number id (sending, public key).
    pub fn phone_id(mut self, id: impl Into<String>) -> Self {
        self.phone_id = Some(id.into());
        self
    }
    /// The Meta app id (webhook registration).
    pub fn app_id(mut self, id: impl Into<String>) -> Self {
        self.app_id = Some(id.into());
        self
    }
    /// The Meta app secret (webhook registration uses the app token `app_id|app_secret`).
    pub fn app_secret(mut self, secret: SecretString) -> Self {
        self.app_secret = Some(secret);
        self
    }
    /// Base URL of the Graph API (default [`DEFAULT_GRAPH_URL`]); for proxies and tests.
    pub fn graph_url(mut self, url: impl Into<String>) -> Self {
        self.graph_url = Some(url.into());
        self
    }
    /// Graph API version, e.g. `"v26.0"` (a missing leading `v` is added).
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.api_version = Some(version.into());
        self
    }
    /// Timeout of one HTTP attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
    /// How many times a call answered with 429 or 5xx is retried (default 3).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }
    /// First backoff delay, doubled at each retry (default 500 ms); `Retry-After` wins when present.
    pub fn retry_backoff(mut self, delay: Duration) -> Self {
        self.backoff = Some(delay);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`CloudError::MissingConfig`] without a token, [`CloudError::InvalidConfig`] for a base URL
    /// that is not `http(s)://…`, [`CloudError::Transport`] if the TLS stack cannot start.
    pub fn build(self) -> Result<Client, CloudError> {
        let token = self.token.ok_or(CloudError::MissingConfig("token"))?;
        let graph_url = self
            .graph_url
            .unwrap_or_else(|| DEFAULT_GRAPH_URL.to_owned());
        let graph_url = graph_url.trim_end_matches('/');
        if !(graph_url.starts_with("https://") || graph_url.starts_with("http://")) {
            return Err(CloudError::InvalidConfig(format!(
                "graph URL must start with http:// or https://, got {graph_url:?}"
            )));
        }
        let version = self
            .api_version
            .unwrap_or_else(|| DEFAULT_API_VERSION.to_owned());
        let version = version.trim_matches('/');
        let version = if version.starts_with('v') {
            version.to_owned()
        } else {
            format!("v{version}")
        };
        let http = reqwest::Client::builder()
            .timeout(self.timeout.unwrap_or(Duration::from_secs(30)))
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("waflow/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(CloudError::Transport)?;
        Ok(Client {
            http,
            token,
            waba_id: self.waba_id,
            phone_id: self.phone_id,
            app_id: self.app_id,
            app_secret: self.app_secret,
            base: format!("{graph_url}/{version}"),
            max_retries: self.max_retries.unwrap_or(3),
            backoff: self.backoff.unwrap_or(Duration::from_millis(500)),
        })
    }
}

impl Client {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// `{graph_url}/{version}/{path}`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    pub(crate) fn waba(&self) -> Result<&str, CloudError> {
        self.waba_id
            .as_deref()
            .ok_or(CloudError::MissingConfig("waba_id"))
    }

    pub(crate) fn phone(&self) -> Result<&str, CloudError> {
        self.phone_id
            .as_deref()
            .ok_or(CloudError::MissingConfig("phone_id"))
    }

    /// Sends a request authenticated with the access token; see [`Self::execute_with`].
    pub(crate) async fn execute<T, F>(&self, make: F) -> Result<T, CloudError>
    where
        T: DeserializeOwned,
        F: Fn(&reqwest::Client) -> RequestBuilder,
    {
        self.execute_with(self.token.expose_secret(), make).await
    }

    /// Sends the request built by `make` (rebuilt for every attempt), retrying 429 and 5xx with
    /// exponential backoff (honouring `Retry-After`), and decodes the JSON answer.
    pub(crate) async fn execute_with<T, F>(&self, bearer: &str, make: F) -> Result<T, CloudError>
    where
        T: DeserializeOwned,
        F: Fn(&reqwest::Client) -> RequestBuilder,
    {
        let bytes = self.execute_raw(bearer, make).await?;
        serde_json::from_slice(&bytes).map_err(CloudError::Decode)
    }

    /// Like [`Self::execute_with`] but returns the raw body of a success answer.
    pub(crate) async fn execute_raw<F>(&self, bearer: &str, make: F) -> Result<Vec<u8>, CloudError>
    where
        F: Fn(&reqwest::Client) -> RequestBuilder,
    {
        let mut attempt: u32 = 0;
        loop {
            let request = make(&self.http).bearer_auth(bearer);
            let response = request.send().await.map_err(map_transport)?;
            let status = response.status();
            let retry_after = retry_after(response.headers());
            let body = response.bytes().await.map_err(map_transport)?;
            if status.is_success() {
                return Ok(body.to_vec());
            }
            let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
            if retryable && attempt < self.max_retries {
                let delay = retry_after
                    .unwrap_or_else(|| self.backoff.saturating_mul(1 << attempt.min(16)));
                tracing::warn!(
                    status = status.as_u16(),
                    attempt,
                    delay_ms = delay.as_millis() as u64,
                    "Graph API call will be retried"
                );
                tokio::time::sleep(delay).await;
                attempt += 1;
                continue;
            }
            return Err(error_from(status, &body));
        }
    }
}

fn map_transport(err: reqwest::Error) -> CloudError {
    if err.is_timeout() {
        CloudError::Timeout
    } else {
        CloudError::Transport(err)
    }
}

fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    let secs: u64 = value.trim().parse().ok()?;
    Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER))
}

fn error_from(status: StatusCode, body: &[u8]) -> CloudError {
    match serde_json::from_slice::<GraphErrorEnvelope>(body) {
        Ok(envelope) => CloudError::Graph {
            status: status.as_u16(),
            error: Box::new(envelope.error),
        },
        Err(_) => CloudError::Http {
            status: status.as_u16(),
            body: String::from_utf8_lossy(body).chars().take(500).collect(),
        },
    }
}
