//! `X-Hub-Signature-256`: `sha256=` + hex HMAC-SHA256(app secret, raw body).

use aws_lc_rs::hmac;
use secrecy::{ExposeSecret, SecretString};

/// Checks an `X-Hub-Signature-256` header value against the raw body, in constant time.
///
/// Returns `false` for a missing `sha256=` prefix, bad hex or a mismatch.
///
/// ```
/// use secrecy::SecretString;
/// use waflow::crypto::{sign_body, verify_signature};
///
/// let secret = SecretString::from("app-secret");
/// let header = sign_body(&secret, b"{}");
/// assert!(verify_signature(&secret, b"{}", &header));
/// assert!(!verify_signature(&secret, b"{ }", &header));
/// ```
pub fn verify_signature(app_secret: &SecretString, body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.trim().strip_prefix("sha256=") else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let key = hmac::Key::new(hmac::HMAC_SHA256, app_secret.expose_secret().as_bytes());
    hmac::verify(&key, body, &sig).is_ok()
}

/// Computes the `X-Hub-Signature-256` header value (`sha256=<hex>`) for a body.
pub fn sign_body(app_secret: &SecretString, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, app_secret.expose_secret().as_bytes());
    format!("sha256={}", hex::encode(hmac::sign(&key, body).as_ref()))
}
