#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every branch of the tutorial and every failure status, through `FlowClient` and `oneshot`.

use http::{HeaderMap, HeaderValue};
use secrecy::SecretString;
use serde_json::{Value, json};
use sign_up::{AppState, app};

const PATH: &str = sign_up::ENDPOINT_PATH;
use waflow::crypto::KeyPair;
use waflow::testing::FlowClient;

mod support;

use support::{Harness, pair};

/// Every test gets its own SQLite data folder and a flow token issued for it.
async fn client() -> (FlowClient, Harness) {
    let h = Harness::sqlite().await;
    (h.client("+15550001").await, h)
}

fn signup(email: &str, password: &str, confirm: &str) -> Value {
    json!({
        "first_name": "Ada", "last_name": "Lovelace", "email": email,
        "password": password, "confirm_password": confirm,
    })
}

#[tokio::test]
async fn ping_is_answered_active() {
    let (c, _h) = client().await;
    let ex = c.ping().await.unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.response, Some(json!({"data": {"status": "active"}})));
}

#[tokio::test]
async fn sign_up_success_goes_to_login_prefilled() {
    let (c, _h) = client().await;
    let ex = c
        .data_exchange(
            "SIGN_UP",
            signup("ada@example.test", "secret123", "secret123"),
        )
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.screen(), Some("LOGIN"));
    assert_eq!(ex.error_message(), None);
    assert_eq!(
        ex.data().unwrap()["email_initial_value"],
        "ada@example.test"
    );
    assert_eq!(ex.data().unwrap()["password_initial_value"], "");
}

#[tokio::test]
async fn sign_up_twice_says_already_registered() {
    let (c, _h) = client().await;
    c.data_exchange(
        "SIGN_UP",
        signup("bob@example.test", "secret123", "secret123"),
    )
    .await
    .unwrap();
    let ex = c
        .data_exchange(
            "SIGN_UP",
            signup("bob@example.test", "other456", "other456"),
        )
        .await
        .unwrap();
    assert_eq!(ex.screen(), Some("LOGIN"));
    assert_eq!(
        ex.error_message(),
        Some("You are already registered. Please login")
    );
    assert_eq!(
        ex.data().unwrap()["email_initial_value"],
        "bob@example.test"
    );
}

#[tokio::test]
async fn sign_up_with_different_passwords_stays_and_keeps_names() {
    let (c0, _h) = client().await;
    let ex = c0
        .data_exchange("SIGN_UP", signup("c@example.test", "abc12345", "abc12399"))
        .await
        .unwrap();
    assert_eq!(ex.screen(), Some("SIGN_UP"));
    assert_eq!(ex.error_message(), Some("Passwords do not match"));
    let d = ex.data().unwrap();
    assert_eq!(d["first_name_initial_value"], "Ada");
    assert_eq!(d["last_name_initial_value"], "Lovelace");
    assert_eq!(d["email_initial_value"], "c@example.test");
    assert_eq!(d["password_initial_value"], "");
    assert_eq!(d["confirm_password_initial_value"], "");
}

#[tokio::test]
async fn sign_up_without_a_digit_is_refused_and_not_registered() {
    let (c, _h) = client().await;
    let ex = c
        .data_exchange("SIGN_UP", signup("d@example.test", "abcdefgh", "abcdefgh"))
        .await
        .unwrap();
    assert_eq!(ex.screen(), Some("SIGN_UP"));
    assert_eq!(
        ex.error_message(),
        Some("Password must contain at least one number")
    );
    let login = c
        .data_exchange(
            "LOGIN",
            json!({"email": "d@example.test", "password": "abcdefgh"}),
        )
        .await
        .unwrap();
    assert_eq!(
        login.error_message(),
        Some("You are not registered. Please sign up"),
        "a refused sign-up must not register the user"
    );
}

#[tokio::test]
async fn login_unknown_user_goes_to_sign_up() {
    let (c0, _h) = client().await;
    let ex = c0
        .data_exchange(
            "LOGIN",
            json!({"email": "nobody@example.test", "password": "x1"}),
        )
        .await
        .unwrap();
    // LOGIN may only answer with its routing-model successors, so it stays on LOGIN.
    assert_eq!(ex.screen(), Some("LOGIN"));
    assert_eq!(
        ex.error_message(),
        Some("You are not registered. Please sign up")
    );
    assert_eq!(
        ex.data().unwrap()["email_initial_value"],
        "nobody@example.test"
    );
    assert_eq!(ex.data().unwrap()["password_initial_value"], "");
}

#[tokio::test]
async fn login_wrong_password_then_right_password() {
    let (c, _h) = client().await;
    c.data_exchange(
        "SIGN_UP",
        signup("e@example.test", "secret123", "secret123"),
    )
    .await
    .unwrap();
    let wrong = c
        .data_exchange(
            "LOGIN",
            json!({"email": "e@example.test", "password": "secret124"}),
        )
        .await
        .unwrap();
    assert_eq!(wrong.screen(), Some("LOGIN"));
    assert_eq!(wrong.error_message(), Some("Incorrect password"));
    assert_eq!(
        wrong.data().unwrap()["email_initial_value"],
        "e@example.test"
    );
    let right = c
        .data_exchange(
            "LOGIN",
            json!({"email": "e@example.test", "password": "secret123"}),
        )
        .await
        .unwrap();
    assert_eq!(right.status, 200);
    assert_eq!(right.screen(), Some("LOGIN_SUCCESS"));
    assert_eq!(right.error_message(), None);
}

#[tokio::test]
async fn payload_that_does_not_fit_answers_same_screen_with_error() {
    let (c0, _h) = client().await;
    let ex = c0
        .allow_contract_violations()
        .data_exchange("LOGIN", json!({"email": 42, "password": "secret123"}))
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.screen(), Some("LOGIN"));
    assert_eq!(
        ex.error_message(),
        Some("Please check the form and try again."),
        "no developer text for the user"
    );
    // The automatic answer cannot know the screen's data (the contract check says so).
    assert!(
        ex.violations
            .iter()
            .all(|v| v.starts_with("payload-schema-error")),
        "{:?}",
        ex.violations
    );
}

#[tokio::test]
async fn error_notification_is_acknowledged() {
    let (c0, _h) = client().await;
    let ex = c0
        .error_notification("LOGIN", "payload-schema-error", "bad data")
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.response, Some(json!({"data": {"acknowledged": true}})));
}

#[tokio::test]
async fn body_that_is_not_json_is_400() {
    let (c0, _h) = client().await;
    let ex = c0.post_raw("not json", HeaderMap::new()).await.unwrap();
    assert_eq!(ex.status, 400);
}

#[tokio::test]
async fn body_that_cannot_be_decrypted_is_421() {
    let body = json!({"encrypted_flow_data": "AAAA", "encrypted_aes_key": "AAAA", "initial_vector": "AAAA"});
    let (c0, _h) = client().await;
    let ex = c0
        .post_raw(body.to_string(), HeaderMap::new())
        .await
        .unwrap();
    assert_eq!(ex.status, 421);
}

#[tokio::test]
async fn request_for_another_key_is_421() {
    let other = KeyPair::generate().unwrap();
    let h = Harness::sqlite().await;
    let c = FlowClient::for_service(app(h.state.clone()), other.public_key()).path(PATH);
    assert_eq!(c.ping().await.unwrap().status, 421);
}

#[tokio::test]
async fn body_over_one_mib_is_413() {
    let (c0, _h) = client().await;
    let ex = c0
        .post_raw(vec![b'x'; 1024 * 1024 + 1], HeaderMap::new())
        .await
        .unwrap();
    assert_eq!(ex.status, 413);
}

fn with_secret(h: &Harness) -> AppState {
    let mut state = h.state.clone();
    state.app_secret = Some(SecretString::from("app-secret"));
    state
}

#[tokio::test]
async fn signed_requests_pass_and_unsigned_or_badly_signed_are_432() {
    let h = Harness::sqlite().await;
    let good = FlowClient::for_service(app(with_secret(&h)), pair().public_key())
        .path(PATH)
        .app_secret(SecretString::from("app-secret"));
    assert_eq!(good.ping().await.unwrap().status, 200);
    let unsigned = FlowClient::for_service(app(with_secret(&h)), pair().public_key()).path(PATH);
    assert_eq!(unsigned.ping().await.unwrap().status, 432);
    let wrong = FlowClient::for_service(app(with_secret(&h)), pair().public_key())
        .path(PATH)
        .app_secret(SecretString::from("nope"));
    assert_eq!(wrong.ping().await.unwrap().status, 432);
    let mut headers = HeaderMap::new();
    headers.insert("x-hub-signature-256", HeaderValue::from_static("sha256=zz"));
    assert_eq!(unsigned.post_raw("{}", headers).await.unwrap().status, 432);
}

#[tokio::test]
async fn forged_flow_token_signature_is_427_with_encrypted_error_msg() {
    let h = Harness::sqlite().await;
    let token = sign_up::issue_flow_token(&h.store, "+15550009")
        .await
        .unwrap();
    let app = app(with_secret(&h));
    let signed = FlowClient::for_service(app.clone(), pair().public_key())
        .path(PATH)
        .flow_token(token.expose().to_owned())
        .app_secret(SecretString::from("app-secret"))
        .sign_flow_token();
    let ok = signed
        .data_exchange(
            "LOGIN",
            json!({"email": "z@example.test", "password": "p1"}),
        )
        .await
        .unwrap();
    assert_eq!(ok.status, 200);

    let mut req = waflow::endpoint::FlowRequest::new(waflow::endpoint::FlowAction::DataExchange);
    req.screen = Some("LOGIN".into());
    req.data = json!({"email": "z@example.test", "password": "p1"});
    req.flow_token = Some(token.expose().to_owned());
    req.flow_token_signature = Some(waflow::crypto::jwt::sign_hs256(
        &SecretString::from("someone-else"),
        &json!({"flow_token": token.expose()}),
    ));
    let ex = signed.send(req).await.unwrap();
    assert_eq!(ex.status, 427);
    assert!(
        ex.error_msg().is_some(),
        "427 body must decrypt to error_msg: {:?}",
        ex.raw_body
    );
}
