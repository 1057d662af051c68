//! One generic test body per repository, run against SQLite always and against PostgreSQL when
//! `TEST_DATABASE_URL` is set.
#![cfg(feature = "store")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "store_support/mod.rs"]
mod support;

use std::collections::HashSet;
use std::time::Duration;

use waflow::store::{
    CloseReason, CodeError, MigrationSet, Pool, Store, StoreError, TokenError, VerifyError,
};

const HOUR: Duration = Duration::from_secs(3600);

async fn flow_tokens(store: Store) {
    let tokens = store.flow_tokens();
    let token = tokens.issue("+15550001", "sign-up", HOUR).await.unwrap();
    assert_eq!(token.expose().len(), 32);
    assert!(token.expose().chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!format!("{token:?}").contains(token.expose()));

    let info = tokens.resolve(token.expose()).await.unwrap();
    assert_eq!(info.phone, "+15550001");
    assert_eq!(info.flow_id, "sign-up");
    assert!(info.expires_at > info.issued_at);

    assert!(matches!(
        tokens.resolve("not-a-token").await,
        Err(TokenError::Unknown)
    ));

    let expired = tokens
        .issue("+15550001", "sign-up", Duration::ZERO)
        .await
        .unwrap();
    assert!(matches!(
        tokens.resolve(expired.expose()).await,
        Err(TokenError::Expired)
    ));

    assert!(
        tokens
            .close(token.expose(), CloseReason::Completed)
            .await
            .unwrap()
    );
    assert!(
        !tokens
            .close(token.expose(), CloseReason::Left)
            .await
            .unwrap()
    );
    assert!(matches!(
        tokens.resolve(token.expose()).await,
        Err(TokenError::Closed)
    ));
    assert!(
        !tokens
            .close("not-a-token", CloseReason::Left)
            .await
            .unwrap()
    );
}

async fn concurrency(store: Store) {
    let tokens = store.flow_tokens();
    let issued = futures(32, |i| {
        let tokens = tokens.clone();
        async move {
            tokens
                .issue(&format!("+1555{i:04}"), "sign-up", HOUR)
                .await
                .unwrap()
        }
    })
    .await;
    let distinct: HashSet<_> = issued.iter().map(|t| t.expose().to_owned()).collect();
    assert_eq!(distinct.len(), 32);
    for (i, token) in issued.iter().enumerate() {
        let info = tokens.resolve(token.expose()).await.unwrap();
        assert_eq!(info.phone, format!("+1555{i:04}"));
    }

    let shared = issued[0].expose().to_owned();
    let closes = futures(16, |_| {
        let tokens = tokens.clone();
        let shared = shared.clone();
        async move { tokens.close(&shared, CloseReason::Completed).await.unwrap() }
    })
    .await;
    assert_eq!(closes.iter().filter(|c| **c).count(), 1);

    let firsts = futures(16, |_| {
        let store = store.clone();
        async move { store.first_delivery("wamid.same").await.unwrap() }
    })
    .await;
    assert_eq!(firsts.iter().filter(|c| **c).count(), 1);
    assert!(store.first_delivery("wamid.other").await.unwrap());
    assert!(!store.first_delivery("wamid.other").await.unwrap());
}

async fn sessions(store: Store) {
    let sessions = store.sessions();
    assert_eq!(sessions.current("+15550002").await.unwrap(), None);
    let opened = sessions.open("+15550002", "user-1", HOUR).await.unwrap();
    let current = sessions.current("+15550002").await.unwrap().unwrap();
    assert_eq!(current, opened);
    assert_eq!(current.subject, "user-1");
    assert_eq!(
        current.expires_at - current.opened_at,
        chrono::Duration::hours(1)
    );

    sessions
        .open("+15550002", "user-2", HOUR * 24)
        .await
        .unwrap();
    assert_eq!(
        sessions
            .current("+15550002")
            .await
            .unwrap()
            .unwrap()
            .subject,
        "user-2"
    );
    assert!(sessions.close("+15550002").await.unwrap());
    assert!(!sessions.close("+15550002").await.unwrap());
    assert_eq!(sessions.current("+15550002").await.unwrap(), None);

    sessions
        .open("+15550003", "user-3", Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(sessions.current("+15550003").await.unwrap(), None);

    sessions.open("+15550004", "user-4", HOUR).await.unwrap();
    sessions.open("+15550005", "user-4", HOUR).await.unwrap();
    assert_eq!(sessions.close_subject("user-4").await.unwrap(), 2);
    assert_eq!(sessions.current("+15550005").await.unwrap(), None);
}

async fn attempts(store: Store) {
    let attempts = store.attempts();
    let window = Duration::from_secs(15 * 60);
    for _ in 0..3 {
        attempts
            .record_failure("login", "a@example.com")
            .await
            .unwrap();
    }
    attempts
        .record_failure("reset", "a@example.com")
        .await
        .unwrap();
    assert_eq!(
        attempts
            .failures_within("login", "a@example.com", window)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        attempts
            .failures_within("login", "b@example.com", window)
            .await
            .unwrap(),
        0
    );
    assert!(
        attempts
            .is_locked("login", "a@example.com", 3, window)
            .await
            .unwrap()
    );
    assert!(
        !attempts
            .is_locked("login", "a@example.com", 4, window)
            .await
            .unwrap()
    );
    assert_eq!(
        attempts
            .failures_within("login", "a@example.com", Duration::ZERO)
            .await
            .unwrap(),
        0
    );
    attempts.reset("login", "a@example.com").await.unwrap();
    assert_eq!(
        attempts
            .failures_within("login", "a@example.com", window)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        attempts
            .failures_within("reset", "a@example.com", window)
            .await
            .unwrap(),
        1
    );

    // record_and_count records first, then counts this attempt too.
    for n in 1..=3 {
        assert_eq!(
            attempts
                .record_and_count("login", "c@example.com", window)
                .await
                .unwrap(),
            n
        );
    }
    assert_eq!(
        attempts
            .record_and_count("login", "c@example.com", Duration::ZERO)
            .await
            .unwrap(),
        0
    );
    // ... and deletes the subject's rows that left its window (with a zero window: all of them).
    assert_eq!(
        attempts
            .failures_within("login", "c@example.com", window)
            .await
            .unwrap(),
        0
    );
    // Concurrent callers: the k-th to be recorded counts at least k, so no more than `limit` of
    // them can see a count within `limit`.
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let attempts = attempts.clone();
            tokio::spawn(async move {
                attempts
                    .record_and_count("login", "d@example.com", window)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut counts = Vec::new();
    for t in tasks {
        counts.push(t.await.unwrap());
    }
    counts.sort_unstable();
    for (k, n) in (1..).zip(&counts) {
        assert!(*n >= k, "{counts:?}");
    }
    assert_eq!(counts.last(), Some(&12));
    assert!(counts.iter().filter(|n| **n <= 5).count() <= 5);
}

fn code_err(r: Result<(), VerifyError>) -> CodeError {
    match r {
        Err(VerifyError::Code(e)) => e,
        other => panic!("expected a code error, got {other:?}"),
    }
}

fn other_code(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

async fn one_time_codes(store: Store) {
    let codes = store.one_time_codes();
    let ttl = Duration::from_secs(600);
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", "123456").await),
        CodeError::NotIssued
    );

    let code = codes.issue("reset", "a@example.com", ttl, 3).await.unwrap();
    assert_eq!(code.expose().len(), 6);
    assert!(code.expose().chars().all(|c| c.is_ascii_digit()));
    assert!(!format!("{code:?}").contains(code.expose()));
    let wrong = other_code(code.expose());
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", &wrong).await),
        CodeError::Wrong { tries_left: 2 }
    );
    assert_eq!(
        code_err(codes.verify("reset", "b@example.com", code.expose()).await),
        CodeError::NotIssued
    );
    codes
        .verify("reset", "a@example.com", code.expose())
        .await
        .unwrap();
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", code.expose()).await),
        CodeError::NotIssued
    );

    let code = codes.issue("reset", "a@example.com", ttl, 2).await.unwrap();
    let wrong = other_code(code.expose());
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", &wrong).await),
        CodeError::Wrong { tries_left: 1 }
    );
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", &wrong).await),
        CodeError::TooManyTries
    );
    assert_eq!(
        code_err(codes.verify("reset", "a@example.com", code.expose()).await),
        CodeError::TooManyTries
    );

    let old = codes.issue("reset", "a@example.com", ttl, 3).await.unwrap();
    let new = codes.issue("reset", "a@example.com", ttl, 3).await.unwrap();
    if old != new {
        assert!(matches!(
            code_err(codes.verify("reset", "a@example.com", old.expose()).await),
            CodeError::Wrong { .. }
        ));
    }
    codes
        .verify("reset", "a@example.com", new.expose())
        .await
        .unwrap();

    let expired = codes
        .issue("reset", "a@example.com", Duration::ZERO, 3)
        .await
        .unwrap();
    assert_eq!(
        code_err(
            codes
                .verify("reset", "a@example.com", expired.expose())
                .await
        ),
        CodeError::Expired
    );

    codes.issue("reset", "c@example.com", ttl, 3).await.unwrap();
    codes.discard("reset", "c@example.com").await.unwrap();
    assert_eq!(
        code_err(codes.verify("reset", "c@example.com", "000000").await),
        CodeError::NotIssued
    );
}

/// Each concurrent guess takes a try before it is compared: of 20 parallel wrong guesses on a
/// 5-try code, exactly four are told how many tries are left (4, 3, 2, 1), every other one is
/// refused, and the right code is void afterwards.
async fn parallel_guesses_are_all_counted(store: Store) {
    let codes = store.one_time_codes();
    let code = codes
        .issue("reset", "p@example.com", Duration::from_secs(600), 5)
        .await
        .unwrap();
    let wrong = other_code(code.expose());
    let results = futures(20, |_| {
        let codes = codes.clone();
        let wrong = wrong.clone();
        async move { code_err(codes.verify("reset", "p@example.com", &wrong).await) }
    })
    .await;
    let mut left: Vec<u32> = results
        .iter()
        .filter_map(|e| match e {
            CodeError::Wrong { tries_left } => Some(*tries_left),
            _ => None,
        })
        .collect();
    left.sort_unstable();
    assert_eq!(left, [1, 2, 3, 4], "{results:?}");
    assert_eq!(
        results
            .iter()
            .filter(|e| **e == CodeError::TooManyTries)
            .count(),
        16
    );
    assert_eq!(
        code_err(codes.verify("reset", "p@example.com", code.expose()).await),
        CodeError::TooManyTries
    );
}

/// A code remembers who asked for it: only that requester can discard it.
async fn code_requester(store: Store) {
    let codes = store.one_time_codes();
    let ttl = Duration::from_secs(600);
    let code = codes
        .issue_requested_by("reset", "r@example.com", "token-a", ttl, 3)
        .await
        .unwrap();
    assert!(
        !codes
            .discard_requested_by("reset", "r@example.com", "token-b")
            .await
            .unwrap()
    );
    assert!(
        !codes
            .discard_requested_by("reset", "other@example.com", "token-a")
            .await
            .unwrap()
    );
    codes
        .verify("reset", "r@example.com", code.expose())
        .await
        .unwrap();
    codes
        .issue_requested_by("reset", "r@example.com", "token-a", ttl, 3)
        .await
        .unwrap();
    assert!(
        codes
            .discard_requested_by("reset", "r@example.com", "token-a")
            .await
            .unwrap()
    );
    assert_eq!(
        code_err(codes.verify("reset", "r@example.com", "000000").await),
        CodeError::NotIssued
    );
    // A code issued without a requester is not discarded by an empty requester either.
    codes.issue("reset", "s@example.com", ttl, 3).await.unwrap();
    assert!(
        !codes
            .discard_requested_by("reset", "s@example.com", "")
            .await
            .unwrap()
    );
}

/// `FlowTokens::purge` deletes tokens that expired or closed long enough ago, never a live one.
async fn token_purge(store: Store) {
    let tokens = store.flow_tokens();
    let live = tokens
        .issue("+1555", "f", Duration::from_secs(3600))
        .await
        .unwrap();
    tokens.issue("+1555", "f", Duration::ZERO).await.unwrap();
    let closed = tokens
        .issue("+1555", "f", Duration::from_secs(3600))
        .await
        .unwrap();
    tokens
        .close(closed.expose(), waflow::store::CloseReason::Left)
        .await
        .unwrap();
    assert_eq!(tokens.purge(Duration::from_secs(3600)).await.unwrap(), 0);
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(tokens.purge(Duration::ZERO).await.unwrap(), 2);
    assert!(tokens.resolve(live.expose()).await.is_ok());
}

/// `Attempts::purge` deletes rows older than the given age, of every scope and subject.
async fn attempts_purge(store: Store) {
    let attempts = store.attempts();
    attempts.record_failure("login", "a").await.unwrap();
    attempts.record_failure("reset", "b").await.unwrap();
    assert_eq!(attempts.purge(Duration::from_secs(3600)).await.unwrap(), 0);
    assert_eq!(
        attempts
            .failures_within("login", "a", Duration::from_secs(60))
            .await
            .unwrap(),
        1
    );
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(attempts.purge(Duration::ZERO).await.unwrap(), 2);
    assert_eq!(
        attempts
            .failures_within("reset", "b", Duration::from_secs(60))
            .await
            .unwrap(),
        0
    );
}

async fn app_migrations(store: Store) {
    let set = MigrationSet::new("_contract_app_migrations").step(
        1,
        "notes",
        "CREATE TABLE contract_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
        "CREATE TABLE contract_notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)",
    );
    store.apply_migrations(&set).await.unwrap();
    // Applying again is a no-op, and waflow's own history is untouched.
    store.apply_migrations(&set).await.unwrap();
    let n: (i64,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as("SELECT COUNT(*) FROM contract_notes")
            .fetch_one(p)
            .await
            .unwrap(),
        Pool::Postgres(p) => sqlx::query_as("SELECT COUNT(*) FROM contract_notes")
            .fetch_one(p)
            .await
            .unwrap(),
    };
    assert_eq!(n.0, 0);
}

/// Runs `n` futures at once on the multi-threaded runtime and collects their results in order.
async fn futures<F, Fut, T>(n: usize, make: F) -> Vec<T>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = (0..n).map(|i| tokio::spawn(make(i))).collect();
    let mut out = Vec::with_capacity(n);
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let (store, _dir) = crate::support::sqlite_store().await;
                    super::$name(store.clone()).await;
                    store.close().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let Some(guard) = crate::support::postgres_store(stringify!($name)).await else {
                        return;
                    };
                    super::$name(guard.store.clone()).await;
                    guard.drop_schema().await;
                }
            )*
        }
    };
}

contract!(
    flow_tokens,
    concurrency,
    sessions,
    attempts,
    one_time_codes,
    parallel_guesses_are_all_counted,
    code_requester,
    attempts_purge,
    token_purge,
    app_migrations
);

#[tokio::test]
async fn reopening_a_data_folder_keeps_state_and_reapplies_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    let token = store.flow_tokens().issue("+1", "f", HOUR).await.unwrap();
    store.close().await;
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    assert_eq!(
        store
            .flow_tokens()
            .resolve(token.expose())
            .await
            .unwrap()
            .phone,
        "+1"
    );
    store.close().await;
}

#[tokio::test]
async fn a_second_process_style_pool_sees_the_same_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = Store::open_in_dir(dir.path()).await.unwrap();
    let b = Store::open_in_dir(dir.path()).await.unwrap();
    let token = a.flow_tokens().issue("+2", "f", HOUR).await.unwrap();
    assert_eq!(
        b.flow_tokens().resolve(token.expose()).await.unwrap().phone,
        "+2"
    );
    assert!(
        b.flow_tokens()
            .close(token.expose(), CloseReason::Left)
            .await
            .unwrap()
    );
    assert!(matches!(
        a.flow_tokens().resolve(token.expose()).await,
        Err(TokenError::Closed)
    ));
}

#[tokio::test]
async fn bad_urls_are_typed_errors() {
    for url in ["mysql://localhost/db", "", "http://example.invalid"] {
        assert!(matches!(
            Store::open(url).await,
            Err(StoreError::InvalidUrl(_))
        ));
    }
    let err = Store::open_with(
        "postgres://u:p@127.0.0.1:1/db",
        &waflow::store::StoreOptions::default().postgres_schema("Bad-Name"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, StoreError::InvalidUrl(_)));
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_created_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    assert!(matches!(
        Store::open_in_dir(file.join("sub")).await,
        Err(StoreError::DataDir { .. })
    ));
}
