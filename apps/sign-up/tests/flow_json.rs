//! The extended flow is valid Flow JSON and keeps the tutorial's screens.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    dead_code,
    unused_imports,
    unreachable_pub,
    missing_docs
)]

use sign_up::flow;

use waflow_json::Severity;

#[test]
fn the_flow_validates_without_errors() {
    let f = flow::sign_up_flow();
    let findings = f.validate();
    for finding in &findings {
        eprintln!("{finding:?}");
    }
    assert!(findings.iter().all(|x| x.severity != Severity::Error));
}
