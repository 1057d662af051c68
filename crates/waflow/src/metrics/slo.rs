//! A local view of Meta's flow-health thresholds over Meta's own windows.
//!
//! Meta throttles a flow (10 new flow messages an hour) and then blocks it when its endpoint
//! degrades. [`Slo`] keeps one-minute buckets of the last hour and computes the same figures
//! Meta alerts on, so an operator learns first:
//!
//! | check | window | thresholds |
//! |---|---|---|
//! | `client_error_rate` | 60 min | 5 / 10 / 50 % |
//! | `endpoint_error_rate` | 30 min | 5 / 10 / 50 % |
//! | `endpoint_latency_p90` | 30 min | 1 s / 5 s / 7 s |
//! | `endpoint_availability` | 10 min | below 90 % |
//!
//! Only requests that passed the signature check and decryption count (answered 200, 427 or
//! 5xx): those are the ones WhatsApp sends. Endpoint errors are the 5xx answers; client errors
//! the error notifications; availability is the share of requests not answered 5xx. Bad
//! signatures (432) and undecryptable bodies (421) have their own counters and alert rules.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

/// Upper bounds of the latency buckets, milliseconds; a last bucket holds the rest.
const BOUNDS_MS: [u64; 13] = [
    10, 25, 50, 100, 250, 500, 1_000, 2_000, 5_000, 7_000, 10_000, 20_000, 30_000,
];
const MINUTES: u64 = 60;

#[derive(Debug, Clone, Copy, Default)]
struct Minute {
    minute: u64,
    requests: u64,
    errors: u64,
    client_errors: u64,
    latency: [u64; BOUNDS_MS.len() + 1],
}

/// One-minute buckets of the last hour; cheap to clone (shared).
///
/// ```
/// use std::time::Duration;
/// use waflow::metrics::{Sample, Slo};
///
/// let slo = Slo::new();
/// slo.record(Sample { latency: Duration::from_millis(20), error: false, client_error: false });
/// let report = slo.report();
/// assert!(report.healthy);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Slo {
    minutes: Arc<Mutex<Vec<Minute>>>,
}

/// One request, as the SLO sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Time to answer.
    pub latency: Duration,
    /// Answered 5xx.
    pub error: bool,
    /// The request was a client error notification.
    pub client_error: bool,
}

/// The four checks, computed now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SloReport {
    /// No check crossed its first threshold.
    pub healthy: bool,
    /// One entry per Meta alert.
    pub checks: Vec<SloCheck>,
}

/// One of Meta's alerts, computed locally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SloCheck {
    /// `client_error_rate`, `endpoint_error_rate`, `endpoint_latency_p90` or
    /// `endpoint_availability`.
    pub name: &'static str,
    /// Meta's alert of the same figure.
    pub meta_alert: &'static str,
    /// Window in minutes.
    pub window_minutes: u64,
    /// Requests counted in the window.
    pub requests: u64,
    /// The figure: percent for rates and availability, milliseconds for latency (the upper
    /// bound of the bucket holding the 90th percentile); `None` without requests.
    pub value: Option<f64>,
    /// Meta's thresholds in the same unit.
    pub thresholds: &'static [f64],
    /// How many thresholds are crossed (0 = fine).
    pub level: usize,
}

impl Slo {
    /// Empty windows.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one request now.
    pub fn record(&self, sample: Sample) {
        self.record_at(unix_now(), sample);
    }

    /// Records one request at `unix_secs` (tests and replays).
    pub fn record_at(&self, unix_secs: u64, sample: Sample) {
        let minute = unix_secs / 60;
        let mut minutes = self.minutes.lock().unwrap_or_else(PoisonError::into_inner);
        if minutes.is_empty() {
            minutes.resize(MINUTES as usize, Minute::default());
        }
        let Some(slot) = minutes.get_mut((minute % MINUTES) as usize) else {
            return;
        };
        if slot.minute != minute {
            *slot = Minute {
                minute,
                ..Minute::default()
            };
        }
        slot.requests += 1;
        slot.errors += u64::from(sample.error);
        slot.client_errors += u64::from(sample.client_error);
        let ms = u64::try_from(sample.latency.as_millis()).unwrap_or(u64::MAX);
        let bucket = BOUNDS_MS
            .iter()
            .position(|b| ms <= *b)
            .unwrap_or(BOUNDS_MS.len());
        if let Some(count) = slot.latency.get_mut(bucket) {
            *count += 1;
        }
    }

    /// The checks over the windows ending now.
    pub fn report(&self) -> SloReport {
        self.report_at(unix_now())
    }

    /// The checks over the windows ending at `unix_secs`.
    pub fn report_at(&self, unix_secs: u64) -> SloReport {
        let now = unix_secs / 60;
        let minutes = self
            .minutes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let window = |len: u64| {
            let mut sum = Minute::default();
            for m in minutes
                .iter()
                .filter(|m| m.requests > 0 && m.minute <= now && now - m.minute < len)
            {
                sum.requests += m.requests;
                sum.errors += m.errors;
                sum.client_errors += m.client_errors;
                for (s, c) in sum.latency.iter_mut().zip(m.latency) {
                    *s += c;
                }
            }
            sum
        };
        let percent = |part: u64, all: u64| (all > 0).then(|| part as f64 * 100.0 / all as f64);
        let (w60, w30, w10) = (window(60), window(30), window(10));
        let checks = vec![
            check(
                "client_error_rate",
                "CLIENT_ERROR_RATE",
                60,
                w60.requests,
                percent(w60.client_errors, w60.requests),
                &[5.0, 10.0, 50.0],
                false,
            ),
            check(
                "endpoint_error_rate",
                "ENDPOINT_ERROR_RATE",
                30,
                w30.requests,
                percent(w30.errors, w30.requests),
                &[5.0, 10.0, 50.0],
                false,
            ),
            check(
                "endpoint_latency_p90",
                "ENDPOINT_LATENCY",
                30,
                w30.requests,
                p90(&w30.latency, w30.requests),
                &[1_000.0, 5_000.0, 7_000.0],
                false,
            ),
            check(
                "endpoint_availability",
                "ENDPOINT_AVAILABILITY",
                10,
                w10.requests,
                percent(w10.requests - w10.errors, w10.requests),
                &[90.0],
                true,
            ),
        ];
        SloReport {
            healthy: checks.iter().all(|c| c.level == 0),
            checks,
        }
    }

    /// Checks every `every` and logs at WARN each time a check crosses a further threshold (and
    /// at INFO when it is back under the first). Run it in a task of its own.
    pub async fn watch(self, every: Duration) {
        let mut levels = [0usize; 4];
        let mut ticker = tokio::time::interval(every);
        loop {
            ticker.tick().await;
            let report = self.report();
            log_changes(&mut levels, &report);
        }
    }
}

/// Logs the checks whose level rose (WARN) or fell back to 0 (INFO) since `levels`.
pub(crate) fn log_changes(levels: &mut [usize; 4], report: &SloReport) {
    for (previous, c) in levels.iter_mut().zip(&report.checks) {
        if c.level > *previous {
            let threshold = c.thresholds.get(c.level - 1).copied().unwrap_or_default();
            tracing::warn!(
                check = c.name,
                meta_alert = c.meta_alert,
                value = c.value.unwrap_or_default(),
                threshold,
                window_minutes = c.window_minutes,
                requests = c.requests,
                "flow health threshold crossed: Meta throttles, then blocks, a flow whose endpoint stays there"
            );
        } else if c.level == 0 && *previous > 0 {
            tracing::info!(check = c.name, "flow health back under Meta's thresholds");
        }
        *previous = c.level;
    }
}

fn check(
    name: &'static str,
    meta_alert: &'static str,
    window_minutes: u64,
    requests: u64,
    value: Option<f64>,
    thresholds: &'static [f64],
    below: bool,
) -> SloCheck {
    let level = value.map_or(0, |v| {
        thresholds
            .iter()
            .filter(|t| if below { v < **t } else { v >= **t })
            .count()
    });
    SloCheck {
        name,
        meta_alert,
        window_minutes,
        requests,
        value,
        thresholds,
        level,
    }
}

fn p90(latency: &[u64], requests: u64) -> Option<f64> {
    if requests == 0 {
        return None;
    }
    let rank = requests.saturating_mul(9).div_ceil(10);
    let mut seen = 0;
    for (i, count) in latency.iter().enumerate() {
        seen += count;
        if seen >= rank {
            let bound = BOUNDS_MS
                .get(i)
                .or(BOUNDS_MS.last())
                .copied()
                .unwrap_or_default();
            return Some(bound as f64);
        }
    }
    None
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
