//! Argon2id password hashing, always off the async runtime (`spawn_blocking`).
//!
//! Parameters: Argon2id v1.3, m = 19 MiB, t = 2, p = 1, 16-byte random salt, 32-byte output — the
//! OWASP Password Storage Cheat Sheet's first recommendation. Hashes are PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$...`), so the parameters can be raised later and old hashes
//! still verify.

use std::sync::{Arc, OnceLock};

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use secrecy::{ExposeSecret, SecretString};

use super::AccountError;

/// Memory cost in KiB.
pub const M_COST_KIB: u32 = 19 * 1024;
/// Iterations.
pub const T_COST: u32 = 2;
/// Parallelism.
pub const P_COST: u32 = 1;

/// At most one hash per core runs at once (each holds `M_COST_KIB` of memory): a flood of
/// sign-ups or logins queues here instead of multiplying memory (found by `scripts/soak.sh`).
async fn permit() -> Result<tokio::sync::OwnedSemaphorePermit, AccountError> {
    static LIMIT: OnceLock<Arc<tokio::sync::Semaphore>> = OnceLock::new();
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    LIMIT
        .get_or_init(|| Arc::new(tokio::sync::Semaphore::new(cores)))
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))
}

fn argon2() -> Result<Argon2<'static>, AccountError> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None)
        .map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `password` into a PHC string on a blocking thread.
pub async fn hash(password: SecretString) -> Result<String, AccountError> {
    let permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        argon2()?
            .hash_password(password.expose_secret().as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AccountError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| AccountError::Hash(e.to_string()))?
}

/// Checks `password` against `phc` on a blocking thread. `None` (no such account) still runs
/// one verification against a fixed hash, so a missing account takes as long as a wrong password.
pub async fn verify(password: SecretString, phc: Option<String>) -> Result<bool, AccountError> {
    let permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let argon = argon2()?;
        let (phc, real) = match phc {
            Some(phc) => (phc, true),
            None => (dummy_hash()?.to_owned(), false),
        };
        let ok = argon
            .verify_password(password.expose_secret().as_bytes(), phc.as_str())
            .is_ok();
        Ok(ok && real)
    })
    .await
    .map_err(|e| AccountError::Hash(e.to_string()))?
}

fn dummy_hash() -> Result<&'static str, AccountError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let h = argon2()?
        .hash_password(b"not-a-real-password-0")
        .map_err(|e| AccountError::Hash(e.to_string()))?
        .to_string();
    Ok(DUMMY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn hashes_are_salted_phc_strings_that_verify() {
        let a = hash(SecretString::from("secret12")).await.unwrap();
        let b = hash(SecretString::from("secret12")).await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_ne!(a, b);
        assert!(
            verify(SecretString::from("secret12"), Some(a.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify(SecretString::from("secret13"), Some(a))
                .await
                .unwrap()
        );
        assert!(!verify(SecretString::from("secret12"), None).await.unwrap());
    }
}
