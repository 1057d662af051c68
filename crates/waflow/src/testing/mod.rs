//! [`FlowClient`]: plays the WhatsApp client against an endpoint — encrypts a request with the
//! business public key, posts it (to a URL, or straight into a service with `oneshot`), and
//! decrypts the answer into an [`Exchange`].
//!
//! ```
//! use waflow::crypto::KeyPair;
//! use waflow::endpoint::FlowEndpoint;
//! use waflow::testing::FlowClient;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let pair = KeyPair::generate()?;
//! let endpoint = FlowEndpoint::new(pair.private_key().clone());
//! let client = FlowClient::for_service(endpoint, pair.public_key());
//! let pong = client.ping().await?;
//! assert_eq!(pong.status, 200);
//! assert_eq!(pong.data().and_then(|d| d.get("status")), Some(&serde_json::json!("active")));
//! # Ok(())
//! # }
//! ```

mod client;
mod exchange;

pub use client::{ClientError, FlowClient};
pub use exchange::Exchange;
