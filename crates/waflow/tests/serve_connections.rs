//! `waflow::serve` on real sockets: connections that never deliver a request head are closed
//! within `header_read` whatever they sent, HTTP/1 and HTTP/2 requests are served, HTTP/2
//! connections are pinged and capped, the connection cap holds new clients back, stalled
//! bodies get a client error, and a shutdown lets in-flight requests finish up to the grace period.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinHandle;
use waflow::serve::{ServeConfig, serve};

/// The time limits of these servers.
const LIMIT: Duration = Duration::from_millis(600);
/// What a close may take beyond its limit on a loaded machine.
const SLACK: Duration = Duration::from_secs(3);

const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
/// An empty client SETTINGS frame.
const H2_SETTINGS: &[u8] = &[0, 0, 0, 0x4, 0, 0, 0, 0, 0];

struct Server {
    addr: SocketAddr,
    /// Notified when `/slow` or `/hang` has started.
    started: Arc<Notify>,
    stop: Option<oneshot::Sender<()>>,
    done: JoinHandle<()>,
}

impl Server {
    async fn start(config: ServeConfig) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let started = Arc::new(Notify::new());
        let (slow_started, hang_started) = (Arc::clone(&started), Arc::clone(&started));
        let router = Router::new()
            .route("/", get(|| async { "ok" }))
            .route("/echo", post(|body: axum::body::Bytes| async move { body }))
            .route(
                "/slow",
                get(move || async move {
                    slow_started.notify_one();
                    tokio::time::sleep(LIMIT * 3).await;
                    "slow done"
                }),
            )
            .route(
                "/hang",
                get(move || async move {
                    hang_started.notify_one();
                    std::future::pending::<&str>().await
                }),
            );
        let (stop, stopped) = oneshot::channel::<()>();
        let done = tokio::spawn(serve(listener, router, config, async {
            let _ = stopped.await;
        }));
        Self {
            addr,
            started,
            stop: Some(stop),
            done,
        }
    }

    /// Waits until `/slow` or `/hang` has started.
    async fn wait_started(&self) {
        tokio::time::timeout(SLACK, self.started.notified())
            .await
            .expect("the request did not reach its handler");
    }

    fn shut_down(&mut self) {
        self.stop.take().unwrap().send(()).unwrap();
    }
}

fn config() -> ServeConfig {
    ServeConfig::default()
        .header_read(LIMIT)
        .body_read(LIMIT)
        .shutdown_grace(LIMIT)
}

fn client() -> reqwest::ClientBuilder {
    reqwest::Client::builder().no_proxy()
}

/// Reads (and discards) until the peer closes the connection; `false` if it is still open
/// after `within`.
async fn closed_within(stream: &mut (impl AsyncRead + Unpin), within: Duration) -> bool {
    read_until_closed(stream, within).await.is_some()
}

/// Everything the peer sent until it closed the connection, or `None` if it is still open
/// after `within`.
async fn read_until_closed(
    stream: &mut (impl AsyncRead + Unpin),
    within: Duration,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let read = async {
        let mut buf = [0_u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(within, read).await.ok().map(|()| out)
}

/// Reads one HTTP/1.1 response (head and `Content-Length` body) and returns it as text.
async fn read_response(stream: &mut TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0_u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&buf).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return text;
            }
        }
        let n = stream.read(&mut chunk).await.unwrap();
        assert!(n > 0, "closed before a whole response: {text:?}");
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// An h2 HEADERS frame on stream 1 for `GET http://127.0.0.1/`, ending the stream.
fn h2_get_headers() -> Vec<u8> {
    // HPACK: :method GET, :scheme http, :path / (static table), :authority literal.
    let mut block = vec![0x82, 0x86, 0x84, 0x41, 9];
    block.extend_from_slice(b"127.0.0.1");
    let length = u8::try_from(block.len()).unwrap();
    let mut frame = vec![0, 0, length, 0x1, 0x5, 0, 0, 0, 1];
    frame.extend_from_slice(&block);
    frame
}

/// The h2 frames in `bytes` as (type, stream id, payload).
fn h2_frames(mut bytes: &[u8]) -> Vec<(u8, u32, Vec<u8>)> {
    let mut frames = Vec::new();
    while bytes.len() >= 9 {
        let length =
            usize::from(bytes[0]) << 16 | usize::from(bytes[1]) << 8 | usize::from(bytes[2]);
        let stream = u32::from_be_bytes([bytes[5], bytes[6], bytes[7], bytes[8]]) & 0x7fff_ffff;
        let Some(payload) = bytes.get(9..9 + length) else {
            break;
        };
        frames.push((bytes[3], stream, payload.to_vec()));
        bytes = &bytes[9 + length..];
    }
    frames
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed() {
    let server = Server::start(config()).await;
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    assert!(closed_within(&mut idle, LIMIT + SLACK).await, "still open");
}

#[tokio::test]
async fn a_partial_h2_preface_is_closed() {
    let server = Server::start(config()).await;
    let mut partial = TcpStream::connect(server.addr).await.unwrap();
    partial.write_all(b"PRI * HTTP/2.0\r\n").await.unwrap();
    assert!(
        closed_within(&mut partial, LIMIT + SLACK).await,
        "still open"
    );
}

#[tokio::test]
async fn an_h2_connection_that_never_sends_a_request_is_closed() {
    let server = Server::start(config()).await;
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    silent.write_all(H2_PREFACE).await.unwrap();
    silent.write_all(H2_SETTINGS).await.unwrap();
    assert!(
        closed_within(&mut silent, LIMIT + SLACK).await,
        "still open"
    );
}

#[tokio::test]
async fn dribbled_h1_headers_are_closed() {
    let server = Server::start(config()).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    writer
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let dribble = tokio::spawn(async move {
        // One more header line every 100 ms, until the server hangs up.
        while writer.write_all(b"X-Dribble: 1\r\n").await.is_ok() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let answer = read_until_closed(&mut reader, LIMIT + SLACK).await;
    dribble.abort();
    let answer = answer.expect("still open");
    assert!(!answer.starts_with(b"HTTP/1.1 200"), "served");
}

#[tokio::test]
async fn an_idle_h1_keep_alive_connection_is_closed_after_its_request() {
    let server = Server::start(config()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answer = read_response(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Later request heads have the same limit: nothing comes, so the connection goes.
    assert!(
        closed_within(&mut stream, LIMIT + SLACK).await,
        "still open"
    );
}

#[tokio::test]
async fn http1_requests_are_served() {
    let server = Server::start(config()).await;
    let client = client().http1_only().build().unwrap();
    let base = format!("http://{}", server.addr);
    for _ in 0..2 {
        let response = client.get(format!("{base}/")).send().await.unwrap();
        assert_eq!(response.version(), reqwest::Version::HTTP_11);
        assert_eq!(response.status(), 200);
        assert_eq!(response.text().await.unwrap(), "ok");
    }
    let echoed = client
        .post(format!("{base}/echo"))
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.text().await.unwrap(), "hello");
}

#[tokio::test]
async fn http2_prior_knowledge_requests_are_served() {
    let server = Server::start(config()).await;
    let client = client().http2_prior_knowledge().build().unwrap();
    let base = format!("http://{}", server.addr);
    for _ in 0..2 {
        let response = client.get(format!("{base}/")).send().await.unwrap();
        assert_eq!(response.version(), reqwest::Version::HTTP_2);
        assert_eq!(response.status(), 200);
        assert_eq!(response.text().await.unwrap(), "ok");
    }
    let echoed = client
        .post(format!("{base}/echo"))
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.text().await.unwrap(), "hello");
}

#[tokio::test]
async fn requests_running_past_header_read_are_not_cut() {
    let server = Server::start(config()).await;
    let url = format!("http://{}/slow", server.addr);
    let slow = |client: reqwest::ClientBuilder| {
        let request = client.build().unwrap().get(&url).send();
        async move {
            let response = request.await.unwrap();
            assert_eq!(response.status(), 200);
            response.text().await.unwrap()
        }
    };
    let (h1, h2) = tokio::join!(
        slow(client().http1_only()),
        slow(client().http2_prior_knowledge())
    );
    assert_eq!((h1.as_str(), h2.as_str()), ("slow done", "slow done"));
}

#[tokio::test]
async fn an_h2_connection_that_stops_answering_pings_is_closed() {
    // A long header limit, so only the keep-alive can close the connection in time.
    let ping = Duration::from_millis(200);
    let config = config()
        .header_read(Duration::from_secs(30))
        .h2_keep_alive_interval(ping)
        .h2_keep_alive_timeout(ping);
    let server = Server::start(config).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(H2_PREFACE).await.unwrap();
    stream.write_all(H2_SETTINGS).await.unwrap();
    stream.write_all(&h2_get_headers()).await.unwrap();
    // Read everything, answer nothing (no PING ACK).
    let sent = read_until_closed(&mut stream, ping * 2 + SLACK)
        .await
        .expect("still open");
    let frames = h2_frames(&sent);
    assert!(
        frames
            .iter()
            .any(|(kind, stream, _)| *kind == 0x1 && *stream == 1),
        "the request was not answered: {frames:?}"
    );
    assert!(
        frames.iter().any(|(kind, _, _)| *kind == 0x6),
        "no PING: {frames:?}"
    );
}

#[tokio::test]
async fn the_server_announces_its_h2_stream_cap() {
    let server = Server::start(config().h2_max_concurrent_streams(7)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(H2_PREFACE).await.unwrap();
    stream.write_all(H2_SETTINGS).await.unwrap();
    let sent = read_until_closed(&mut stream, LIMIT + SLACK)
        .await
        .expect("still open");
    let frames = h2_frames(&sent);
    let (_, _, settings) = frames
        .iter()
        .find(|(kind, _, payload)| *kind == 0x4 && !payload.is_empty())
        .expect("no SETTINGS");
    let max_streams = settings.chunks_exact(6).find_map(|s| {
        (u16::from_be_bytes([s[0], s[1]]) == 0x3)
            .then(|| u32::from_be_bytes([s[2], s[3], s[4], s[5]]))
    });
    assert_eq!(max_streams, Some(7), "{settings:?}");
}

#[tokio::test]
async fn a_stalled_body_is_answered_with_a_client_error() {
    let server = Server::start(config()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
        .await
        .unwrap();
    let answer = tokio::time::timeout(LIMIT + SLACK, read_response(&mut stream))
        .await
        .expect("no answer");
    // axum's body extractors answer a body that timed out 400.
    let status: u16 = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!((400..500).contains(&status), "{answer}");
}

#[tokio::test]
async fn a_full_server_accepts_again_when_a_connection_closes() {
    // A long header limit, so the keep-alive connections below stay open on their own.
    let config = config()
        .header_read(Duration::from_secs(30))
        .max_connections(2);
    let server = Server::start(config).await;
    let request = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    let mut open = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        stream.write_all(request).await.unwrap();
        let answer = read_response(&mut stream).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        open.push(stream);
    }
    // The kernel completes the handshake, but the server does not take the connection.
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    third.write_all(request).await.unwrap();
    let early = tokio::time::timeout(LIMIT, read_response(&mut third)).await;
    assert!(early.is_err(), "a third connection was served: {early:?}");
    drop(open.pop());
    let answer = tokio::time::timeout(SLACK, read_response(&mut third))
        .await
        .expect("not served after a slot was freed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_shutdown_lets_an_in_flight_request_finish() {
    let mut server = Server::start(config().shutdown_grace(Duration::from_secs(30))).await;
    let url = format!("http://{}/slow", server.addr);
    let slow = tokio::spawn(async move {
        let response = client()
            .http1_only()
            .build()
            .unwrap()
            .get(url)
            .send()
            .await?;
        response.text().await
    });
    server.wait_started().await;
    server.shut_down();
    // New connections are refused from now on...
    let refused = tokio::time::timeout(SLACK, async {
        while TcpStream::connect(server.addr).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    assert!(refused.await.is_ok(), "still accepting");
    assert!(
        !slow.is_finished(),
        "refused only once the request was over"
    );
    // ...but the request already running is answered.
    assert_eq!(slow.await.unwrap().unwrap(), "slow done");
    tokio::time::timeout(SLACK, server.done)
        .await
        .expect("serve did not return")
        .unwrap();
}

#[tokio::test]
async fn a_shutdown_drops_requests_still_running_after_the_grace() {
    let mut server = Server::start(config()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    server.wait_started().await;
    server.shut_down();
    tokio::time::timeout(LIMIT + SLACK, &mut server.done)
        .await
        .expect("serve did not return")
        .unwrap();
    let answer = read_until_closed(&mut stream, SLACK)
        .await
        .expect("still open");
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
}
