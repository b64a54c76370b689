//! The web app in a real browser: Debian's headless Chromium driven over the DevTools
//! protocol (CDP) through `--remote-debugging-pipe` — no WebSocket client, no browser
//! download. Logs in, uploads the demo contest (and checks drag and drop fills the form),
//! starts a run and watches the progress bar reach 100 %, opens an entry page with the CLI's
//! report page inside, dismisses a flag, and checks the browser reported no CSP violation.

mod common;
mod serve_support;

use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use serve_support::{Server, zip_folder};

const PW: &str = "mat-khau-thu-ky-2025";

/// Chromium with its DevTools pipe on fds 3 and 4, which a shell `exec` moves from our
/// stdin/stdout (so no unsafe code is needed to place them).
struct Browser {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: u64,
    session: Option<String>,
    /// Console and log entries seen so far.
    log: Vec<String>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let chromium = common::chromium(profile.path());
        let program = chromium.get_program().to_string_lossy().into_owned();
        let args: Vec<String> = chromium
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .chain([
                "--remote-debugging-pipe".to_string(),
                "about:blank".to_string(),
            ])
            .collect();
        let mut child = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2")
            .arg(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let stdin = child.stdin.take().unwrap();
        let stdout: ChildStdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut buf = Vec::new();
            let mut byte = [0u8; 1];
            while reader.read(&mut byte).is_ok_and(|n| n == 1) {
                if byte[0] == 0 {
                    if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                        && tx.send(v).is_err()
                    {
                        return;
                    }
                    buf.clear();
                } else {
                    buf.push(byte[0]);
                }
            }
        });
        Browser {
            child,
            stdin,
            messages: rx,
            next_id: 0,
            session: None,
            log: Vec::new(),
            _profile: profile,
        }
    }

    fn note(&mut self, m: &Value) {
        match m["method"].as_str() {
            Some("Runtime.consoleAPICalled") => {
                self.log.push(m["params"]["args"].to_string());
            }
            Some("Log.entryAdded") => {
                self.log.push(m["params"]["entry"]["text"].to_string());
            }
            Some("Runtime.exceptionThrown") => {
                self.log.push(m["params"]["exceptionDetails"].to_string());
            }
            _ => {}
        }
    }

    /// Send a command (to the page session once attached) and wait for its answer.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.stdin.write_all(&bytes).unwrap();
        self.stdin.flush().unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            self.note(&m);
            if m["id"].as_u64() == Some(id) {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
        }
    }

    fn open_page(&mut self) {
        let target = self.call("Target.createTarget", json!({ "url": "about:blank" }));
        let attached = self.call(
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        );
        self.session = Some(attached["sessionId"].as_str().unwrap().to_string());
        self.call("Page.enable", json!({}));
        self.call("Runtime.enable", json!({}));
        self.call("Log.enable", json!({}));
    }

    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        r["result"]["value"].clone()
    }

    fn goto(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_for("document.readyState === 'complete'", 30);
    }

    /// Poll a JS condition until it is true.
    fn wait_for(&mut self, condition: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.eval(&format!(
                "(() => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()"
            )) == json!(true)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {condition}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn text(&mut self) -> String {
        self.eval("document.body ? document.body.innerText : ''")
            .as_str()
            .unwrap_or("")
            .to_string()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_council_works_through_the_browser() {
    if !common::on_path("chromium") {
        eprintln!("skipped: chromium is not installed (.ci/run installs it)");
        return;
    }
    let server = Server::start();
    let mut admin = server.admin("admin", "mat-khau-quan-tri-2025");
    for (name, role) in [("thuky", "secretary"), ("thanhvien", "member")] {
        let csrf = admin.get("/admin/users").csrf();
        let r = admin.post_form(
            "/admin/users",
            &[
                ("csrf", &csrf),
                ("username", name),
                ("display_name", name),
                ("role", role),
                ("password", PW),
            ],
        );
        assert_eq!(r.status, 303);
    }
    let base = format!("http://{}", server.addr);
    let mut b = Browser::launch();
    b.open_page();

    // Log in as the secretary.
    b.goto(&format!("{base}/login"));
    b.eval(&format!(
        "document.querySelector('input[name=username]').value = 'thuky';\
         document.querySelector('input[name=password]').value = '{PW}';\
         document.querySelector('form').submit(); true"
    ));
    b.wait_for(
        "location.pathname === '/contests' && document.readyState === 'complete'",
        30,
    );

    // Create the contest and name the member on its council.
    b.eval(
        "document.querySelector('input[name=name]').value = 'Cuộc thi Lạng Sơn 2025';\
         document.querySelector('form[action=\"/contests\"]').submit(); true",
    );
    b.wait_for(
        "/^\\/c\\/\\d+$/.test(location.pathname) && document.readyState === 'complete'",
        30,
    );
    let contest_path = b.eval("location.pathname").as_str().unwrap().to_string();
    b.eval(
        "document.querySelector('input[name=unit]').value = 'UBND huyện Cao Lộc';\
         document.querySelector('textarea[name=members]').value = 'Nông Văn Bình | Trưởng phòng | thành viên | thanhvien';\
         document.querySelector('form[action$=\"/council\"]').submit(); true",
    );
    b.wait_for(
        "location.hash === '#council' && document.readyState === 'complete'",
        30,
    );

    // Drag and drop fills the upload form (a synthetic drop, as a file manager makes).
    let dropped = b.eval(
        "(() => { const dt = new DataTransfer();\
           dt.items.add(new File(['x'], 'keo-tha.txt'));\
           const zone = document.querySelector('.dropzone');\
           zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));\
           return document.getElementById('entry-files').files[0].name + '|' + zone.textContent; })()",
    );
    assert_eq!(dropped, json!("keo-tha.txt|keo-tha.txt"));

    // Upload the demo contest as a zip through the file input.
    let tmp = tempfile::tempdir().unwrap();
    let zip_path = tmp.path().join("demo-contest.zip");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-contest");
    std::fs::write(&zip_path, zip_folder(&demo)).unwrap();
    let doc = b.call("DOM.getDocument", json!({}));
    let input = b.call(
        "DOM.querySelector",
        json!({ "nodeId": doc["root"]["nodeId"], "selector": "#entry-files" }),
    );
    b.call(
        "DOM.setFileInputFiles",
        json!({ "nodeId": input["nodeId"], "files": [zip_path.to_string_lossy()] }),
    );
    b.eval("document.querySelector('form.upload').submit(); true");
    b.wait_for("document.querySelector('.upload-result') !== null", 60);
    let result = b.text();
    assert!(result.contains("entries/E01.docx"), "{result}");

    // Start the run and watch the bar: server-sent events move it, and it reaches 100 %.
    b.goto(&format!("{base}{contest_path}"));
    b.eval("document.querySelector('form[action$=\"/run\"]').submit(); true");
    b.wait_for("document.getElementById('run-percent') !== null", 30);
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let p = b.eval("(() => { const e = document.getElementById('run-percent'); return e ? e.textContent : ''; })()");
        let p = p.as_str().unwrap_or("").to_string();
        if seen.last() != Some(&p) {
            seen.push(p.clone());
        }
        if p == "100 %" && b.eval("document.querySelector('#reports a') !== null") == json!(true) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the run did not finish: {seen:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    eprintln!("progress bar showed: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("100 %"), "{seen:?}");

    // Log in as the member and open a flagged entry: decisions beside the CLI's report page.
    b.eval("document.querySelector('form.logout').submit(); true");
    b.wait_for(
        "location.pathname === '/login' && document.readyState === 'complete'",
        30,
    );
    b.eval(&format!(
        "document.querySelector('input[name=username]').value = 'thanhvien';\
         document.querySelector('input[name=password]').value = '{PW}';\
         document.querySelector('form').submit(); true"
    ));
    b.wait_for(
        "location.pathname === '/contests' && document.readyState === 'complete'",
        30,
    );
    b.goto(&format!("{base}{contest_path}"));
    let entry_href = b.eval("(() => { const c = document.querySelector('#entries .chip.pending'); return c ? c.closest('tr').querySelector('a').getAttribute('href') : null; })()");
    let entry_href = entry_href
        .as_str()
        .expect("an entry with a pending flag")
        .to_string();
    b.goto(&format!("{base}{entry_href}"));
    // The CLI's entry page loads inside, under its own hash-based CSP.
    b.wait_for(
        "(() => { const f = document.querySelector('iframe.report'); return f && f.contentDocument && f.contentDocument.querySelector('h1, header') !== null; })()",
        30,
    );
    let reason = "Trùng phần trích dẫn Nghị định, không phải sao chép";
    b.eval(&format!(
        "(() => {{ const f = document.querySelector('form.decide');\
           f.querySelector('textarea[name=reason]').value = '{reason}';\
           f.querySelector('button[value=dismiss]').click(); return true; }})()"
    ));
    b.wait_for(
        "location.hash === '#flags' && document.readyState === 'complete'",
        30,
    );
    let page = b.text();
    assert!(
        page.contains("Đã bỏ qua") && page.contains(reason),
        "{page}"
    );

    // The CLI's page inside the frame: its "← Bảng tổng hợp" opens the dashboard in the whole
    // window (not inside the frame), and the dashboard leads back to the contest's page.
    b.wait_for(
        "(() => { const f = document.querySelector('iframe.report'); return f && f.contentDocument && f.contentDocument.querySelector('a[href=\"../index.html\"]') !== null; })()",
        30,
    );
    b.eval(
        "document.querySelector('iframe.report').contentDocument.querySelector('a[href=\"../index.html\"]').click(); true",
    );
    b.wait_for(
        "location.pathname.endsWith('/report/index.html') && document.readyState === 'complete'",
        30,
    );
    b.eval("document.querySelector('.app-back a').click(); true");
    b.wait_for(
        &format!(
            "location.pathname === '{contest_path}' && document.readyState === 'complete' && document.querySelector('#entries') !== null"
        ),
        30,
    );

    // On a phone's width the page does not widen: the entries table scrolls inside its box.
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    );
    b.goto(&format!("{base}{contest_path}"));
    b.wait_for(
        "document.querySelector('#entries .table-scroll') !== null",
        30,
    );
    let widths = b.eval(
        "(() => { const box = document.querySelector('#entries .table-scroll');\
           return [document.documentElement.scrollWidth, window.innerWidth, box.scrollWidth, box.clientWidth]; })()",
    );
    let w: Vec<u64> = widths
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap() as u64)
        .collect();
    assert!(w[0] <= w[1], "the page is wider than the phone: {w:?}");
    assert!(w[2] > w[3], "the table scrolls inside its box: {w:?}");

    // Our script ran under the policy (the bar moved); no CSP violation was reported.
    let csp: Vec<&String> = b
        .log
        .iter()
        .filter(|l| l.contains("Content Security Policy") || l.contains("Content-Security-Policy"))
        .collect();
    assert!(csp.is_empty(), "{csp:?}");
}
