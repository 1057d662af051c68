//! The server loop cuts off slow clients: a client that never finishes its headers is
//! disconnected after the header timeout, one that stalls its body gets an error answer after the
//! body timeout, and a well-behaved client is served meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use sign_up::serve::{Timeouts, serve};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

const SHORT: Duration = Duration::from_millis(400);

async fn start() -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = Router::new().route("/", post(|body: axum::body::Bytes| async move { body }));
    let timeouts = Timeouts {
        header_read: SHORT,
        body_read: SHORT,
        shutdown_grace: SHORT,
    };
    tokio::spawn(serve(listener, router, timeouts, std::future::pending()));
    addr
}

/// Reads until the server closes the connection (or 5 s pass) and returns what it sent.
async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn unfinished_headers_are_cut_off() {
    let addr = start().await;
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"POST / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let answer = read_to_close(&mut slow).await;
    assert!(started.elapsed() < Duration::from_secs(4), "not cut off");
    assert!(!answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_stalled_body_is_answered_with_an_error() {
    let addr = start().await;
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
        .await
        .unwrap();

    // Meanwhile a normal client is served.
    let mut ok = TcpStream::connect(addr).await.unwrap();
    ok.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
        .await
        .unwrap();
    let answer = read_to_close(&mut ok).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("hi"), "{answer}");

    let started = Instant::now();
    let answer = read_to_close(&mut slow).await;
    assert!(started.elapsed() < Duration::from_secs(4), "not cut off");
    let status: u16 = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!((400..500).contains(&status), "{answer}");
}
