//! waflow: the runtime half of WhatsApp Flows in Rust.
//!
//! Each module does one job and sits behind a Cargo feature of the same name (all on by default):
//!
//! | module | job |
//! |---|---|
//! | [`crypto`] | key loading, request decryption, response encryption, media decryption |
//! | [`endpoint`] | the data-exchange endpoint as an axum/tower service |
//! | [`testing`] | `FlowClient`, the WhatsApp-client emulator |
//! | [`store`] | flow tokens and sessions on SQLite or PostgreSQL |
//! | [`cloud`] | the Graph API client |
//! | [`webhook`] | the webhook receiver |
//! | [`playground`] | the local browser playground |
//! | [`metrics`] | request, webhook and flow-alert metrics, Meta's thresholds locally (feature `metrics`, off by default) |
//! | [`serve`] | the production HTTP serve loop: connection limits, timeouts, graceful shutdown |

/// A boxed, sendable future: what handlers, token resolvers and code senders return when they
/// are stored as trait objects.
pub type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'static>>;

/// The README's Rust blocks, compiled (and, unless marked `no_run`, run) as doc tests, so the
/// README cannot drift from the code.
#[cfg(all(doctest, feature = "playground", feature = "store"))]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

#[cfg(feature = "cloud")]
pub mod cloud;
#[cfg(feature = "crypto")]
pub mod crypto;
#[cfg(feature = "endpoint")]
pub mod endpoint;
#[cfg(feature = "metrics")]
pub mod metrics;
#[cfg(feature = "playground")]
pub mod playground;
#[cfg(feature = "serve")]
pub mod serve;
#[cfg(feature = "store")]
pub mod store;
#[cfg(feature = "testing")]
pub mod testing;
#[cfg(feature = "webhook")]
pub mod webhook;
