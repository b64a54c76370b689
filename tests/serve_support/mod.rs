//! Shared by the web-app tests and bench: start the real `soloai serve` on 127.0.0.1 (port 0)
//! with a temporary data folder, and a small HTTP/1.1 client with its own cookie jar (no
//! client crate: requests are simple, and the tests see every header as sent).
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running server; killed when dropped.
pub struct Server {
    pub child: Child,
    /// `127.0.0.1:PORT`
    pub addr: String,
    /// The one-time link's token (first start only).
    pub setup_token: Option<String>,
    pub data: PathBuf,
    /// Keeps the temporary folder alive.
    pub _tmp: Option<tempfile::TempDir>,
}

impl Server {
    /// Start on a fresh temporary data folder.
    pub fn start() -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let mut s = Server::start_in(&data, &[]);
        s._tmp = Some(tmp);
        s
    }

    pub fn start_in(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_soloai"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start soloai serve");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().expect("a first line").unwrap();
        // "soloai đang phục vụ tại http://127.0.0.1:PORT/"
        let addr = first
            .split("http://")
            .nth(1)
            .expect("an address on the first line")
            .trim_end_matches('/')
            .to_string();
        // The second line is the one-time set-up link, or where to log in.
        let second = lines.next().expect("a second line").unwrap();
        let setup_token = second.split("token=").nth(1).map(str::to_string);
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            addr,
            setup_token,
            data: data.to_path_buf(),
            _tmp: None,
        }
    }

    pub fn client(&self) -> Client {
        Client {
            addr: self.addr.clone(),
            cookies: HashMap::new(),
        }
    }

    /// Create the administrator through the one-time link and return a logged-in client.
    pub fn admin(&self, username: &str, password: &str) -> Client {
        let mut c = self.client();
        let token = self.setup_token.clone().expect("setup token printed");
        let page = c.get(&format!("/setup?token={token}"));
        assert_eq!(page.status, 200, "{}", page.text());
        let r = c.post_form(
            "/setup",
            &[
                ("token", &token),
                ("username", username),
                ("display_name", "Quản trị viên"),
                ("password", password),
                ("password_again", password),
            ],
        );
        assert_eq!(r.status, 303, "{}", r.text());
        c.login(username, password);
        c
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// The value of the first `name="csrf" value="…"` in the page.
    pub fn csrf(&self) -> String {
        let text = self.text();
        let marker = "name=\"csrf\" value=\"";
        let at = text.find(marker).expect("a CSRF field in the page") + marker.len();
        text[at..].split('"').next().unwrap().to_string()
    }
}

pub fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One browser: a cookie jar and requests over fresh connections.
#[derive(Clone)]
pub struct Client {
    pub addr: String,
    pub cookies: HashMap<String, String>,
}

impl Client {
    pub fn get(&mut self, path: &str) -> Resp {
        self.request("GET", path, None, &[])
    }

    pub fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
            .collect();
        self.request(
            "POST",
            path,
            Some("application/x-www-form-urlencoded"),
            body.join("&").as_bytes(),
        )
    }

    /// A multipart form: text fields first (the CSRF token), then files.
    pub fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Resp {
        let boundary = "----soloaiTestBoundary7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (k, v) in fields {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
            )
            .unwrap();
        }
        for (field, name, bytes) in files {
            write!(
                body,
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .unwrap();
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        write!(body, "--{boundary}--\r\n").unwrap();
        self.request(
            "POST",
            path,
            Some(&format!("multipart/form-data; boundary={boundary}")),
            &body,
        )
    }

    /// Open a GET, read the first bytes of the answer and hang up (a browser tab closed
    /// mid-stream).
    pub fn peek(&mut self, path: &str, bytes: usize) -> Vec<u8> {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let jar: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\r\n",
            self.addr,
            jar.join("; ")
        )
        .unwrap();
        let mut buf = vec![0u8; bytes];
        let n = stream.read(&mut buf).unwrap_or(0);
        buf.truncate(n);
        buf
    }

    pub fn login(&mut self, username: &str, password: &str) -> Resp {
        let form = self.get("/login");
        let csrf = form.csrf();
        let r = self.post_form(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
            ],
        );
        if r.status == 303 {
            assert!(self.cookies.contains_key("soloai_session"));
        }
        r
    }

    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Resp {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(600)))
            .unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            head.push_str(&format!("Cookie: {}\r\n", jar.join("; ")));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // A server may answer (413) before reading a large body; ignore a broken pipe then.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let resp = parse_response(&raw);
        for (k, v) in &resp.headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                let pair = v.split(';').next().unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    if value.is_empty() || v.contains("Max-Age=0") {
                        self.cookies.remove(name);
                    } else {
                        self.cookies.insert(name.to_string(), value.to_string());
                    }
                }
            }
        }
        resp
    }
}

fn parse_response(raw: &[u8]) -> Resp {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len().saturating_sub(4));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let rest = raw.get(split + 4..).unwrap_or(&[]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Resp {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_line = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or(0);
        data = &data[eol + 2..];
        if size == 0 || data.len() < size {
            out.extend_from_slice(&data[..size.min(data.len())]);
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
    out
}

/// A zip of a folder, its name as the top folder (what "Send to > Compressed folder" makes).
pub fn zip_folder(dir: &Path) -> Vec<u8> {
    let top = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                files.push(e.path());
            }
        }
    }
    files.sort();
    for f in files {
        let rel = f
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(format!("{top}/{rel}"), opts).unwrap();
        zip.write_all(&std::fs::read(&f).unwrap()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Wait for a contest's run to end by following its server-sent events; returns every
/// progress event's JSON.
pub fn follow_run(c: &mut Client, contest: u32) -> Vec<serde_json::Value> {
    let r = c.get(&format!("/c/{contest}/events"));
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap_or("")
            .starts_with("text/event-stream")
    );
    r.text()
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter_map(|d| serde_json::from_str(d).ok())
        .collect()
}
