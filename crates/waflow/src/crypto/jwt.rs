//! `flow_token_signature`: an HS256 JWT signed with the Meta app secret (Flow JSON 7.3+,
//! data API 4.0), whose claims contain the flow token.
//!
//! ```
//! use secrecy::SecretString;
//! use waflow::crypto::jwt::{sign_hs256, verify_hs256};
//!
//! let secret = SecretString::from("app-secret");
//! let token = sign_hs256(&secret, &serde_json::json!({"flow_token": "t-1"}));
//! let claims = verify_hs256(&secret, &token)?;
//! assert_eq!(claims["flow_token"], "t-1");
//! assert!(verify_hs256(&SecretString::from("other"), &token).is_err());
//! # Ok::<(), waflow::crypto::jwt::JwtError>(())
//! ```

use aws_lc_rs::hmac;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

/// Why a `flow_token_signature` was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JwtError {
    /// Not three base64url parts with JSON header and claims.
    #[error("malformed JWT")]
    Malformed,
    /// The header's `alg` is not `HS256`.
    #[error("unsupported JWT algorithm (only HS256)")]
    Algorithm,
    /// The signature does not verify with the app secret.
    #[error("JWT signature does not verify")]
    Signature,
    /// The `exp` claim is in the past.
    #[error("JWT expired")]
    Expired,
}

/// Verifies an HS256 JWT and returns its claims. Checks `exp` when present (a non-numeric `exp`
/// is [`JwtError::Malformed`]).
///
/// # Errors
/// A [`JwtError`].
pub fn verify_hs256(app_secret: &SecretString, token: &str) -> Result<Value, JwtError> {
    let mut parts = token.trim().splitn(3, '.');
    let (Some(h), Some(p), Some(s)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(JwtError::Malformed);
    };
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).map_err(|_| JwtError::Malformed)?)
            .map_err(|_| JwtError::Malformed)?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(JwtError::Algorithm);
    }
    let sig = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Malformed)?;
    let key = hmac::Key::new(hmac::HMAC_SHA256, app_secret.expose_secret().as_bytes());
    let signed_len = h.len() + 1 + p.len();
    let signed = token.trim().get(..signed_len).ok_or(JwtError::Malformed)?;
    hmac::verify(&key, signed.as_bytes(), &sig).map_err(|_| JwtError::Signature)?;
    let claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).map_err(|_| JwtError::Malformed)?)
            .map_err(|_| JwtError::Malformed)?;
    if !claims.is_object() {
        return Err(JwtError::Malformed);
    }
    if let Some(exp) = claims.get("exp") {
        // RFC 7519 NumericDate: a number of seconds; anything else is refused, not ignored.
        let exp = exp.as_f64().ok_or(JwtError::Malformed)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        if exp < now {
            return Err(JwtError::Expired);
        }
    }
    Ok(claims)
}

/// Signs claims as an HS256 JWT (what WhatsApp does; used by tests and `FlowClient`).
pub fn sign_hs256(app_secret: &SecretString, claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let key = hmac::Key::new(hmac::HMAC_SHA256, app_secret.expose_secret().as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(hmac::sign(&key, signed.as_bytes()).as_ref());
    format!("{signed}.{sig}")
}
