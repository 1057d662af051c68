//! [`FlowMetricsLayer`]: the tower layer around a `FlowEndpoint`.

use std::cell::RefCell;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, PoisonError, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use metrics::{SharedString, counter, histogram};

use super::labels::{CAPTURE, Captured};
use super::names::{
    CLIENT_ERRORS, DECRYPT_FAILURES, HANDLER_ERRORS, REQUEST_DURATION, REQUESTS,
    SIGNATURE_FAILURES, TOKEN_OUTCOMES, status_label,
};
use super::slo::{Sample, Slo};

/// Distinct screen labels kept per endpoint before further ones read `other`: anyone holding
/// the public key can send any screen name, so the label set must be bounded.
const DEFAULT_MAX_SCREENS: usize = 64;

/// Counts and times every request of the wrapped service (a `FlowEndpoint`, or any HTTP
/// service): see the [module docs](super) for the metrics. Cloning shares the state.
#[derive(Debug, Clone)]
pub struct FlowMetricsLayer {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    endpoint: SharedString,
    max_screens: usize,
    screens: RwLock<HashSet<String>>,
    slo: Option<Slo>,
}

impl FlowMetricsLayer {
    /// Metrics labelled `endpoint = name` (e.g. the path).
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            shared: Arc::new(Shared {
                endpoint: SharedString::from(name.into()),
                max_screens: DEFAULT_MAX_SCREENS,
                screens: RwLock::default(),
                slo: None,
            }),
        }
    }

    /// Also feeds `slo` (Meta's thresholds over local windows).
    #[must_use]
    pub fn slo(self, slo: Slo) -> Self {
        self.rebuild(|s| s.slo = Some(slo))
    }

    /// At most `n` distinct screen labels (default 64); later new screens read `other`.
    #[must_use]
    pub fn max_screens(self, n: usize) -> Self {
        self.rebuild(|s| s.max_screens = n)
    }

    /// Only these screens get their own label; every other reads `other`.
    #[must_use]
    pub fn screens<I, T>(self, names: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        let names: HashSet<String> = names.into_iter().map(Into::into).collect();
        self.rebuild(|s| {
            s.max_screens = 0;
            s.screens = RwLock::new(names);
        })
    }

    fn rebuild(self, edit: impl FnOnce(&mut Shared)) -> Self {
        let mut shared = match Arc::try_unwrap(self.shared) {
            Ok(s) => s,
            Err(arc) => Shared {
                endpoint: arc.endpoint.clone(),
                max_screens: arc.max_screens,
                screens: RwLock::new(
                    arc.screens
                        .read()
                        .unwrap_or_else(PoisonError::into_inner)
                        .clone(),
                ),
                slo: arc.slo.clone(),
            },
        };
        edit(&mut shared);
        Self {
            shared: Arc::new(shared),
        }
    }
}

impl<S> tower::Layer<S> for FlowMetricsLayer {
    type Service = FlowMetrics<S>;

    fn layer(&self, inner: S) -> FlowMetrics<S> {
        FlowMetrics {
            inner,
            shared: self.shared.clone(),
        }
    }
}

/// The service made by [`FlowMetricsLayer`].
#[derive(Debug, Clone)]
pub struct FlowMetrics<S> {
    inner: S,
    shared: Arc<Shared>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, B, RB> tower::Service<http::Request<B>> for FlowMetrics<S>
where
    S: tower::Service<http::Request<B>, Response = http::Response<RB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    B: Send + 'static,
    RB: Send + 'static,
{
    type Response = http::Response<RB>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        // The clone is ready only after poll_ready: call the ready one, keep the clone.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let shared = self.shared.clone();
        Box::pin(async move {
            let start = Instant::now();
            let (result, captured) = CAPTURE
                .scope(RefCell::new(Captured::default()), async move {
                    let result = inner.call(req).await;
                    (result, CAPTURE.with(RefCell::take))
                })
                .await;
            if let Ok(response) = &result {
                shared.record(response.status(), start.elapsed(), captured);
            }
            result
        })
    }
}

impl Shared {
    fn screen_label(&self, screen: Option<String>) -> SharedString {
        let Some(screen) = screen else {
            return SharedString::const_str("none");
        };
        let screens = self.screens.read().unwrap_or_else(PoisonError::into_inner);
        if screens.contains(&screen) {
            return SharedString::from(screen);
        }
        let full = screens.len() >= self.max_screens;
        drop(screens);
        if full {
            return SharedString::const_str("other");
        }
        let mut screens = self.screens.write().unwrap_or_else(PoisonError::into_inner);
        if screens.len() < self.max_screens {
            screens.insert(screen.clone());
            SharedString::from(screen)
        } else {
            SharedString::const_str("other")
        }
    }

    fn record(&self, status: http::StatusCode, elapsed: Duration, captured: Captured) {
        let endpoint = self.endpoint.clone();
        let status = status_label(status);
        let action = captured.action.unwrap_or("unknown");
        let screen = self.screen_label(captured.screen);
        counter!(
            REQUESTS,
            "endpoint" => endpoint.clone(),
            "action" => action,
            "screen" => screen.clone(),
            "status" => status,
        )
        .increment(1);
        histogram!(REQUEST_DURATION, "endpoint" => endpoint.clone(), "action" => action)
            .record(elapsed.as_secs_f64());
        match status {
            "421" => counter!(DECRYPT_FAILURES, "endpoint" => endpoint.clone()).increment(1),
            "432" => counter!(SIGNATURE_FAILURES, "endpoint" => endpoint.clone()).increment(1),
            "500" => counter!(
                HANDLER_ERRORS,
                "endpoint" => endpoint.clone(),
                "action" => action,
                "screen" => screen.clone(),
            )
            .increment(1),
            _ => {}
        }
        if captured.client_error {
            counter!(CLIENT_ERRORS, "endpoint" => endpoint.clone(), "screen" => screen)
                .increment(1);
        } else if matches!(action, "INIT" | "BACK" | "data_exchange" | "navigate") {
            let outcome = match status {
                "200" => Some("accepted"),
                "427" => Some("rejected"),
                _ => None,
            };
            if let Some(outcome) = outcome {
                counter!(TOKEN_OUTCOMES, "endpoint" => endpoint, "outcome" => outcome).increment(1);
            }
        }
        if let Some(slo) = &self.slo
            && matches!(status, "200" | "427" | "500")
        {
            slo.record(Sample {
                latency: elapsed,
                error: status == "500",
                client_error: captured.client_error,
            });
        }
    }
}
