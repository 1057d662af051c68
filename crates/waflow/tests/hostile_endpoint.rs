//! Hostile input against a real endpoint served over loopback HTTP: oversized bodies (413, with
//! and without `Content-Length`), garbage (400), bodies that cannot be decrypted (421), broken
//! HTTP, and a flood of all of them while pings keep being answered.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::HeaderMap;
use serde_json::json;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use waflow::crypto::{KeyPair, encrypt_request};
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse};
use waflow::testing::FlowClient;

const LIMIT: usize = 64 * 1024;

async fn next() -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("NEXT"))
}

struct Server {
    addr: SocketAddr,
    pair: KeyPair,
}

impl Server {
    async fn start() -> Self {
        let pair = KeyPair::generate().unwrap();
        let endpoint = FlowEndpoint::new(pair.private_key().clone())
            .body_limit(LIMIT)
            .on_data_exchange("START", next)
            .with_state(());
        let app = Router::new().route_service("/flow", endpoint);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { addr, pair }
    }

    fn url(&self) -> String {
        format!("http://{}/flow", self.addr)
    }

    fn client(&self) -> FlowClient {
        FlowClient::for_url(self.url(), self.pair.public_key())
    }

    /// Writes raw bytes on a fresh connection and returns the status line's code, if any.
    async fn raw(&self, bytes: &[u8]) -> Option<u16> {
        let mut tcp = TcpStream::connect(self.addr).await.unwrap();
        // The server may answer and close before everything is written (413): ignore that.
        let _ = tcp.write_all(bytes).await;
        let _ = tcp.shutdown().await;
        let mut buf = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut buf)).await;
        let text = String::from_utf8_lossy(&buf);
        text.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
    }
}

fn envelope(data: &str, key: &str, iv: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "encrypted_flow_data": data,
        "encrypted_aes_key": key,
        "initial_vector": iv,
    }))
    .unwrap()
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let server = Server::start().await;
    let client = server.client();
    let big = vec![b'a'; LIMIT + 1];
    let answer = client.post_raw(big, HeaderMap::new()).await.unwrap();
    assert_eq!(answer.status, 413);

    // Exactly at the limit is read (and is garbage: 400).
    let at_limit = vec![b' '; LIMIT];
    let answer = client.post_raw(at_limit, HeaderMap::new()).await.unwrap();
    assert_eq!(answer.status, 400);

    // Chunked, no Content-Length: the limit is enforced while reading.
    let mut req = b"POST /flow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        .to_vec();
    for _ in 0..(LIMIT / 4096 + 2) {
        req.extend_from_slice(b"1000\r\n");
        req.extend_from_slice(&[b'a'; 4096]);
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(server.raw(&req).await, Some(413));

    // A lying Content-Length far over the limit is refused before any body is read.
    let lie = b"POST /flow HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\nabc";
    assert_eq!(server.raw(lie).await, Some(413));

    assert_eq!(client.ping().await.unwrap().status, 200);
}

#[tokio::test]
async fn garbage_gets_400_and_undecryptable_gets_421() {
    let server = Server::start().await;
    let client = server.client();
    let post = |body: Vec<u8>| {
        let client = client.clone();
        async move {
            client
                .post_raw(body, HeaderMap::new())
                .await
                .unwrap()
                .status
        }
    };
    assert_eq!(post(Vec::new()).await, 400);
    assert_eq!(post(b"not json".to_vec()).await, 400);
    assert_eq!(post(vec![0xff, 0xfe, 0x00]).await, 400);
    assert_eq!(post(b"[]".to_vec()).await, 400);
    assert_eq!(post(br#"{"encrypted_flow_data":"x"}"#.to_vec()).await, 400);
    assert_eq!(post(b"{".repeat(10_000)).await, 400);
    assert_eq!(post(b"[".repeat(10_000)).await, 400);

    // Well-formed envelopes that cannot be decrypted: 421 (the client refetches the key).
    assert_eq!(post(envelope("!!", "!!", "!!")).await, 421);
    let sixteen = STANDARD.encode([7u8; 16]);
    let junk_key = STANDARD.encode([1u8; 256]);
    assert_eq!(post(envelope(&sixteen, &junk_key, &sixteen)).await, 421);
    let short_iv = STANDARD.encode([7u8; 12]);
    assert_eq!(post(envelope(&sixteen, &junk_key, &short_iv)).await, 421);
    let huge_key = STANDARD.encode([1u8; 4096]);
    assert_eq!(post(envelope(&sixteen, &huge_key, &sixteen)).await, 421);

    // Encrypted for another key: 421.
    let other = KeyPair::generate().unwrap();
    let (body, _) = encrypt_request(&other.public_key(), br#"{"action":"ping"}"#).unwrap();
    assert_eq!(post(serde_json::to_vec(&body).unwrap()).await, 421);

    // Decrypts, but the plaintext is not a request: 400.
    assert_eq!(
        client
            .send_plaintext(b"\x00\x01garbage")
            .await
            .unwrap()
            .status,
        400
    );
    assert_eq!(
        client
            .send_json(json!({"action": "launch_missiles"}))
            .await
            .unwrap()
            .status,
        400
    );

    // Broken HTTP does not take the server down.
    let _ = server
        .raw(b"\x16\x03\x01\x02\x00garbage that is not HTTP\r\n\r\n")
        .await;
    let _ = server
        .raw(b"POST /flow HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
        .await;
    let _ = server.raw(&[b'A'; 200_000]).await;
    assert_eq!(client.ping().await.unwrap().status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pings_keep_succeeding_during_a_flood_of_bad_requests() {
    let server = Server::start().await;
    let client = server.client();
    let other = KeyPair::generate().unwrap();
    let (wrong_key, _) = encrypt_request(&other.public_key(), br#"{"action":"ping"}"#).unwrap();
    let wrong_key = serde_json::to_vec(&wrong_key).unwrap();
    let bad_bodies: Vec<(Vec<u8>, u16)> = vec![
        (b"garbage".to_vec(), 400),
        (wrong_key, 421),
        (vec![b'x'; LIMIT + 10], 413),
        (envelope("AAAA", "AAAA", "AAAA"), 421),
    ];

    let mut flooders = Vec::new();
    for worker in 0..8 {
        let client = server.client();
        let url = server.url();
        let public_key = server.pair.public_key();
        let bodies = bad_bodies.clone();
        flooders.push(tokio::spawn(async move {
            let mut seen = 0usize;
            for i in 0..60 {
                let (body, want) = &bodies[(worker + i) % bodies.len()];
                // A 413 closes its connection: send those on their own so no pooled
                // keep-alive connection of the other requests is lost with it.
                let client = if *want == 413 {
                    FlowClient::for_url(url.clone(), public_key.clone())
                } else {
                    client.clone()
                };
                match client.post_raw(body.clone(), HeaderMap::new()).await {
                    Ok(got) => assert_eq!(got.status, *want),
                    // The server answers 413 without reading the rest and closes the
                    // connection; a client still writing may see the reset instead.
                    Err(e) => assert_eq!(*want, 413, "{e}"),
                }
                seen += 1;
            }
            seen
        }));
    }
    let mut pings = 0;
    while flooders.iter().any(|f| !f.is_finished()) {
        let pong = client.ping().await.unwrap();
        assert_eq!(pong.status, 200);
        assert_eq!(pong.data().unwrap()["status"], "active");
        pings += 1;
    }
    let mut bad = 0;
    for f in flooders {
        bad += f.await.unwrap();
    }
    assert_eq!(bad, 8 * 60);
    assert!(pings > 0);

    // And a real request still works afterwards.
    let answer = client.data_exchange("START", json!({})).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.screen(), Some("NEXT"));
}
