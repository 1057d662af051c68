//! [`FlowClient`] as the playground's way to an endpoint: encrypt, post, decrypt, and behave
//! like the WhatsApp client on 421 (one retry after 500 ms) and on slow endpoints (10 s limit).

use std::time::Duration;

use serde_json::Value;

use super::target::{BoxFuture, ExchangeOutcome, Exchanger, Target};
use crate::testing::FlowClient;

/// How long the WhatsApp client waits for an endpoint.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);
/// The web client's pause before retrying after a 421.
const RETRY_AFTER_421: Duration = Duration::from_millis(500);

async fn once(client: &FlowClient, request: &Value) -> ExchangeOutcome {
    match tokio::time::timeout(CLIENT_TIMEOUT, client.send_json(request.clone())).await {
        Err(_) => ExchangeOutcome::failed(request.clone(), "timeout_error: no answer within 10 s"),
        Ok(Err(e)) => ExchangeOutcome::failed(request.clone(), e.to_string()),
        Ok(Ok(exchange)) => {
            let error = match exchange.status {
                200 if exchange.response.is_some() => None,
                200 => Some("response-decryption-error".to_owned()),
                _ => Some(exchange.raw_body.chars().take(500).collect()),
            };
            ExchangeOutcome {
                status: Some(exchange.status),
                request: request.clone(),
                response: exchange.response,
                retried: false,
                error,
                missing: false,
            }
        }
    }
}

impl Exchanger for FlowClient {
    fn exchange(&self, request: Value) -> BoxFuture<ExchangeOutcome> {
        let client = self.clone();
        Box::pin(async move {
            let first = once(&client, &request).await;
            if first.status != Some(421) {
                return first;
            }
            tokio::time::sleep(RETRY_AFTER_421).await;
            ExchangeOutcome {
                retried: true,
                ..once(&client, &request).await
            }
        })
    }

    fn describe(&self) -> String {
        "FlowClient".to_owned()
    }
}

impl From<FlowClient> for Target {
    fn from(client: FlowClient) -> Self {
        Self::endpoint(client)
    }
}
