//! Every screen and branch of the flow through `FlowClient`, against SQLite always and
//! PostgreSQL when `TEST_DATABASE_URL` is set (one generic body per journey).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::{Value, json};
use sign_up::services::{SESSION_DEFAULT, SESSION_REMEMBERED};
use support::Harness;
use waflow::testing::{Exchange, FlowClient};

const PHONE: &str = "+15550100";

fn sign_up_form(email: &str, password: &str, confirm: &str) -> Value {
    json!({"first_name": "Ada", "last_name": "Lovelace", "email": email,
           "password": password, "confirm_password": confirm})
}

async fn exchange(c: &FlowClient, screen: &str, data: Value) -> Exchange {
    let ex = c.data_exchange(screen, data).await.unwrap();
    assert_eq!(ex.status, 200, "{screen}: {:?}", ex.raw_body);
    ex
}

fn assert_closed(ex: &Exchange) {
    assert_eq!(ex.screen(), Some("SUCCESS"));
    assert!(ex.data().unwrap()["extension_message_response"]["params"]["flow_token"].is_string());
}

async fn register(h: &Harness, phone: &str, email: &str, password: &str) {
    let c = h.client(phone).await;
    let ex = exchange(&c, "SIGN_UP", sign_up_form(email, password, password)).await;
    assert_eq!(ex.screen(), Some("LOGIN"), "{:?}", ex.error_message());
}

/// Logs in on a fresh token and returns that client (session open).
async fn log_in(h: &Harness, phone: &str, email: &str, password: &str) -> FlowClient {
    let c = h.client(phone).await;
    let ex = exchange(&c, "LOGIN", json!({"email": email, "password": password})).await;
    assert_eq!(
        ex.screen(),
        Some("LOGIN_SUCCESS"),
        "{:?}",
        ex.error_message()
    );
    c
}

async fn start_and_sign_up(h: &Harness) {
    let c = h.client(PHONE).await;
    let init = c.init().await.unwrap();
    assert_eq!(init.screen(), Some("START"));

    for (choice, screen) in [
        ("sign_up", "SIGN_UP"),
        ("login", "LOGIN"),
        ("forgot_password", "FORGOT_PASSWORD"),
    ] {
        let ex = exchange(&c, "START", json!({"intent": choice})).await;
        assert_eq!(ex.screen(), Some(screen));
        assert_eq!(ex.error_message(), None);
    }
    let ex = exchange(&c, "START", json!({"intent": "dance"})).await;
    assert_eq!(ex.screen(), Some("START"));
    assert!(ex.error_message().is_some());

    // Server-side re-checks: whatever the screen promised.
    for (form, message) in [
        (
            sign_up_form("not-an-email", "secret123", "secret123"),
            "valid e-mail",
        ),
        (
            json!({"first_name": " ", "last_name": "L", "email": "a@example.test", "password": "secret123", "confirm_password": "secret123"}),
            "first and last name",
        ),
        (
            sign_up_form("a@example.test", "short1", "short1"),
            "8 to 16",
        ),
        (
            sign_up_form("a@example.test", "seventeenchars123", "seventeenchars123"),
            "8 to 16",
        ),
        (
            sign_up_form("a@example.test", "abcdefgh", "abcdefgh"),
            "at least one number",
        ),
        (
            sign_up_form("a@example.test", "secret123", "secret124"),
            "do not match",
        ),
        (json!({}), "first and last name"),
    ] {
        let ex = exchange(&c, "SIGN_UP", form).await;
        assert_eq!(ex.screen(), Some("SIGN_UP"));
        let got = ex.error_message().unwrap();
        assert!(got.contains(message), "{got} / {message}");
        assert_eq!(ex.data().unwrap()["password_initial_value"], "");
    }

    let ok = exchange(
        &c,
        "SIGN_UP",
        sign_up_form(" Ada@Example.TEST ", "secret123", "secret123"),
    )
    .await;
    assert_eq!(ok.screen(), Some("LOGIN"));
    assert_eq!(ok.error_message(), None);
    assert_eq!(
        ok.data().unwrap()["email_initial_value"],
        "ada@example.test"
    );

    let again = exchange(
        &c,
        "SIGN_UP",
        sign_up_form("ADA@example.test", "other1234", "other1234"),
    )
    .await;
    assert_eq!(again.screen(), Some("LOGIN"));
    assert_eq!(
        again.error_message(),
        Some("You are already registered. Please login")
    );
    let account = h
        .state
        .services
        .accounts
        .find_by_email("ada@example.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.phone, PHONE);
}

async fn concurrent_sign_ups(h: &Harness) {
    let c = h.client(PHONE).await;
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move {
                c.data_exchange(
                    "SIGN_UP",
                    sign_up_form("race@example.test", "secret123", "secret123"),
                )
                .await
                .unwrap()
            })
        })
        .collect();
    let mut registered = 0;
    for t in tasks {
        let ex = t.await.unwrap();
        assert_eq!(ex.screen(), Some("LOGIN"));
        match ex.error_message() {
            None => registered += 1,
            Some(m) => assert_eq!(m, "You are already registered. Please login"),
        }
    }
    assert_eq!(registered, 1);
}

async fn login_and_sessions(h: &Harness) {
    register(h, PHONE, "bo@example.test", "secret123").await;
    let c = h.client(PHONE).await;
    let unknown = exchange(
        &c,
        "LOGIN",
        json!({"email": "nobody@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(unknown.screen(), Some("LOGIN"));
    assert_eq!(
        unknown.error_message(),
        Some("You are not registered. Please sign up")
    );
    assert_eq!(
        unknown.data().unwrap()["email_initial_value"],
        "nobody@example.test"
    );

    let wrong = exchange(
        &c,
        "LOGIN",
        json!({"email": "bo@example.test", "password": "secret124"}),
    )
    .await;
    assert_eq!(wrong.screen(), Some("LOGIN"));
    assert_eq!(wrong.error_message(), Some("Incorrect password"));
    assert_eq!(h.store.sessions().current(PHONE).await.unwrap(), None);

    let ok = exchange(
        &c,
        "LOGIN",
        json!({"email": "BO@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(ok.screen(), Some("LOGIN_SUCCESS"));
    let d = ok.data().unwrap();
    assert_eq!(d["name"], "Ada Lovelace");
    assert_eq!(d["email_line"], "E-mail: bo@example.test");
    assert_eq!(d["phone_line"], format!("WhatsApp: {PHONE}"));
    assert!(
        d["member_since_line"]
            .as_str()
            .unwrap()
            .starts_with("Member since 20")
    );
    let session = h.store.sessions().current(PHONE).await.unwrap().unwrap();
    assert_eq!(
        (session.expires_at - session.opened_at).to_std().unwrap(),
        SESSION_DEFAULT
    );

    // "Stay logged in" keeps the session 30 days and closes the flow and its token.
    let done = exchange(&c, "LOGIN_SUCCESS", json!({"stay_logged_in": true})).await;
    assert_closed(&done);
    let session = h.store.sessions().current(PHONE).await.unwrap().unwrap();
    assert_eq!(
        (session.expires_at - session.opened_at).to_std().unwrap(),
        SESSION_REMEMBERED
    );
    let after = c.init().await.unwrap();
    assert_eq!(after.status, 427);
    assert!(after.error_msg().unwrap().contains("closed"));

    // Without the opt-in the 24-hour session stays.
    let other = "+15550199";
    let c2 = log_in(h, other, "bo@example.test", "secret123").await;
    let done = exchange(&c2, "LOGIN_SUCCESS", json!({"stay_logged_in": false})).await;
    assert_closed(&done);
    let session = h.store.sessions().current(other).await.unwrap().unwrap();
    assert_eq!(
        (session.expires_at - session.opened_at).to_std().unwrap(),
        SESSION_DEFAULT
    );
}

async fn account_screens(h: &Harness) {
    register(h, PHONE, "cy@example.test", "secret123").await;
    register(h, "+15550111", "taken@example.test", "secret123").await;
    log_in(h, PHONE, "cy@example.test", "secret123").await;

    let c = h.client(PHONE).await;
    let init = c.init().await.unwrap();
    assert_eq!(init.screen(), Some("ACCOUNT"));
    assert_eq!(init.data().unwrap()["greeting"], "Hello Ada Lovelace");
    assert_eq!(
        init.data().unwrap()["email_line"],
        "E-mail: cy@example.test"
    );

    let bad = exchange(&c, "ACCOUNT", json!({"intent": "?"})).await;
    assert_eq!(bad.screen(), Some("ACCOUNT"));
    assert!(bad.error_message().is_some());

    // Change e-mail: screen, wrong password, taken, invalid, success.
    let ex = exchange(&c, "ACCOUNT", json!({"intent": "change_email"})).await;
    assert_eq!(ex.screen(), Some("CHANGE_EMAIL"));
    assert_eq!(ex.data().unwrap()["email_initial_value"], "cy@example.test");
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "cy2@example.test", "current_password": "nope1234"}),
    )
    .await;
    assert_eq!(
        ex.error_message(),
        Some("Your current password is not correct")
    );
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "Taken@example.test", "current_password": "secret123"}),
    )
    .await;
    assert_eq!(
        ex.error_message(),
        Some("This e-mail is already registered")
    );
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "nope", "current_password": "secret123"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("CHANGE_EMAIL"));
    assert!(ex.error_message().unwrap().contains("valid e-mail"));
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "cy2@example.test", "current_password": "secret123"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    assert_eq!(
        ex.data().unwrap()["notice"],
        "Your e-mail is now cy2@example.test."
    );
    let ex = exchange(&c, "ACCOUNT", json!({"intent": "change_email"})).await;
    assert_eq!(
        ex.data().unwrap()["email_initial_value"],
        "cy2@example.test"
    );
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "CY2@example.test", "current_password": "secret123"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    assert_eq!(ex.data().unwrap()["notice"], "Your e-mail is unchanged.");

    // Change password: screen, mismatch, rule, wrong current, success.
    let ex = exchange(&c, "ACCOUNT", json!({"intent": "change_password"})).await;
    assert_eq!(ex.screen(), Some("CHANGE_PASSWORD"));
    for (form, message) in [
        (
            json!({"current_password": "secret123", "password": "newpass12", "confirm_password": "newpass13"}),
            "do not match",
        ),
        (
            json!({"current_password": "secret123", "password": "newpasss", "confirm_password": "newpasss"}),
            "at least one number",
        ),
        (
            json!({"current_password": "wrong1234", "password": "newpass12", "confirm_password": "newpass12"}),
            "not correct",
        ),
    ] {
        let ex = exchange(&c, "CHANGE_PASSWORD", form).await;
        assert_eq!(ex.screen(), Some("CHANGE_PASSWORD"));
        assert!(ex.error_message().unwrap().contains(message));
    }
    let ex = exchange(&c, "CHANGE_PASSWORD", json!({"current_password": "secret123", "password": "newpass12", "confirm_password": "newpass12"})).await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    assert_eq!(ex.data().unwrap()["notice"], "Your password was changed.");

    // Log out: NOTICE, and INIT lands on START again; ACCOUNT actions now need a login.
    let ex = exchange(&c, "ACCOUNT", json!({"intent": "logout"})).await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    assert_eq!(ex.data().unwrap()["notice"], "You are logged out.");
    assert_eq!(h.store.sessions().current(PHONE).await.unwrap(), None);
    assert_eq!(
        h.client(PHONE).await.init().await.unwrap().screen(),
        Some("START")
    );
    let ex = exchange(&c, "ACCOUNT", json!({"intent": "change_email"})).await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    assert!(
        ex.data().unwrap()["notice"]
            .as_str()
            .unwrap()
            .contains("session has ended")
    );
    let ex = exchange(&c, "CHANGE_PASSWORD", json!({"current_password": "newpass12", "password": "newpass13", "confirm_password": "newpass13"})).await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    let ex = exchange(
        &c,
        "CHANGE_EMAIL",
        json!({"email": "x@example.test", "current_password": "newpass12"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("NOTICE"));
    // NOTICE's "Done" closes the flow.
    assert_closed(&exchange(&c, "NOTICE", json!({})).await);

    // The new e-mail and password work; the old ones do not.
    log_in(h, PHONE, "cy2@example.test", "newpass12").await;
    let c = h.client(PHONE).await;
    let old = exchange(
        &c,
        "LOGIN",
        json!({"email": "cy@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(old.screen(), Some("LOGIN"));
    assert_eq!(
        old.error_message(),
        Some("You are not registered. Please sign up")
    );
}

async fn password_reset(h: &Harness) {
    // The account was registered from OWNER. Asked from another phone, nothing is sent: the code
    // could only ever be used from the owner's phone.
    let owner = "+15550123";
    register(h, owner, "di@example.test", "secret123").await;
    let stranger = h.client("+15550999").await;
    let ex = exchange(
        &stranger,
        "FORGOT_PASSWORD",
        json!({"email": "di@example.test"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("RESET_PASSWORD"), "the same answer");
    assert!(h.outbox.messages().is_empty(), "no code for a stranger");
    let c = h.client(owner).await;

    let ex = exchange(&c, "FORGOT_PASSWORD", json!({"email": "nope"})).await;
    assert_eq!(ex.screen(), Some("FORGOT_PASSWORD"));
    assert!(ex.error_message().is_some());

    // Unknown e-mail: same answer, nothing sent.
    let ex = exchange(
        &c,
        "FORGOT_PASSWORD",
        json!({"email": "ghost@example.test"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("RESET_PASSWORD"));
    assert!(h.outbox.messages().is_empty());

    let ex = exchange(&c, "FORGOT_PASSWORD", json!({"email": "DI@example.test"})).await;
    assert_eq!(ex.screen(), Some("RESET_PASSWORD"));
    assert_eq!(ex.data().unwrap()["email"], "di@example.test");
    assert!(
        h.outbox.last_for("+15550999").is_none(),
        "the code goes to the registering phone"
    );
    let code = h.last_code(owner);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);

    let reset = |code: &str, password: &str, confirm: &str| json!({"email": "di@example.test", "code": code, "password": password, "confirm_password": confirm});
    for (form, message) in [
        (reset("12ab56", "newpass12", "newpass12"), "6 digits"),
        (reset(&code, "newpass12", "newpass13"), "do not match"),
        (reset(&code, "short", "short"), "8 to 16"),
        (reset(&wrong, "newpass12", "newpass12"), "not correct"),
    ] {
        let ex = exchange(&c, "RESET_PASSWORD", form).await;
        assert_eq!(ex.screen(), Some("RESET_PASSWORD"));
        assert!(
            ex.error_message().unwrap().contains(message),
            "{:?}",
            ex.error_message()
        );
    }
    let ex = exchange(&c, "RESET_PASSWORD", reset(&code, "newpass12", "newpass12")).await;
    // A finished reset signs the owner in on this phone.
    assert_eq!(ex.screen(), Some("LOGIN_SUCCESS"));
    assert_eq!(ex.error_message(), None);
    assert_eq!(ex.data().unwrap()["email_line"], "E-mail: di@example.test");
    assert!(h.store.sessions().current(owner).await.unwrap().is_some());
    // The code works once; the new password works, the old one does not.
    let ex = exchange(&c, "RESET_PASSWORD", reset(&code, "other1234", "other1234")).await;
    assert!(ex.error_message().is_some());
    log_in(h, owner, "di@example.test", "newpass12").await;
    let ex = exchange(
        &h.client(owner).await,
        "LOGIN",
        json!({"email": "di@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(ex.error_message(), Some("Incorrect password"));

    // Leaving RESET_PASSWORD discards the pending code this flow asked for.
    let c = h.client(owner).await;
    exchange(&c, "FORGOT_PASSWORD", json!({"email": "di@example.test"})).await;
    let code = h.last_code(owner);
    let left = exchange(
        &c,
        "RESET_PASSWORD",
        json!({"intent": "leave", "email": "di@example.test"}),
    )
    .await;
    assert_closed(&left);
    let c = h.client(owner).await;
    let ex = exchange(&c, "RESET_PASSWORD", reset(&code, "other1234", "other1234")).await;
    assert_eq!(ex.error_message(), Some("The code is not correct"));
}

async fn throttling(h: &Harness) {
    register(h, PHONE, "ed@example.test", "secret123").await;
    let c = h.client(PHONE).await;
    let login = |p: &str| json!({"email": "ed@example.test", "password": p});
    // A success resets the counter.
    for _ in 0..4 {
        let ex = exchange(&c, "LOGIN", login("wrong1234")).await;
        assert_eq!(ex.error_message(), Some("Incorrect password"));
    }
    assert_eq!(
        exchange(&c, "LOGIN", login("secret123")).await.screen(),
        Some("LOGIN_SUCCESS")
    );
    for _ in 0..5 {
        let ex = exchange(&c, "LOGIN", login("wrong1234")).await;
        assert_eq!(ex.error_message(), Some("Incorrect password"));
    }
    // Locked: even the right password gets "try again later", without being checked.
    let ex = exchange(&c, "LOGIN", login("secret123")).await;
    assert_eq!(ex.screen(), Some("LOGIN"));
    assert_eq!(
        ex.error_message(),
        Some("Too many attempts. Please try again later.")
    );
    // Another e-mail is not affected.
    register(h, PHONE, "fay@example.test", "secret123").await;
    let ex = exchange(
        &c,
        "LOGIN",
        json!({"email": "fay@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(ex.screen(), Some("LOGIN_SUCCESS"));

    // Reset codes: a code allows 5 tries; wrong codes count per account (5 per window), and
    // the right code is then refused without being checked.
    register(h, PHONE, "gus@example.test", "secret123").await;
    exchange(&c, "FORGOT_PASSWORD", json!({"email": "gus@example.test"})).await;
    let code = h.last_code(PHONE);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    let reset = |code: &str| json!({"email": "gus@example.test", "code": code, "password": "newpass12", "confirm_password": "newpass12"});
    for _ in 0..4 {
        let ex = exchange(&c, "RESET_PASSWORD", reset(&wrong)).await;
        assert_eq!(ex.error_message(), Some("The code is not correct"));
    }
    let ex = exchange(&c, "RESET_PASSWORD", reset(&wrong)).await;
    assert_eq!(
        ex.error_message(),
        Some("Too many wrong codes. Please ask for a new one")
    );
    exchange(&c, "FORGOT_PASSWORD", json!({"email": "gus@example.test"})).await;
    let code = h.last_code(PHONE);
    let ex = exchange(&c, "RESET_PASSWORD", reset(&code)).await;
    assert_eq!(
        ex.error_message(),
        Some("Too many attempts. Please try again later.")
    );
    // Code requests: 5 per (e-mail, phone) and window (two were made above).
    for _ in 0..3 {
        let ex = exchange(&c, "FORGOT_PASSWORD", json!({"email": "gus@example.test"})).await;
        assert_eq!(ex.screen(), Some("RESET_PASSWORD"));
    }
    let ex = exchange(&c, "FORGOT_PASSWORD", json!({"email": "gus@example.test"})).await;
    assert_eq!(ex.screen(), Some("FORGOT_PASSWORD"));
    assert_eq!(
        ex.error_message(),
        Some("Too many attempts. Please try again later.")
    );
}

/// Concurrent wrong passwords for one e-mail: each try is recorded before it is checked, so at
/// most 5 reach the password check and the rest are told to try again later.
async fn concurrent_wrong_passwords(h: &Harness) {
    register(h, PHONE, "hal@example.test", "secret123").await;
    let c = h.client(PHONE).await;
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move {
                c.data_exchange(
                    "LOGIN",
                    json!({"email": "hal@example.test", "password": "wrong1234"}),
                )
                .await
                .unwrap()
            })
        })
        .collect();
    let (mut incorrect, mut later) = (0, 0);
    for t in tasks {
        let ex = t.await.unwrap();
        assert_eq!(ex.status, 200, "{:?}", ex.raw_body);
        assert_eq!(ex.screen(), Some("LOGIN"));
        match ex.error_message() {
            Some("Incorrect password") => incorrect += 1,
            Some("Too many attempts. Please try again later.") => later += 1,
            other => panic!("unexpected answer {other:?}"),
        }
    }
    assert!(incorrect <= 5, "{incorrect} passwords were checked");
    assert_eq!(incorrect + later, 12);
    assert!(later >= 7);
    // Still locked for the right password.
    let ex = exchange(
        &c,
        "LOGIN",
        json!({"email": "hal@example.test", "password": "secret123"}),
    )
    .await;
    assert_eq!(
        ex.error_message(),
        Some("Too many attempts. Please try again later.")
    );
    // Tries against a locked e-mail are refused without being stored: hammering it adds no rows.
    let window = std::time::Duration::from_secs(15 * 60);
    let stored = h
        .store
        .attempts()
        .failures_within("login", "hal@example.test", window)
        .await
        .unwrap();
    for _ in 0..5 {
        exchange(
            &c,
            "LOGIN",
            json!({"email": "hal@example.test", "password": "wrong1234"}),
        )
        .await;
    }
    let after = h
        .store
        .attempts()
        .failures_within("login", "hal@example.test", window)
        .await
        .unwrap();
    assert_eq!(after, stored);
}

async fn leaving_and_tokens(h: &Harness) {
    // Leaving from every screen closes the flow and its token.
    for screen in [
        "START",
        "SIGN_UP",
        "LOGIN",
        "FORGOT_PASSWORD",
        "RESET_PASSWORD",
        "ACCOUNT",
        "CHANGE_EMAIL",
        "CHANGE_PASSWORD",
    ] {
        let c = h.client(PHONE).await;
        let ex = exchange(&c, screen, json!({"intent": "leave"})).await;
        assert_closed(&ex);
        let again = c
            .data_exchange(screen, json!({"intent": "leave"}))
            .await
            .unwrap();
        assert_eq!(again.status, 427, "{screen}");
        assert!(again.error_msg().unwrap().contains("closed"));
    }
    let unknown = h
        .client_with_token("0123456789abcdef0123456789abcdef")
        .init()
        .await
        .unwrap();
    assert_eq!(unknown.status, 427);
    assert!(unknown.error_msg().unwrap().contains("not valid"));
    let expired = h
        .store
        .flow_tokens()
        .issue(PHONE, "sign-up", std::time::Duration::ZERO)
        .await
        .unwrap();
    let ex = h.client_with_token(expired.expose()).init().await.unwrap();
    assert_eq!(ex.status, 427);
    assert!(ex.error_msg().unwrap().contains("expired"));
    assert_eq!(h.client(PHONE).await.ping().await.unwrap().status, 200);
}

macro_rules! journeys {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let h = crate::Harness::sqlite().await;
                    super::$name(&h).await;
                    h.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(h) = crate::Harness::postgres(stringify!($name)).await else { return };
                    super::$name(&h).await;
                    h.finish().await;
                }
            )*
        }
    };
}

journeys!(
    start_and_sign_up,
    concurrent_sign_ups,
    login_and_sessions,
    account_screens,
    password_reset,
    throttling,
    concurrent_wrong_passwords,
    leaving_and_tokens,
);

/// The endpoint's handlers match the Flow JSON it serves: every registered screen exists, every
/// data_exchange screen has a handler, every `Payload<T>` field is sent by its screen.
#[tokio::test]
async fn the_endpoint_matches_its_flow() {
    let h = Harness::sqlite().await;
    sign_up::server::check_flow(&h.state).unwrap();
    h.finish().await;
}
