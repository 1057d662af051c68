//! Argon2id password hashing, always off the async runtime, on a small pool of dedicated threads.
//!
//! Parameters: Argon2id v1.3, m = 19 MiB, t = 2, p = 1, 16-byte random salt, 32-byte output — the
//! OWASP Password Storage Cheat Sheet's first recommendation. Hashes are PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$...`), so the parameters can be raised later and old hashes
//! still verify.
//!
//! Every hash runs on one of a fixed set of long-lived threads (one per core, started on first
//! use); jobs queue on a channel and the answer comes back over a `tokio` oneshot. So at most one
//! hash per core runs at once, and memory stays bounded by cores × 19 MiB: with `spawn_blocking`
//! each hash landed on an ever-different thread and glibc kept a freed 19 MiB chunk per thread
//! arena (a 10-minute login soak grew RSS from 13 MiB to 386 MiB).
//!
//! ```
//! use secrecy::SecretString;
//! use sign_up::accounts::password;
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! let phc = password::hash(SecretString::from("secret12")).await.unwrap();
//! assert!(password::verify(SecretString::from("secret12"), Some(phc)).await.unwrap());
//! # });
//! ```

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use secrecy::{ExposeSecret, SecretString};

use super::AccountError;

/// Memory cost in KiB.
pub const M_COST_KIB: u32 = 19 * 1024;
/// Iterations.
pub const T_COST: u32 = 2;
/// Parallelism.
pub const P_COST: u32 = 1;

/// One unit of work for a hashing thread.
type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads' queue, started once; `None` when no thread could be started.
fn pool() -> Option<&'static Sender<Job>> {
    static POOL: OnceLock<Option<Sender<Job>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let started = (0..cores)
            .filter(|i| {
                let rx = Arc::clone(&rx);
                std::thread::Builder::new()
                    .name(format!("argon2-{i}"))
                    .spawn(move || work(&rx))
                    .is_ok()
            })
            .count();
        (started > 0).then_some(tx)
    })
    .as_ref()
}

/// A hashing thread's loop: runs jobs until the queue is gone. A panicking job drops its answer
/// channel (the caller gets an error) and leaves the thread alive.
fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        let job = {
            let Ok(rx) = rx.lock() else { return };
            rx.recv()
        };
        let Ok(job) = job else { return };
        let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
    }
}

/// Runs `f` on a hashing thread and waits for its answer.
async fn run<T, F>(f: F) -> Result<T, AccountError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, AccountError> + Send + 'static,
{
    let unavailable = || AccountError::Hash("the hashing threads are unavailable".to_owned());
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // A caller that went away (request cancelled) needs no hash.
        if !tx.is_closed() {
            let _ = tx.send(f());
        }
    });
    pool()
        .ok_or_else(unavailable)?
        .send(job)
        .map_err(|_| unavailable())?;
    rx.await.map_err(|_| unavailable())?
}

fn argon2() -> Result<Argon2<'static>, AccountError> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None)
        .map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `password` into a PHC string on a hashing thread.
pub async fn hash(password: SecretString) -> Result<String, AccountError> {
    run(move || {
        argon2()?
            .hash_password(password.expose_secret().as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AccountError::Hash(e.to_string()))
    })
    .await
}

/// Checks `password` against `phc` on a hashing thread. `None` (no such account) still runs
/// one verification against a fixed hash, so a missing account takes as long as a wrong password.
pub async fn verify(password: SecretString, phc: Option<String>) -> Result<bool, AccountError> {
    run(move || {
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_run_on_the_same_few_long_lived_threads() {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let tasks: Vec<_> = (0..4 * cores)
            .map(|_| tokio::spawn(run(|| Ok(std::thread::current().name().map(str::to_owned)))))
            .collect();
        let mut names = std::collections::HashSet::new();
        for t in tasks {
            let name = t.await.unwrap().unwrap().unwrap();
            assert!(name.starts_with("argon2-"), "{name}");
            names.insert(name);
        }
        assert!(names.len() <= cores, "{names:?}");
    }
}
