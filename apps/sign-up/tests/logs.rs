//! Nothing sensitive in the logs: a whole journey runs with every tracing event (TRACE, all
//! targets) captured, and no password, reset code, flow token or key appears in them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use secrecy::ExposeSecret as _;
use serde_json::json;
use support::{Harness, pair};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_journey_logs_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .without_time()
        .with_writer(move || writer.clone())
        .init();

    let h = Harness::sqlite().await;
    let phone = "+15550142";
    let token = sign_up::issue_flow_token(&h.store, phone).await.unwrap();
    let c = h.client_with_token(token.expose());
    // The phone number too: no PII in the logs (data minimisation).
    let mut secrets = vec![token.expose().to_owned(), phone.to_owned()];
    for p in ["Secret4711", "Wrong4711x", "NewPass4711", "Newer4711pw"] {
        secrets.push(p.to_owned());
    }

    assert_eq!(c.init().await.unwrap().screen(), Some("START"));
    let sign_up = json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.test",
                         "password": "Secret4711", "confirm_password": "Secret4711"});
    assert_eq!(
        c.data_exchange("SIGN_UP", sign_up).await.unwrap().screen(),
        Some("LOGIN")
    );
    let wrong = json!({"email": "ada@example.test", "password": "Wrong4711x"});
    c.data_exchange("LOGIN", wrong).await.unwrap();
    let right = json!({"email": "ada@example.test", "password": "Secret4711"});
    assert_eq!(
        c.data_exchange("LOGIN", right).await.unwrap().screen(),
        Some("LOGIN_SUCCESS")
    );

    c.data_exchange("FORGOT_PASSWORD", json!({"email": "ada@example.test"}))
        .await
        .unwrap();
    let code = h.last_code(phone);
    secrets.push(code.clone());
    let reset = json!({"email": "ada@example.test", "code": code,
                       "password": "NewPass4711", "confirm_password": "NewPass4711"});
    assert_eq!(
        c.data_exchange("RESET_PASSWORD", reset)
            .await
            .unwrap()
            .screen(),
        Some("LOGIN_SUCCESS")
    );
    let login = json!({"email": "ada@example.test", "password": "NewPass4711"});
    c.data_exchange("LOGIN", login).await.unwrap();
    let change = json!({"current_password": "NewPass4711", "password": "Newer4711pw",
                        "confirm_password": "Newer4711pw"});
    assert_eq!(
        c.data_exchange("CHANGE_PASSWORD", change)
            .await
            .unwrap()
            .screen(),
        Some("NOTICE")
    );
    c.error_notification("ACCOUNT", "some-error", "bad")
        .await
        .unwrap();
    let done = c
        .data_exchange("ACCOUNT", json!({"intent": "leave"}))
        .await
        .unwrap();
    assert_eq!(done.screen(), Some("SUCCESS"));
    assert_eq!(c.init().await.unwrap().status, 427);
    h.finish().await;

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The capture works: the journey's own events are there.
    for expected in [
        "account created",
        "password refused",
        "login succeeded",
        "reset code delivered",
        "password reset",
        "flow closed",
    ] {
        assert!(
            logs.contains(expected),
            "missing {expected:?} in the captured logs"
        );
    }
    let pem = pair().private_key_pem(None).unwrap();
    let key_line = pem.expose_secret().lines().nth(1).unwrap().to_owned();
    secrets.push(key_line);
    for secret in &secrets {
        assert!(!contains_word(&logs, secret), "a secret reached the logs");
    }
}

/// Whether `needle` occurs in `haystack` not glued to other letters or digits (a 6-digit code
/// inside a longer number or a hex id is not the code).
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

#[test]
fn contains_word_ignores_glued_matches() {
    assert!(contains_word("code 123456.", "123456"));
    assert!(!contains_word("id a1234567", "123456"));
    assert!(!contains_word("0123456", "123456"));
}
