#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "playground")]
//! The playground's real path: page request → `FlowClient` encrypts → `FlowEndpoint` → decrypt.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, Payload};
use waflow::playground::{Playground, Target};
use waflow::testing::FlowClient;

#[derive(Deserialize)]
struct Login {
    email: String,
    password: String,
}

async fn login(Payload(f): Payload<Login>) -> Result<FlowResponse, FlowError> {
    if f.password != "secret123" {
        return Ok(FlowResponse::screen("LOGIN")
            .error_message("Incorrect password")
            .with("email_initial_value", f.email)
            .with("password_initial_value", ""));
    }
    Ok(FlowResponse::screen("LOGIN_SUCCESS"))
}

fn endpoint(pair: &KeyPair) -> FlowEndpoint {
    FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("LOGIN", login)
        .flow_token_check(|token: String| async move {
            if token == "expired" {
                Err(FlowError::token_no_longer_valid("This session has expired"))
            } else {
                Ok(())
            }
        })
        .with_state(())
}

fn flow() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/browser/fixtures/signup_flow.json"
    ))
    .unwrap()
}

/// Starts a playground session, as the page does; answers the session cookie.
async fn session(app: &Router) -> String {
    let req = Request::post("/api/session")
        .header(header::HOST, "127.0.0.1:9")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

/// One exchange in a fresh session.
async fn exchange(app: &Router, body: Value) -> Value {
    let cookie = session(app).await;
    let req = Request::post("/api/exchange")
        .header(header::HOST, "127.0.0.1:9")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

/// A LOGIN request; `token` is what the page would have put in the body (the server ignores it).
fn login_request(password: &str, token: &str) -> Value {
    json!({"action": "data_exchange", "screen": "LOGIN", "data": {"email": "a@b.c", "password": password}, "flow_token": token})
}

fn playground<T>(target: T, token: &'static str) -> Router
where
    T: Into<Target>,
{
    Playground::for_flow(flow(), target)
        .flow_token(move || async move { token.to_owned() })
        .into_router()
}

#[tokio::test]
async fn answers_are_decrypted_for_the_page() {
    let pair = KeyPair::generate().unwrap();
    let client = FlowClient::for_service(endpoint(&pair), pair.public_key());
    let app = playground(client, "t1");

    let wrong = exchange(&app, login_request("nope", "forged")).await;
    assert_eq!(wrong["status"], 200);
    assert_eq!(wrong["request"]["flow_token"], "t1");
    assert_eq!(wrong["response"]["screen"], "LOGIN");
    assert_eq!(
        wrong["response"]["data"]["error_message"],
        "Incorrect password"
    );
    assert_eq!(wrong["response"]["data"]["email_initial_value"], "a@b.c");

    let right = exchange(&app, login_request("secret123", "t1")).await;
    assert_eq!(right["response"]["screen"], "LOGIN_SUCCESS");
    assert_eq!(right["retried"], false);
}

#[tokio::test]
async fn a_dead_token_is_a_427_with_its_message() {
    let pair = KeyPair::generate().unwrap();
    let client = FlowClient::for_service(endpoint(&pair), pair.public_key());
    let app = playground(client, "expired");
    // the page's body cannot swap in a live token
    let answer = exchange(&app, login_request("secret123", "live")).await;
    assert_eq!(answer["status"], 427);
    assert_eq!(answer["response"]["error_msg"], "This session has expired");
}

#[tokio::test]
async fn a_wrong_public_key_is_a_421_retried_once() {
    let pair = KeyPair::generate().unwrap();
    let other = KeyPair::generate().unwrap();
    let client = FlowClient::for_service(endpoint(&pair), other.public_key());
    let app = playground(Target::endpoint_labelled(client, "in-process"), "t1");
    let answer = exchange(&app, login_request("secret123", "t1")).await;
    assert_eq!(answer["status"], 421);
    assert_eq!(answer["retried"], true);
    assert_eq!(answer["response"], Value::Null);
}

#[tokio::test]
async fn a_bad_signature_is_a_432() {
    let pair = KeyPair::generate().unwrap();
    let service = FlowEndpoint::new(pair.private_key().clone())
        .app_secret(SecretString::from("the-real-secret"))
        .on_data_exchange("LOGIN", login)
        .with_state(());
    let client = FlowClient::for_service(service, pair.public_key())
        .app_secret(SecretString::from("a-wrong-secret"));
    let app = playground(client, "t1");
    let answer = exchange(&app, login_request("secret123", "t1")).await;
    assert_eq!(answer["status"], 432);
    assert_eq!(answer["retried"], false);
}

#[tokio::test]
async fn an_unreachable_endpoint_is_reported_not_a_panic() {
    let pair = KeyPair::generate().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = FlowClient::for_url(format!("http://127.0.0.1:{port}/flow"), pair.public_key());
    let app = playground(client, "t1");
    let answer = exchange(&app, login_request("secret123", "t1")).await;
    assert_eq!(answer["status"], Value::Null);
    assert!(!answer["error"].as_str().unwrap().is_empty());
}
