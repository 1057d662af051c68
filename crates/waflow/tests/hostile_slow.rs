//! Slow clients against a real endpoint served over loopback HTTP: connections that dribble their
//! headers, and connections that promise a body and stall, are held open while pings and real
//! requests on other connections keep being answered; a stalled body never reaches a handler.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use serde_json::json;
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, State};
use waflow::testing::FlowClient;

async fn count(State(seen): State<Arc<AtomicUsize>>) -> Result<FlowResponse, FlowError> {
    seen.fetch_add(1, Ordering::SeqCst);
    Ok(FlowResponse::screen("NEXT"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_and_stalled_bodies_do_not_starve_other_clients() {
    let pair = KeyPair::generate().unwrap();
    let seen = Arc::new(AtomicUsize::new(0));
    let endpoint = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("START", count)
        .with_state(seen.clone());
    let app = Router::new().route_service("/flow", endpoint);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    // 48 connections that send their headers one line at a time, slowly.
    let mut dribblers = Vec::new();
    for i in 0..48 {
        dribblers.push(tokio::spawn(async move {
            let mut tcp = TcpStream::connect(addr).await.unwrap();
            tcp.write_all(b"POST /flow HTTP/1.1\r\nHost: x\r\n")
                .await
                .unwrap();
            for _ in 0..20 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if tcp
                    .write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
                    .await
                    .is_err()
                {
                    return;
                }
            }
        }));
    }
    // 16 connections that announce a body and send only part of it, then stall.
    let mut stalled = Vec::new();
    for _ in 0..16 {
        let mut tcp = TcpStream::connect(addr).await.unwrap();
        tcp.write_all(
            b"POST /flow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"encrypted_flow_data\":",
        )
        .await
        .unwrap();
        stalled.push(tcp);
    }

    // Meanwhile, on other connections, everything is answered.
    let client = FlowClient::for_url(format!("http://{addr}/flow"), pair.public_key());
    for _ in 0..20 {
        let pong = client.ping().await.unwrap();
        assert_eq!(pong.status, 200);
        assert_eq!(pong.data().unwrap()["status"], "active");
        let ex = client.data_exchange("START", json!({})).await.unwrap();
        assert_eq!(ex.screen(), Some("NEXT"));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        seen.load(Ordering::SeqCst),
        20,
        "only complete requests reach the handler"
    );

    for d in dribblers {
        d.await.unwrap();
    }
    drop(stalled);
    assert_eq!(client.ping().await.unwrap().status, 200);
    assert_eq!(seen.load(Ordering::SeqCst), 20);
}
