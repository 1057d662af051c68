//! Two instances of the real `sign-up` server on one PostgreSQL (`TEST_DATABASE_URL`, a fresh
//! schema per test), driven alternately and concurrently through `FlowClient` over loopback HTTP:
//! one user per e-mail however the sign-ups race, a flow token closed on one instance is refused
//! (427) on the other, sessions and reset codes are shared, login throttling counts across
//! instances. Skipped, with a note, when `TEST_DATABASE_URL` is unset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "multi_instance/server.rs"]
mod server;

use serde_json::json;
use server::{Instance, Setup, code_for, sign_up_form};
use sign_up::services::{THROTTLE_LIMIT, TRY_LATER};
use waflow::testing::Exchange;

async fn two() -> Option<(Setup, Instance, Instance)> {
    let setup = Setup::postgres("multi").await?;
    // One after the other: the first applies the app's migrations.
    let a = setup.start().await;
    let b = setup.start().await;
    Some((setup, a, b))
}

fn ok(ex: &Exchange) -> &Exchange {
    assert_eq!(ex.status, 200, "{:?}", ex.raw_body);
    ex
}

async fn register(setup: &Setup, on: &Instance, phone: &str, email: &str, password: &str) {
    let c = setup.client(on, phone).await;
    let ex = c
        .data_exchange("SIGN_UP", sign_up_form(email, password))
        .await
        .unwrap();
    assert_eq!(ok(&ex).screen(), Some("LOGIN"));
    assert_eq!(ex.error_message(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_email_on_both_instances_at_once_gives_one_user() {
    let Some((setup, a, b)) = two().await else {
        return;
    };
    for round in 0..4 {
        let email = format!("race{round}@example.test");
        let mut tasks = Vec::new();
        for i in 0..6 {
            let instance = if i % 2 == 0 { &a } else { &b };
            let c = setup.client(instance, &format!("+1555010{i}")).await;
            let form = sign_up_form(&email, "secret123");
            tasks.push(tokio::spawn(async move {
                c.data_exchange("SIGN_UP", form).await.unwrap()
            }));
        }
        let mut created = 0;
        for t in tasks {
            let ex = t.await.unwrap();
            assert_eq!(ok(&ex).screen(), Some("LOGIN"));
            match ex.error_message() {
                None => created += 1,
                Some(m) => assert_eq!(m, "You are already registered. Please login"),
            }
        }
        assert_eq!(created, 1, "round {round}");
        assert_eq!(setup.users_with_email(&email).await, 1);
    }
    assert_eq!(setup.all_emails().await.len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_closed_on_one_is_refused_on_the_other() {
    let Some((setup, a, b)) = two().await else {
        return;
    };
    register(&setup, &a, "+15550200", "close@example.test", "secret123").await;

    let token = setup.token("+15550200").await;
    let on_a = setup.client_with(&a, &token);
    let on_b = setup.client_with(&b, &token);
    // The token works on both while it is open.
    assert_eq!(ok(&on_b.init().await.unwrap()).screen(), Some("START"));
    let ex = on_a
        .data_exchange(
            "LOGIN",
            json!({"email": "close@example.test", "password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(ok(&ex).screen(), Some("LOGIN_SUCCESS"));
    // Done on B closes the flow ...
    let done = on_b
        .data_exchange("LOGIN_SUCCESS", json!({"stay_logged_in": false}))
        .await
        .unwrap();
    assert_eq!(ok(&done).screen(), Some("SUCCESS"));
    // ... and A refuses the token from then on.
    let refused = on_a.init().await.unwrap();
    assert_eq!(refused.status, 427);
    assert!(refused.error_msg().is_some());
    let refused = on_b
        .data_exchange("LOGIN", json!({"email": "close@example.test"}))
        .await
        .unwrap();
    assert_eq!(refused.status, 427);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_and_reset_codes_are_shared() {
    let Some((setup, a, b)) = two().await else {
        return;
    };
    let phone = "+15550300";
    register(&setup, &b, phone, "share@example.test", "secret123").await;

    // Session opened on A: INIT on B lands on ACCOUNT; without one it is START.
    let fresh = setup.client(&b, phone).await;
    assert_eq!(ok(&fresh.init().await.unwrap()).screen(), Some("START"));
    let c = setup.client(&a, phone).await;
    let ex = c
        .data_exchange(
            "LOGIN",
            json!({"email": "share@example.test", "password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(ok(&ex).screen(), Some("LOGIN_SUCCESS"));
    let later = setup.client(&b, phone).await;
    assert_eq!(ok(&later.init().await.unwrap()).screen(), Some("ACCOUNT"));

    // A reset code sent by A is accepted by B, once.
    let c = setup.client(&a, phone).await;
    let ex = c
        .data_exchange("FORGOT_PASSWORD", json!({"email": "share@example.test"}))
        .await
        .unwrap();
    assert_eq!(ok(&ex).screen(), Some("RESET_PASSWORD"));
    let code = code_for(&a.outbox().await, phone).unwrap();
    assert!(code_for(&b.outbox().await, phone).is_none());
    let reset = json!({"email": "share@example.test", "code": code,
                       "password": "newpass12", "confirm_password": "newpass12"});
    let on_b = setup.client(&b, phone).await;
    let ex = on_b
        .data_exchange("RESET_PASSWORD", reset.clone())
        .await
        .unwrap();
    assert_eq!(ok(&ex).screen(), Some("LOGIN_SUCCESS"));
    assert_eq!(ex.error_message(), None);
    let again = setup
        .client(&a, phone)
        .await
        .data_exchange("RESET_PASSWORD", reset)
        .await
        .unwrap();
    assert_eq!(ok(&again).screen(), Some("RESET_PASSWORD"));
    assert!(again.error_message().is_some());

    // The new password works on A, the old one does not.
    let c = setup.client(&a, phone).await;
    let old = c
        .data_exchange(
            "LOGIN",
            json!({"email": "share@example.test", "password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(old.error_message(), Some("Incorrect password"));
    let new = c
        .data_exchange(
            "LOGIN",
            json!({"email": "share@example.test", "password": "newpass12"}),
        )
        .await
        .unwrap();
    assert_eq!(ok(&new).screen(), Some("LOGIN_SUCCESS"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_throttling_counts_across_instances() {
    let Some((setup, a, b)) = two().await else {
        return;
    };
    let phone = "+15550400";
    register(&setup, &a, phone, "throttle@example.test", "secret123").await;
    let on_a = setup.client(&a, phone).await;
    let on_b = setup.client(&b, phone).await;
    let wrong = json!({"email": "throttle@example.test", "password": "wrong1234"});
    // Alternating wrong passwords: each instance alone sees fewer than the limit.
    for i in 0..THROTTLE_LIMIT {
        let c = if i % 2 == 0 { &on_a } else { &on_b };
        let ex = c.data_exchange("LOGIN", wrong.clone()).await.unwrap();
        assert_eq!(
            ok(&ex).error_message(),
            Some("Incorrect password"),
            "try {i}"
        );
    }
    // Now even the right password is refused, on both.
    let right = json!({"email": "throttle@example.test", "password": "secret123"});
    for c in [&on_a, &on_b] {
        let ex = c.data_exchange("LOGIN", right.clone()).await.unwrap();
        assert_eq!(ok(&ex).screen(), Some("LOGIN"));
        assert_eq!(ex.error_message(), Some(TRY_LATER));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_sign_ups_spread_over_both_all_land_once() {
    let Some((setup, a, b)) = two().await else {
        return;
    };
    let mut tasks = Vec::new();
    for i in 0..16 {
        let instance = if i % 2 == 0 { &a } else { &b };
        let c = setup.client(instance, &format!("+1555050{i:02}")).await;
        tasks.push(tokio::spawn(async move {
            // Each e-mail twice, once per instance (the second is "already registered").
            let email = format!("many{}@example.test", i / 2);
            c.data_exchange("SIGN_UP", sign_up_form(&email, "secret123"))
                .await
                .unwrap()
        }));
    }
    let mut created = 0;
    for t in tasks {
        let ex = t.await.unwrap();
        assert_eq!(ok(&ex).screen(), Some("LOGIN"));
        created += usize::from(ex.error_message().is_none());
    }
    assert_eq!(created, 8);
    let emails = setup.all_emails().await;
    assert_eq!(emails.len(), 8);
    for i in 0..8 {
        assert_eq!(
            setup
                .users_with_email(&format!("many{i}@example.test"))
                .await,
            1
        );
    }
}
