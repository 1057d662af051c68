//! Crash safety of the real `sign-up` server: under a sign-up load the process is killed with
//! SIGKILL (`kill -9`), then started again on the same database. Every sign-up that was answered
//! with the LOGIN screen exists exactly once, no other account appeared, the database passes its
//! integrity check (SQLite `PRAGMA integrity_check`; PostgreSQL `amcheck` on every B-tree index of
//! the schema plus a consistency query), and the restarted server logs those users in. SQLite
//! always; PostgreSQL when `TEST_DATABASE_URL` is set (a note is printed otherwise).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multi_instance/server.rs"]
mod server;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use server::{Setup, sign_up_form};
use waflow::store::Pool;

/// Sign-ups the server answered with LOGIN and no error, and those it never answered.
#[derive(Default)]
struct Outcome {
    answered: HashSet<String>,
    unanswered: HashSet<String>,
}

async fn crash_and_restart(setup: Setup) {
    let mut server = setup.start().await;
    let outcome = Arc::new(Mutex::new(Outcome::default()));
    let mut load = Vec::new();
    for worker in 0..4 {
        let client = setup.client(&server, &format!("+1555070{worker:02}")).await;
        let outcome = outcome.clone();
        load.push(tokio::spawn(async move {
            for n in 0.. {
                let email = format!("crash-{worker}-{n}@example.test");
                match client
                    .data_exchange("SIGN_UP", sign_up_form(&email, "secret123"))
                    .await
                {
                    Ok(ex) => {
                        assert_eq!(ex.status, 200, "{:?}", ex.raw_body);
                        assert_eq!(ex.screen(), Some("LOGIN"));
                        assert_eq!(ex.error_message(), None);
                        outcome.lock().unwrap().answered.insert(email);
                    }
                    // The kill: this request may or may not have been stored.
                    Err(_) => {
                        outcome.lock().unwrap().unanswered.insert(email);
                        return;
                    }
                }
            }
        }));
    }
    // Let the load run until a good number of sign-ups were answered, then kill -9.
    for _ in 0..600 {
        if outcome.lock().unwrap().answered.len() >= 24 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.kill9();
    for task in load {
        tokio::time::timeout(Duration::from_secs(30), task)
            .await
            .unwrap()
            .unwrap();
    }
    let outcome = Arc::try_unwrap(outcome).ok().unwrap().into_inner().unwrap();
    assert!(
        outcome.answered.len() >= 8,
        "only {} sign-ups answered before the kill",
        outcome.answered.len()
    );

    integrity(&setup).await;
    let server = setup.start_on(server.port).await;

    let stored = setup.all_emails().await;
    eprintln!(
        "killed after {} answered sign-ups ({} in flight); {} stored",
        outcome.answered.len(),
        outcome.unanswered.len(),
        stored.len()
    );
    let unique: HashSet<&String> = stored.iter().collect();
    assert_eq!(unique.len(), stored.len(), "an e-mail is stored twice");
    for email in &outcome.answered {
        assert_eq!(setup.users_with_email(email).await, 1, "{email} lost");
    }
    // Nothing appears that was not asked for: every stored user was answered or in flight.
    for email in &stored {
        assert!(
            outcome.answered.contains(email) || outcome.unanswered.contains(email),
            "{email} appeared from nowhere"
        );
    }

    // The restarted server knows the answered users and their passwords.
    let sample: Vec<&String> = outcome.answered.iter().take(3).collect();
    for email in sample {
        let c = setup.client(&server, "+15550799").await;
        let ex = c
            .data_exchange("LOGIN", json!({"email": email, "password": "secret123"}))
            .await
            .unwrap();
        assert_eq!(ex.status, 200);
        assert_eq!(ex.screen(), Some("LOGIN_SUCCESS"), "{email}");
    }
    // And it takes new sign-ups and refuses a duplicate of a pre-crash one.
    let c = setup.client(&server, "+15550798").await;
    let ex = c
        .data_exchange("SIGN_UP", sign_up_form("after@example.test", "secret123"))
        .await
        .unwrap();
    assert_eq!(ex.error_message(), None);
    let first = outcome.answered.iter().next().unwrap();
    let ex = c
        .data_exchange("SIGN_UP", sign_up_form(first, "secret123"))
        .await
        .unwrap();
    assert_eq!(
        ex.error_message(),
        Some("You are already registered. Please login")
    );
    integrity(&setup).await;
}

async fn integrity(setup: &Setup) {
    match setup.store.pool() {
        Pool::Sqlite(p) => {
            let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(p)
                .await
                .unwrap();
            assert_eq!(rows, ["ok"]);
            let fk: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
                .fetch_all(p)
                .await
                .unwrap_or_default();
            assert!(fk.is_empty(), "{fk:?}");
        }
        Pool::Postgres(p) => {
            // amcheck ships with PostgreSQL; CREATE EXTENSION needs a superuser (CI's role is).
            // The extension lives in one schema per database: call it there.
            let created = sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public")
                .execute(p)
                .await;
            let schema: Option<String> = sqlx::query_scalar(
                "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'amcheck'",
            )
            .fetch_optional(p)
            .await
            .unwrap();
            match (created, schema) {
                (Ok(_), Some(schema)) => {
                    let checked: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                        "SELECT COUNT({schema}.bt_index_check(index => c.oid, heapallindexed => true)) \
                         FROM pg_index i \
                         JOIN pg_class c ON c.oid = i.indexrelid \
                         JOIN pg_namespace n ON n.oid = c.relnamespace \
                         JOIN pg_am am ON am.oid = c.relam \
                         WHERE am.amname = 'btree' AND n.nspname = current_schema()"
                    )))
                    .fetch_one(p)
                    .await
                    .unwrap();
                    assert!(checked > 0, "no index was checked");
                    eprintln!("amcheck: {checked} B-tree indexes verified");
                }
                (created, _) => {
                    eprintln!("note: amcheck unavailable ({created:?}); consistency query only")
                }
            }
            let (rows, distinct): (i64, i64) =
                sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT email) FROM users")
                    .fetch_one(p)
                    .await
                    .unwrap();
            assert_eq!(rows, distinct);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_sign_up_load_loses_nothing_on_sqlite() {
    crash_and_restart(Setup::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_under_sign_up_load_loses_nothing_on_postgres() {
    let Some(setup) = Setup::postgres("crash").await else {
        return;
    };
    crash_and_restart(setup).await;
}
