//! The security review's black-box scenarios (`../shared/reviews/security.md`, T1–T6) against
//! the application router, as an attacker would run them: plain HTTP through the playground and
//! the development outbox, or encrypted requests straight to the endpoint. Each one worked on the
//! commit the review audited and must fail now.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use secrecy::SecretString;
use serde_json::{Value, json};
use sign_up::config::Environment;
use sign_up::services::TRY_LATER;
use support::{Harness, pair};
use tower::ServiceExt as _;
use waflow::testing::FlowClient;

const VICTIM: &str = "+15550001111";
const VICTIM_EMAIL: &str = "victim@example.com";
const VICTIM_PASSWORD: &str = "Victim1234";

async fn register(h: &Harness, phone: &str, email: &str, password: &str) {
    let ex = h
        .client(phone)
        .await
        .data_exchange(
            "SIGN_UP",
            json!({"first_name": "Vic", "last_name": "Tim", "email": email,
                   "password": password, "confirm_password": password}),
        )
        .await
        .unwrap();
    assert_eq!(ex.screen(), Some("LOGIN"), "{:?}", ex.error_message());
}

/// One HTTP request to `router`: (status, `Set-Cookie`, JSON body or null).
async fn call(
    router: &Router,
    path: &str,
    host: &str,
    body: Option<Value>,
    cookie: Option<&str>,
) -> (StatusCode, Option<String>, Value) {
    let mut req = Request::builder()
        .uri(path)
        .header(header::HOST, host)
        .method(if body.is_some() { "POST" } else { "GET" });
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let res = router
        .clone()
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned());
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        cookie,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// A browser of the playground: its cookie, as the page would hold it.
struct Browser {
    router: Router,
    cookie: String,
}

impl Browser {
    async fn open(router: &Router) -> Self {
        let (status, cookie, _) = call(
            router,
            "/playground/api/session",
            "127.0.0.1:8080",
            Some(json!({})),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        Self {
            router: router.clone(),
            cookie: cookie.expect("the playground sets its session cookie"),
        }
    }

    /// `/playground/api/exchange`, with any extra fields the page might add; returns the
    /// endpoint's decrypted response.
    async fn exchange(&self, mut body: Value) -> Value {
        if body.get("action").is_none() {
            body["action"] = json!("data_exchange");
        }
        let (status, _, outcome) = call(
            &self.router,
            "/playground/api/exchange",
            "localhost:8080",
            Some(body),
            Some(&self.cookie),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{outcome}");
        outcome["response"].clone()
    }

    async fn screen(&self, screen: &str, data: Value) -> Value {
        self.exchange(json!({"screen": screen, "data": data})).await
    }
}

fn message(response: &Value) -> Option<&str> {
    response["data"]["error_message"].as_str()
}

/// T1: the takeover chain. FORGOT_PASSWORD through the playground sends nothing for somebody
/// else's account; even the victim's real code, read from the outbox, does not reset the
/// password from the playground; the victim's own reset still works; foreign Host names get 403
/// on every development route; production mounts none of them.
#[tokio::test(flavor = "multi_thread")]
async fn t1_the_account_takeover_chain_is_closed() {
    let h = Harness::sqlite().await;
    register(&h, VICTIM, VICTIM_EMAIL, VICTIM_PASSWORD).await;
    let router = sign_up::app(h.state.clone());
    let attacker = Browser::open(&router).await;

    let asked = attacker
        .screen("FORGOT_PASSWORD", json!({"email": VICTIM_EMAIL}))
        .await;
    assert_eq!(asked["screen"], "RESET_PASSWORD", "the same answer as ever");
    assert!(
        h.outbox.messages().is_empty(),
        "no code sent for a stranger"
    );

    // The victim asks; the attacker reads the code (as from a leaked outbox) and tries it.
    let victim = h.client(VICTIM).await;
    victim
        .data_exchange("FORGOT_PASSWORD", json!({"email": VICTIM_EMAIL}))
        .await
        .unwrap();
    let code = h.last_code(VICTIM);
    let reset = |password: &str| json!({"email": VICTIM_EMAIL, "code": code, "password": password, "confirm_password": password});
    let stolen = attacker.screen("RESET_PASSWORD", reset("Pwned12345")).await;
    assert_eq!(stolen["screen"], "RESET_PASSWORD");
    assert_eq!(message(&stolen), Some("The code is not correct"));
    let login = attacker
        .screen(
            "LOGIN",
            json!({"email": VICTIM_EMAIL, "password": "Pwned12345"}),
        )
        .await;
    assert_eq!(message(&login), Some("Incorrect password"));
    // The code was never checked from there: it still works for its owner.
    let own = victim
        .data_exchange("RESET_PASSWORD", reset("Again12345"))
        .await
        .unwrap();
    assert_eq!(
        own.screen(),
        Some("LOGIN_SUCCESS"),
        "{:?}",
        own.error_message()
    );

    // A tunnel or a DNS-rebinding page: 403 on the development routes, the endpoint works.
    for path in ["/dev/outbox", "/playground", "/playground/api/flow"] {
        for host in ["rebind.attacker.example", "abc.trycloudflare.com"] {
            let (status, _, _) = call(&router, path, host, None, None).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} for {host}");
        }
        let (status, _, _) = call(&router, path, "127.0.0.1:8080", None, None).await;
        assert_eq!(status, StatusCode::OK, "{path} on loopback");
    }
    let (status, _, _) = call(
        &router,
        "/playground/api/session",
        "abc.trycloudflare.com",
        Some(json!({})),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let tunnelled = FlowClient::for_service(router.clone(), pair().public_key())
        .path(sign_up::ENDPOINT_PATH)
        .ping()
        .await
        .unwrap();
    assert_eq!(tunnelled.status, 200, "the flow endpoint answers any Host");

    // Production: the development routes do not exist.
    let mut production = h.state.clone();
    production.environment = Environment::Production;
    let production = sign_up::app(production);
    for path in [
        "/dev/outbox",
        "/playground",
        "/playground/api/flow",
        "/playground/api/session",
    ] {
        let (status, _, _) = call(&production, path, "127.0.0.1:8080", None, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path} in production");
    }
    h.finish().await;
}

/// T2: one browser's login does not show up in another browser's playground; each browser has
/// its own pseudo-phone.
#[tokio::test(flavor = "multi_thread")]
async fn t2_playground_browsers_do_not_share_a_session() {
    let h = Harness::sqlite().await;
    let router = sign_up::app(h.state.clone());
    let a = Browser::open(&router).await;
    let signed = a
        .screen(
            "SIGN_UP",
            json!({"first_name": "Ann", "last_name": "A", "email": "ann@example.com",
                   "password": "secret123", "confirm_password": "secret123"}),
        )
        .await;
    assert_eq!(signed["screen"], "LOGIN");
    let logged = a
        .screen(
            "LOGIN",
            json!({"email": "ann@example.com", "password": "secret123"}),
        )
        .await;
    assert_eq!(logged["screen"], "LOGIN_SUCCESS");
    let phone = logged["data"]["phone_line"].as_str().unwrap().to_owned();
    assert!(phone.contains("playground-"), "{phone}");
    assert_eq!(
        a.exchange(json!({"action": "INIT"})).await["screen"],
        "ACCOUNT"
    );

    let b = Browser::open(&router).await;
    let init = b.exchange(json!({"action": "INIT"})).await;
    assert_eq!(init["screen"], "START", "another browser is another phone");
    h.finish().await;
}

/// T3: with the app secret set, the endpoint refuses unsigned requests (432) while the
/// playground, which never holds the secret, still works; a flow token the page sends is
/// ignored, so a leaked token of a real phone cannot be driven from a browser.
#[tokio::test(flavor = "multi_thread")]
async fn t3_the_playground_is_no_signing_oracle_and_ignores_page_tokens() {
    let h = Harness::sqlite().await;
    register(&h, VICTIM, VICTIM_EMAIL, VICTIM_PASSWORD).await;
    let victim_token = sign_up::issue_flow_token(&h.store, VICTIM).await.unwrap();
    let mut state = h.state.clone();
    state.app_secret = Some(SecretString::from("s3cret"));
    let router = sign_up::app(state);

    let unsigned = FlowClient::for_service(router.clone(), pair().public_key())
        .path(sign_up::ENDPOINT_PATH)
        .flow_token(victim_token.expose().to_owned());
    let refused = unsigned
        .data_exchange(
            "LOGIN",
            json!({"email": VICTIM_EMAIL, "password": VICTIM_PASSWORD}),
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 432);
    let signed = unsigned.clone().app_secret(SecretString::from("s3cret"));
    let victim_login = signed
        .data_exchange(
            "LOGIN",
            json!({"email": VICTIM_EMAIL, "password": VICTIM_PASSWORD}),
        )
        .await
        .unwrap();
    assert_eq!(victim_login.screen(), Some("LOGIN_SUCCESS"));

    // The page sends the victim's token; the playground uses its own browser's token.
    let attacker = Browser::open(&router).await;
    let init = attacker
        .exchange(json!({"action": "INIT", "flow_token": victim_token.expose()}))
        .await;
    assert_eq!(init["screen"], "START", "not the victim's ACCOUNT");
    let kept = attacker
        .exchange(
            json!({"screen": "LOGIN_SUCCESS", "data": {"stay_logged_in": true},
                         "flow_token": victim_token.expose()}),
        )
        .await;
    assert_eq!(kept["screen"], "SUCCESS");
    let session = h.store.sessions().current(VICTIM).await.unwrap().unwrap();
    let lifetime = session.expires_at - session.opened_at;
    assert!(
        lifetime <= chrono::Duration::hours(24),
        "the victim's session was not extended: {lifetime}"
    );
    h.finish().await;
}

/// T4: FORGOT_PASSWORD and RESET_PASSWORD need a flow token like every other screen.
#[tokio::test(flavor = "multi_thread")]
async fn t4_no_reset_without_a_flow_token() {
    let h = Harness::sqlite().await;
    register(&h, VICTIM, VICTIM_EMAIL, VICTIM_PASSWORD).await;
    let anonymous = h.client(VICTIM).await.without_flow_token();
    for (screen, data) in [
        ("FORGOT_PASSWORD", json!({"email": VICTIM_EMAIL})),
        (
            "RESET_PASSWORD",
            json!({"email": VICTIM_EMAIL, "code": "123456", "password": "Pwned12345", "confirm_password": "Pwned12345"}),
        ),
        ("START", json!({"intent": "login"})),
    ] {
        let ex = anonymous.data_exchange(screen, data).await.unwrap();
        assert_eq!(ex.status, 427, "{screen}");
        assert_eq!(ex.error_msg(), Some("Missing flow token"), "{screen}");
    }
    assert!(h.outbox.messages().is_empty());
    assert_eq!(anonymous.ping().await.unwrap().status, 200);
    h.finish().await;
}

/// T5: a stranger hammering an account locks out only themselves: the owner's phone still logs
/// in and gets a code, and the stranger's Leave does not throw the owner's code away.
#[tokio::test(flavor = "multi_thread")]
async fn t5_a_stranger_cannot_lock_the_owner_out() {
    let h = Harness::sqlite().await;
    register(&h, VICTIM, VICTIM_EMAIL, VICTIM_PASSWORD).await;
    let stranger = h.client("+15550009999").await;
    let wrong = json!({"email": VICTIM_EMAIL, "password": "wrong00000"});
    let mut answers = Vec::new();
    for _ in 0..8 {
        let ex = stranger
            .data_exchange("LOGIN", wrong.clone())
            .await
            .unwrap();
        answers.push(ex.error_message().map(str::to_owned));
    }
    assert_eq!(
        answers.last().unwrap().as_deref(),
        Some(TRY_LATER),
        "the stranger is throttled: {answers:?}"
    );
    let owner = h.client(VICTIM).await;
    let ok = owner
        .data_exchange(
            "LOGIN",
            json!({"email": VICTIM_EMAIL, "password": VICTIM_PASSWORD}),
        )
        .await
        .unwrap();
    assert_eq!(
        ok.screen(),
        Some("LOGIN_SUCCESS"),
        "{:?}",
        ok.error_message()
    );

    for _ in 0..8 {
        stranger
            .data_exchange("FORGOT_PASSWORD", json!({"email": VICTIM_EMAIL}))
            .await
            .unwrap();
    }
    let owner = h.client(VICTIM).await;
    let asked = owner
        .data_exchange("FORGOT_PASSWORD", json!({"email": VICTIM_EMAIL}))
        .await
        .unwrap();
    assert_eq!(asked.screen(), Some("RESET_PASSWORD"));
    assert_eq!(asked.error_message(), None);
    let code = h.last_code(VICTIM);

    // The stranger leaves naming the victim's e-mail: the owner's code survives.
    let left = h
        .client("+15550009999")
        .await
        .data_exchange(
            "RESET_PASSWORD",
            json!({"intent": "leave", "email": VICTIM_EMAIL}),
        )
        .await
        .unwrap();
    assert_eq!(left.screen(), Some("SUCCESS"));
    let reset = owner
        .data_exchange(
            "RESET_PASSWORD",
            json!({"email": VICTIM_EMAIL, "code": code, "password": "Again12345", "confirm_password": "Again12345"}),
        )
        .await
        .unwrap();
    assert_eq!(
        reset.screen(),
        Some("LOGIN_SUCCESS"),
        "{:?}",
        reset.error_message()
    );
    h.finish().await;
}

/// T6: unknown e-mails are counted per phone: probing a list of addresses stops after ten, for
/// that phone only.
#[tokio::test(flavor = "multi_thread")]
async fn t6_enumeration_is_throttled_per_phone() {
    let h = Harness::sqlite().await;
    let prober = h.client("+15550007777").await;
    let mut answers = Vec::new();
    for i in 0..12 {
        let ex = prober
            .data_exchange(
                "LOGIN",
                json!({"email": format!("probe{i}@example.com"), "password": "x12345678"}),
            )
            .await
            .unwrap();
        answers.push(ex.error_message().unwrap().to_owned());
    }
    assert!(
        answers[..10]
            .iter()
            .all(|m| m == "You are not registered. Please sign up"),
        "{answers:?}"
    );
    assert_eq!(answers[10], TRY_LATER);
    assert_eq!(answers[11], TRY_LATER);
    let other = h.client("+15550008888").await;
    let ex = other
        .data_exchange(
            "LOGIN",
            json!({"email": "probe0@example.com", "password": "x12345678"}),
        )
        .await
        .unwrap();
    assert_eq!(
        ex.error_message(),
        Some("You are not registered. Please sign up")
    );
    h.finish().await;
}

/// A password change ends the account's sessions on every other phone (finding 12).
#[tokio::test(flavor = "multi_thread")]
async fn a_password_change_closes_the_other_sessions() {
    let h = Harness::sqlite().await;
    register(&h, VICTIM, VICTIM_EMAIL, VICTIM_PASSWORD).await;
    let login = json!({"email": VICTIM_EMAIL, "password": VICTIM_PASSWORD});
    let other = h.client("+15550006666").await;
    assert_eq!(
        other
            .data_exchange("LOGIN", login.clone())
            .await
            .unwrap()
            .screen(),
        Some("LOGIN_SUCCESS")
    );
    let own = h.client(VICTIM).await;
    assert_eq!(
        own.data_exchange("LOGIN", login).await.unwrap().screen(),
        Some("LOGIN_SUCCESS")
    );
    let changed = own
        .data_exchange(
            "CHANGE_PASSWORD",
            json!({"current_password": VICTIM_PASSWORD, "password": "Newpass123", "confirm_password": "Newpass123"}),
        )
        .await
        .unwrap();
    assert_eq!(changed.screen(), Some("NOTICE"));
    let there = h.client("+15550006666").await.init().await.unwrap();
    assert_eq!(
        there.screen(),
        Some("START"),
        "the other phone is logged out"
    );
    let here = h.client(VICTIM).await.init().await.unwrap();
    assert_eq!(here.screen(), Some("ACCOUNT"), "this phone stays logged in");
    h.finish().await;
}
