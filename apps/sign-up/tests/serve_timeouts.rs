//! The app served as `main.rs` serves it (`waflow::serve`) cuts off slow clients: a client that
//! never finishes its headers, or sends nothing at all, is disconnected after the header timeout,
//! one that stalls its body gets an error answer after the body timeout, and a well-behaved
//! client (an encrypted ping through the flow endpoint) is served meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use sign_up::{ENDPOINT_PATH, app};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use waflow::serve::{ServeConfig, serve};
use waflow::testing::FlowClient;

const SHORT: Duration = Duration::from_millis(400);
/// What a cut-off may take beyond its limit on a loaded machine.
const SLACK: Duration = Duration::from_secs(4);

async fn start() -> (std::net::SocketAddr, support::Harness) {
    let harness = support::Harness::sqlite().await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = ServeConfig::default()
        .header_read(SHORT)
        .body_read(SHORT)
        .shutdown_grace(SHORT);
    let router = app(harness.state.clone());
    tokio::spawn(serve(listener, router, config, std::future::pending()));
    (addr, harness)
}

/// Reads until the server closes the connection and returns what it sent, or `None` if it is
/// still open after `SHORT + SLACK`.
async fn read_to_close(stream: &mut TcpStream) -> Option<String> {
    let mut out = Vec::new();
    tokio::time::timeout(SHORT + SLACK, stream.read_to_end(&mut out))
        .await
        .ok()?
        .ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[tokio::test]
async fn unfinished_headers_are_cut_off() {
    let (addr, _harness) = start().await;
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let head = format!("POST {ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\n");
    slow.write_all(head.as_bytes()).await.unwrap();
    let answer = read_to_close(&mut slow).await.expect("not cut off");
    assert!(!answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_cut_off() {
    let (addr, _harness) = start().await;
    let mut idle = TcpStream::connect(addr).await.unwrap();
    let answer = read_to_close(&mut idle).await.expect("not cut off");
    assert!(answer.is_empty(), "{answer}");
}

#[tokio::test]
async fn a_stalled_body_is_answered_with_an_error() {
    let (addr, _harness) = start().await;
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{{\"encrypted"
    );
    slow.write_all(head.as_bytes()).await.unwrap();

    // Meanwhile a normal client is served.
    let url = format!("http://{addr}{ENDPOINT_PATH}");
    let ping = FlowClient::for_url(url, support::pair().public_key())
        .ping()
        .await
        .unwrap();
    assert_eq!(ping.data().unwrap()["status"], "active");

    let answer = read_to_close(&mut slow).await.expect("not cut off");
    let status: u16 = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!((400..500).contains(&status), "{answer}");
}
