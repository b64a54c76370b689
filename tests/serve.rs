//! `soloai serve` driven over HTTP: the real binary on 127.0.0.1 with a temporary data folder.

mod serve_support;

use std::io::Write;
use std::path::Path;

use serve_support::{Client, Server, follow_run, zip_folder};

const ADMIN_PW: &str = "mat-khau-quan-tri-2025";
const PW: &str = "mat-khau-thu-ky-2025";

fn create_user(admin: &mut Client, username: &str, role: &str) {
    let page = admin.get("/admin/users");
    let csrf = page.csrf();
    let r = admin.post_form(
        "/admin/users",
        &[
            ("csrf", &csrf),
            ("username", username),
            ("display_name", username),
            ("role", role),
            ("password", PW),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
}

/// Create a contest as this secretary; returns its id.
fn create_contest(c: &mut Client, name: &str) -> u32 {
    let csrf = c.get("/contests").csrf();
    let r = c.post_multipart(
        "/contests",
        &[
            ("csrf", &csrf),
            ("name", name),
            ("year", "2025"),
            ("profile", "lang-son-2025"),
        ],
        &[],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    r.header("location")
        .and_then(|l| l.strip_prefix("/c/"))
        .and_then(|id| id.parse().ok())
        .expect("redirect to the new contest")
}

fn set_council(c: &mut Client, contest: u32, members: &str) {
    let csrf = c.get(&format!("/c/{contest}")).csrf();
    let r = c.post_form(
        &format!("/c/{contest}/council"),
        &[
            ("csrf", &csrf),
            ("unit", "UBND huyện Cao Lộc"),
            ("name", "Hội đồng sơ loại"),
            ("place", "Cao Lộc"),
            ("date", "2025-07-08"),
            ("members", members),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
}

fn upload(
    c: &mut Client,
    contest: u32,
    kind: &str,
    name: &str,
    bytes: &[u8],
) -> serve_support::Resp {
    let csrf = c.get(&format!("/c/{contest}")).csrf();
    c.post_multipart(
        &format!("/c/{contest}/upload"),
        &[("csrf", &csrf), ("kind", kind)],
        &[("files", name, bytes)],
    )
}

/// Every file under `dir`, relative.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(items) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in items.flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn login_roles_csrf_and_throttling() {
    let server = Server::start();
    let mut admin = server.admin("admin", ADMIN_PW);
    // The one-time link is spent.
    let token = server.setup_token.clone().unwrap();
    let again = server.client().get(&format!("/setup?token={token}"));
    assert_eq!(again.status, 200);
    assert!(again.text().contains("Đã có tài khoản quản trị"));

    create_user(&mut admin, "thuky", "secretary");
    create_user(&mut admin, "thanhvien", "member");
    create_user(&mut admin, "nguoikhac", "member");

    let mut sec = server.client();
    assert_eq!(sec.login("thuky", PW).status, 303);
    let a = create_contest(&mut sec, "Cuộc thi A");
    let b = create_contest(&mut sec, "Cuộc thi B");
    set_council(
        &mut sec,
        a,
        "Nông Văn Bình | Trưởng phòng Tư pháp | thành viên | thanhvien",
    );
    // Members without the unit that runs the screening: refused, saying what to fill in (a
    // council file without it would stop the screening run), and the saved council stays.
    let csrf = sec.get(&format!("/c/{b}")).csrf();
    let r = sec.post_form(
        &format!("/c/{b}/council"),
        &[
            ("csrf", &csrf),
            ("members", "Thành viên | Chuyên viên | thành viên |"),
        ],
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        r.text().contains("tên cơ quan, đơn vị tổ chức sơ loại"),
        "{}",
        r.text()
    );
    // The refused form comes back as it was typed, on the contest's page.
    assert!(
        r.text()
            .contains(">Thành viên | Chuyên viên | thành viên |</textarea>"),
        "{}",
        r.text()
    );
    // An account that does not exist: nothing is saved, and the page names the account and
    // whose line it is on, with the form as typed.
    let csrf = sec.get(&format!("/c/{a}")).csrf();
    let typed = "Nông Văn Bình | Trưởng phòng Tư pháp | thành viên | thanhvien\nLý Thị Hoa | Chuyên viên | thư ký | ly-thi-hoa";
    let r = sec.post_form(
        &format!("/c/{a}/council"),
        &[
            ("csrf", &csrf),
            ("unit", "UBND huyện Văn Lãng"),
            ("members", typed),
        ],
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        r.text().contains(
            "Chưa lưu thông tin Hội đồng: không có tài khoản «ly-thi-hoa» (dòng của Lý Thị Hoa)"
        ) && r.text().contains("value=\"UBND huyện Văn Lãng\"")
            && r.text()
                .contains("Lý Thị Hoa | Chuyên viên | thư ký | ly-thi-hoa</textarea>"),
        "{}",
        r.text()
    );
    // What the screening run would refuse in the council file is refused here, by the
    // form's own labels, before anything is saved.
    let r = sec.post_form(
        &format!("/c/{a}/council"),
        &[
            ("csrf", &csrf),
            ("unit", "UBND huyện Văn Lãng"),
            ("date", "8 tháng 7"),
            (
                "members",
                "Nông Văn Bình | Trưởng phòng | thành viên | thanhvien",
            ),
        ],
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        r.text().contains(
            "Chưa lưu thông tin Hội đồng: «8 tháng 7» ở ô Ngày họp không phải ngày: ghi theo dạng 08/07/2025."
        ) && r.text().contains("value=\"8 tháng 7\""),
        "{}",
        r.text()
    );
    let kept = sec.get(&format!("/c/{a}")).text();
    assert!(
        kept.contains("value=\"UBND huyện Cao Lộc\"") && !kept.contains("Lý Thị Hoa"),
        "the council as saved before: {kept}"
    );
    let council_file =
        std::fs::read_to_string(server.data.join(format!("contests/{a}/input/council.toml")))
            .unwrap();
    assert!(!council_file.contains("Lý Thị Hoa"), "{council_file}");

    let mut member = server.client();
    assert_eq!(member.login("thanhvien", PW).status, 303);
    let list = member.get("/contests").text();
    assert!(
        list.contains("Cuộc thi A") && !list.contains("Cuộc thi B"),
        "{list}"
    );
    assert_eq!(member.get(&format!("/c/{a}")).status, 200);
    // Nothing uploaded yet: the secretary's run button waits, and says why.
    let fresh = sec.get(&format!("/c/{a}")).text();
    assert!(
        fresh.contains("disabled>Bắt đầu sơ loại</button>")
            && fresh.contains("Chưa có bài dự thi nào: hãy tải lên trước."),
        "{fresh}"
    );
    // Another council's contest does not exist for this member, nor do its files.
    assert_eq!(member.get(&format!("/c/{b}")).status, 404);
    assert_eq!(member.get(&format!("/c/{b}/report/index.html")).status, 404);
    assert_eq!(member.get(&format!("/c/{b}/events")).status, 404);
    let mut other = server.client();
    assert_eq!(other.login("nguoikhac", PW).status, 303);
    assert_eq!(other.get(&format!("/c/{a}")).status, 404);
    assert_eq!(other.get(&format!("/c/{a}/decisions.json")).status, 404);

    // A member may not upload, start a run, edit the council or manage users.
    let r = upload(
        &mut member,
        a,
        "entries",
        "bai.txt",
        "Bài dự thi".as_bytes(),
    );
    assert_eq!(r.status, 403);
    assert!(files_under(&server.data.join(format!("contests/{a}/input/entries"))).is_empty());
    let csrf = member.get(&format!("/c/{a}")).csrf();
    assert_eq!(
        member
            .post_form(&format!("/c/{a}/run"), &[("csrf", &csrf)])
            .status,
        403
    );
    assert_eq!(member.get("/admin/users").status, 403);
    assert_eq!(member.get("/admin/audit").status, 403);

    // No CSRF token, or a wrong one: refused before anything is stored.
    let r = sec.post_multipart(
        &format!("/c/{a}/upload"),
        &[("kind", "entries")],
        &[("files", "bai.txt", "Bài dự thi".as_bytes())],
    );
    assert_eq!(r.status, 403, "{}", r.text());
    let r = sec.post_form(&format!("/c/{a}/run"), &[("csrf", "0000")]);
    assert_eq!(r.status, 403);
    let r = admin.post_form(
        "/admin/users",
        &[
            ("username", "x"),
            ("display_name", "x"),
            ("role", "admin"),
            ("password", PW),
        ],
    );
    assert_eq!(r.status, 403);
    assert!(files_under(&server.data.join(format!("contests/{a}/input/entries"))).is_empty());

    // Each refusal of a signed-in user is in the audit log: who, and what they asked for.
    let log = admin.get("/admin/audit").text();
    assert!(log.contains("GET /admin/users"), "{log}");
    assert!(log.contains("GET /admin/audit"), "{log}");
    assert!(log.contains(&format!("POST /c/{a}/run")), "{log}");
    assert!(log.contains("POST /admin/users"), "{log}");
    // Actions in words, times in local time (never the stored UTC code and instant).
    assert!(log.contains("<td>Bị từ chối (không có quyền)"), "{log}");
    assert!(
        log.contains("<td>Tạo tài khoản</td>") && !log.contains(">user-created<"),
        "{log}"
    );
    assert!(!log.contains("Z</td>"), "{log}");

    // A page that does not exist, or a malformed address or form, is the app's own page in
    // Vietnamese, never axum's English text or the browser's own; in the app's frame, with
    // its menu and who is signed in, and a way back.
    let framed = |text: &str| {
        text.contains("<nav><a href=\"/contests\">Cuộc thi</a><a href=\"/corpus\">")
            && text.contains("<form class=\"logout\"")
            && text.contains("<a href=\"/\">Trang chủ</a>")
    };
    let r = member.get("/khong-co-trang-nay");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("Không tìm thấy"), "{}", r.text());
    assert!(framed(&r.text()), "{}", r.text());
    let r = member.get("/c/abc");
    assert_eq!(r.status, 400);
    assert!(
        r.text().contains("Yêu cầu không hợp lệ") && !r.text().contains("Cannot parse"),
        "{}",
        r.text()
    );
    assert!(framed(&r.text()), "{}", r.text());
    let r = member.get("/admin/users");
    assert_eq!(r.status, 403);
    assert!(framed(&r.text()), "{}", r.text());
    // From one of a contest's pages, back leads to the contest.
    let r = member.get(&format!("/c/{a}/entries/KHONG-CO"));
    assert_eq!(r.status, 404);
    assert!(
        framed(&r.text())
            && r.text()
                .contains(&format!("<a href=\"/c/{a}\">← Quay lại trang cuộc thi</a>")),
        "{}",
        r.text()
    );
    // A refused new account keeps what was typed, never the password.
    let csrf = admin.get("/admin/users").csrf();
    let r = admin.post_form(
        "/admin/users",
        &[
            ("csrf", &csrf),
            ("username", "có dấu"),
            ("display_name", "Hoàng Thị Mai"),
            ("role", "secretary"),
            ("password", PW),
        ],
    );
    assert!(
        r.text().contains("value=\"Hoàng Thị Mai\"")
            && r.text().contains("value=\"secretary\" selected")
            && !r.text().contains(PW),
        "{}",
        r.text()
    );
    let r = admin.post_form("/admin/users", &[("csrf", &csrf), ("username", "x")]);
    assert!(r.status == 400 || r.status == 422, "{}", r.status);
    assert!(
        r.text().contains("Yêu cầu không hợp lệ") && !r.text().contains("missing field"),
        "{}",
        r.text()
    );

    // Not logged in: every page sends to the login page, files included.
    let mut anon = server.client();
    assert_eq!(anon.get(&format!("/c/{a}")).status, 303);
    assert_eq!(anon.get(&format!("/c/{a}/report/report.json")).status, 303);
    assert_eq!(anon.get(&format!("/c/{a}/decisions.json")).status, 303);
    // The login form needs its own double-submit token.
    let r = anon.post_form("/login", &[("username", "admin"), ("password", ADMIN_PW)]);
    assert_eq!(r.status, 403);

    // Cookie flags and security headers.
    let mut fresh = server.client();
    let form = fresh.get("/login");
    let csp = form.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let r = fresh.post_form(
        "/login",
        &[
            ("csrf", &form.csrf()),
            ("username", "thuky"),
            ("password", PW),
        ],
    );
    let cookie = r
        .headers
        .iter()
        .find(|(k, v)| k.eq_ignore_ascii_case("set-cookie") && v.starts_with("soloai_session="))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http on localhost");

    // Throttling: after five wrong passwords the sixth attempt waits, even with the right one.
    let mut guess = server.client();
    for _ in 0..5 {
        assert_eq!(guess.login("thanhvien", "sai-mat-khau-123").status, 401);
    }
    let r = guess.login("thanhvien", PW);
    assert_eq!(r.status, 429, "{}", r.text());
    assert!(r.text().contains("Đăng nhập sai quá nhiều lần"));

    // Logging out ends the session on the server, not only in the browser.
    let stolen = member.cookies.clone();
    let csrf = member.get("/contests").csrf();
    assert_eq!(member.post_form("/logout", &[("csrf", &csrf)]).status, 303);
    let mut replay = server.client();
    replay.cookies = stolen;
    assert_eq!(replay.get(&format!("/c/{a}")).status, 303);

    // The audit log saw it all.
    let audit = admin.get("/admin/audit").text();
    for action in [
        "Tạo tài khoản quản trị",
        "Tạo tài khoản",
        "Tạo cuộc thi",
        "Đăng nhập sai",
        "Sửa thông tin Hội đồng",
        "Đăng xuất",
    ] {
        assert!(
            audit.contains(action),
            "{action} missing from the audit log"
        );
    }
}

#[test]
fn demo_contest_zip_runs_to_the_end_and_decisions_are_recorded() {
    let server = Server::start();
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    create_user(&mut admin, "thanhvien", "member");
    let mut sec = server.client();
    sec.login("thuky", PW);
    let id = create_contest(
        &mut sec,
        "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2025",
    );
    // A role typed as a person writes it is read as the council file reads it; one that is
    // not a council role is refused, not guessed.
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    let r = sec.post_form(
        &format!("/c/{id}/council"),
        &[
            ("csrf", &csrf),
            ("unit", "UBND huyện Cao Lộc"),
            (
                "members",
                "Hoàng Văn Thắng | Phó Chủ tịch UBND huyện | giám đốc |",
            ),
        ],
    );
    assert_eq!(r.status, 400);
    assert!(
        r.text()
            .contains("vai trò &quot;giám đốc&quot; của Hoàng Văn Thắng không rõ"),
        "{}",
        r.text()
    );
    set_council(
        &mut sec,
        id,
        "Hoàng Văn Thắng | Phó Chủ tịch UBND huyện | Chủ tịch Hội đồng |\nNông Văn Bình | Trưởng phòng Tư pháp | thành viên | thanhvien",
    );
    let council_toml = std::fs::read_to_string(
        server
            .data
            .join(format!("contests/{id}/input/council.toml")),
    )
    .unwrap();
    assert!(
        council_toml.contains("role = \"chu-tich\""),
        "{council_toml}"
    );
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(
        page.contains("Hoàng Văn Thắng | Phó Chủ tịch UBND huyện | Chủ tịch Hội đồng |"),
        "the form shows roles in words: {page}"
    );

    // The demo contest folder as one zip: entries/, manifest.csv, units.csv, excluded persons, prior/.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-contest");
    let zip = zip_folder(&demo);
    let r = upload(&mut sec, id, "entries", "demo-contest.zip", &zip);
    assert_eq!(r.status, 200, "{}", r.text());
    let input = server.data.join(format!("contests/{id}/input"));
    for f in [
        "entries/E01.docx",
        "entries/E06",
        "manifest.csv",
        "units.csv",
        "excluded-persons.csv",
    ] {
        assert!(input.join(f).exists(), "{f} not placed");
    }
    assert!(input.join("prior").is_dir());
    // The demo folder carries its own profile.toml: the page says that it now decides the
    // criteria, by title (never the short name), and so does the contest's page.
    let lang_son =
        "Tìm kiếm ý tưởng, giải pháp cải cách hành chính trên địa bàn tỉnh Lạng Sơn năm 2025";
    assert!(
        r.text().contains(&format!(
            "tệp tải lên có bộ tiêu chí riêng (profile.toml), nên từ nay cuộc thi được sơ loại theo «{lang_son}» thay cho «{lang_son}»"
        )),
        "{}",
        r.text()
    );
    let shown = sec.get(&format!("/c/{id}")).text();
    assert!(
        shown.contains(&format!(
            "Bộ tiêu chí (hồ sơ cuộc thi): {lang_son} (bộ tiêu chí riêng, tải lên cho cuộc thi này)"
        )) && !shown.contains("lang-son-2025"),
        "{shown}"
    );
    // What is not part of a contest folder is listed as ignored, not stored.
    assert!(!input.join("make.py").exists());
    assert!(r.text().contains("make.py"));

    // Start a run and follow it to the end over server-sent events.
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    let r = sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)]);
    assert_eq!(r.status, 303, "{}", r.text());
    // Only one run per contest at a time.
    let again = sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)]);
    assert_eq!(again.status, 409, "{}", again.text());
    // A browser that watches the run and is closed does not stop it.
    let first = sec.peek(&format!("/c/{id}/events"), 4096);
    assert!(
        String::from_utf8_lossy(&first).contains("text/event-stream"),
        "{}",
        String::from_utf8_lossy(&first)
    );
    let events = follow_run(&mut sec, id);
    let last = events.last().expect("progress events");
    assert_eq!(last["status"], "done", "{events:?}");
    assert_eq!(last["percent"], 100);
    assert!(
        last["message"]
            .as_str()
            .unwrap()
            .ends_with("Lấy từ bộ nhớ đệm: 0"),
        "{last}"
    );
    let percents: Vec<u64> = events
        .iter()
        .filter_map(|e| e["percent"].as_u64())
        .collect();
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");

    // The CLI's own report files, behind the role check, with their CSP as a header.
    let page = sec.get(&format!("/c/{id}"));
    let text = page.text();
    assert!(
        text.contains("E10A") && text.contains("Bảng tổng hợp"),
        "{text}"
    );
    assert!(!text.contains("Kết quả cũ"), "fresh results: {text}");
    // On a phone the entries table scrolls sideways inside its box instead of widening the
    // page.
    assert!(
        text.contains(
            "<section id=\"entries\"><h2>Bài dự thi (19)</h2><div class=\"table-scroll\"><table>"
        ),
        "{text}"
    );
    let css = sec.get("/static/app.css").text();
    assert!(css.contains(".table-scroll{overflow-x:auto"), "{css}");
    // The reports are named for a civil servant; the decisions' data file is folded away
    // under "for technicians", its command-line use said in small print only.
    let reports = text
        .split("<section id=\"reports\">")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    for label in [
        "Bảng tổng hợp kết quả (xem trên trình duyệt)",
        "Bảng tổng hợp (Excel)",
        "Biên bản sơ loại (Word)",
        "Tải tất cả báo cáo trong một tệp nén (.zip)",
    ] {
        assert!(
            reports.contains(&format!("{label}</a>")),
            "{label}: {reports}"
        );
    }
    let (papers, technical) = reports
        .split_once(
            "<details class=\"technical\"><summary>Tệp dữ liệu cho cán bộ kỹ thuật</summary>",
        )
        .expect("the technicians' fold");
    assert!(
        !papers.contains("decisions.json") && !papers.contains("dòng lệnh"),
        "{papers}"
    );
    assert!(
        technical.contains("Quyết định của Hội đồng (tệp dữ liệu)</a>")
            && technical.contains("<p class=\"small\">Dùng khi lập biên bản"),
        "{technical}"
    );
    // Files a technician prepares are named in words, the file type in small print.
    assert!(
        text.contains("Bộ tiêu chí riêng của cuộc thi <span class=\"small\">(tệp .toml do cán bộ kỹ thuật soạn)</span>")
            && text.contains("Thông tin Hội đồng soạn sẵn <span class=\"small\">"),
        "{text}"
    );
    // Sending a file again after the run: the results on the page are marked as old, with a
    // word to run again (a council file alone does not change what the screening reads).
    let units = std::fs::read(demo.join("units.csv")).unwrap();
    assert_eq!(
        upload(&mut sec, id, "units", "units.csv", &units).status,
        200
    );
    let text = sec.get(&format!("/c/{id}")).text();
    assert!(
        text.contains("Kết quả cũ: hồ sơ đã thay đổi lúc") && text.contains("Hãy chạy lại sơ loại"),
        "{text}"
    );
    let dash = sec.get(&format!("/c/{id}/report/index.html"));
    assert_eq!(dash.status, 200);
    let csp = dash.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    // Served inside the app, the dashboard names the contest as the council named it (the run
    // names it by the profile's title), the profile by its title, and leads back to the
    // contest's page; its links open in the whole window.
    let contest_name = "Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2025";
    let profile_title =
        "Tìm kiếm ý tưởng, giải pháp cải cách hành chính trên địa bàn tỉnh Lạng Sơn năm 2025";
    let dash_text = dash.text();
    for said in [
        format!("<title>Kết quả sơ loại bài dự thi — {contest_name}</title>"),
        format!("<div class=\"sub\">{contest_name} — "),
        format!("Bộ tiêu chí: {profile_title}"),
        format!(
            "<a target=\"_top\" href=\"/c/{id}\">← Quay lại trang cuộc thi: {contest_name}</a>"
        ),
        "<a target=\"_top\" href=\"entries/".to_string(),
    ] {
        assert!(dash_text.contains(&said), "{said}: {dash_text}");
    }
    let header = dash_text.split("</header>").next().unwrap();
    assert!(!header.contains("lang-son-2025"), "{header}");
    // An entry page, also shown inside the app's entry page: its "← Bảng tổng hợp" opens the
    // dashboard in the whole window, not inside the frame.
    let entry_page = sec.get(&format!("/c/{id}/report/entries/E01.html")).text();
    assert!(
        entry_page.contains("<a target=\"_top\" href=\"../index.html\">")
            && entry_page.contains(&format!("<a target=\"_top\" href=\"/c/{id}\">"))
            && entry_page.contains(&format!("<div class=\"sub\">{contest_name}</div>")),
        "{entry_page}"
    );
    // The files on disk stay as the CLI wrote them.
    let on_disk =
        std::fs::read_to_string(server.data.join(format!("contests/{id}/report/index.html")))
            .unwrap();
    assert!(!on_disk.contains("target=\"_top\"") && !on_disk.contains(contest_name));
    for f in ["summary.xlsx", "bien-ban-so-loai.docx", "report.json"] {
        assert_eq!(sec.get(&format!("/c/{id}/report/{f}")).status, 200, "{f}");
    }
    // The extraction cache and anything else in the folder stay private.
    assert_eq!(
        sec.get(&format!("/c/{id}/report/.soloai-cache")).status,
        404
    );
    assert_eq!(
        sec.get(&format!("/c/{id}/report/../input/manifest.csv"))
            .status,
        404
    );
    let zip = sec.get(&format!("/c/{id}/report.zip"));
    assert_eq!(zip.status, 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).unwrap();
    assert!(archive.file_names().any(|n| n == "bien-ban-so-loai.docx"));
    assert!(archive.file_names().any(|n| n.starts_with("entries/E01")));
    // In the zip too the dashboard names the contest as the council did (but has no link to
    // the app: it is read away from it).
    let mut zipped = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("index.html").unwrap(), &mut zipped)
        .unwrap();
    assert!(
        zipped.contains(&format!(
            "<title>Kết quả sơ loại bài dự thi — {contest_name}</title>"
        )) && !zipped.contains("/c/"),
        "{zipped}"
    );

    // A council member dismisses a flag with a reason; the software's verdict stays.
    let report: serde_json::Value =
        serde_json::from_slice(&sec.get(&format!("/c/{id}/report/report.json")).body).unwrap();
    let flagged = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| !e["flags"].as_array().unwrap().is_empty())
        .expect("the demo has flagged entries");
    let entry_id = flagged["id"].as_str().unwrap();
    let code = flagged["flags"][0]["code"].as_str().unwrap();
    let mut member = server.client();
    member.login("thanhvien", PW);
    let entry_url = format!("/c/{id}/entries/{}", serve_support::url_encode(entry_id));
    let entry_page = member.get(&entry_url);
    assert_eq!(entry_page.status, 200);
    assert!(entry_page.text().contains("Chưa quyết định"));
    let csrf = entry_page.csrf();
    // A decision needs a reason.
    let r = member.post_form(
        &format!("{entry_url}/decide"),
        &[
            ("csrf", &csrf),
            ("code", code),
            ("action", "dismiss"),
            ("reason", " "),
        ],
    );
    assert_eq!(r.status, 400);
    // The reason is a text box (Enter adds a line, it never sends the form with its first
    // button); the lines typed are kept as one line.
    assert!(
        entry_page.text().contains("<textarea name=\"reason\""),
        "{}",
        entry_page.text()
    );
    let reason = "Hội đồng đã đối chiếu: trùng phần trích dẫn văn bản pháp luật";
    let r = member.post_form(
        &format!("{entry_url}/decide"),
        &[
            ("csrf", &csrf),
            ("code", code),
            ("action", "dismiss"),
            (
                "reason",
                "Hội đồng đã đối chiếu:\r\n  trùng phần trích dẫn văn bản pháp luật",
            ),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let after = member.get(&entry_url).text();
    assert!(
        after.contains("Đã bỏ qua") && after.contains(reason),
        "{after}"
    );
    assert!(
        after.contains("Không đạt") || after.contains("Chưa xác định"),
        "the software's verdict stays visible"
    );
    // With every flag dismissed the entry goes on by the council's decision; else not.
    let every_flag_dismissed = flagged["flags"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["code"] == code);
    assert_eq!(
        after.contains("Chuyển vòng chấm theo quyết định của Hội đồng"),
        every_flag_dismissed,
        "{after}"
    );
    // An entry the council forwarded may be given a prize, as one soloai proposed may.
    let contest_page = sec.get(&format!("/c/{id}")).text();
    // Flags are named in words on the contest and entry pages; codes stay in tooltips, and
    // the machine reference behind a flag ("entry:E03.pdf") is not shown.
    let name = soloai::vocab::flag_name(code, soloai::Lang::Vi);
    assert!(
        contest_page.contains(&format!("{name} · Đã bỏ qua")),
        "{contest_page}"
    );
    assert!(
        after.contains(&format!("title=\"{code}\">{name}</span>")),
        "{after}"
    );
    assert!(!after.contains("entry:"), "{after}");
    assert_eq!(
        contest_page.contains(&format!("name=\"prize:{entry_id}\"")),
        every_flag_dismissed,
        "{contest_page}"
    );
    // The administrator sees every contest but does not sit on this council: no decisions.
    let csrf = admin.get(&entry_url).csrf();
    let r = admin.post_form(
        &format!("{entry_url}/decide"),
        &[
            ("csrf", &csrf),
            ("code", code),
            ("action", "accept"),
            ("reason", "x"),
        ],
    );
    assert_eq!(r.status, 403);
    let audit = admin.get(&format!("/c/{id}")).text();
    assert!(audit.contains("Bỏ qua cảnh báo") && audit.contains(reason));

    // A re-run reads every file from the cache.
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    assert_eq!(
        sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)])
            .status,
        303
    );
    let events = follow_run(&mut sec, id);
    let last = events.last().unwrap();
    assert_eq!(last["status"], "done");
    let cached: usize = last["message"]
        .as_str()
        .unwrap()
        .rsplit(": ")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(cached >= 18, "every entry from the cache: {last}");
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(page.contains("Đã bỏ qua"), "decisions survive a re-run");
    assert!(!page.contains("Kết quả cũ"), "run again: current: {page}");

    // The biên bản carries the decision: who (as named on the council), the flag, the reason;
    // the re-run rewrote the file on disk without it, the server renders it with every decision.
    let minutes_text = |bytes: &[u8]| {
        soloai::extract::extract_bytes(
            Path::new("bien-ban-so-loai.docx"),
            bytes,
            &soloai::limits::Limits::default(),
        )
        .expect("the biên bản reads as a .docx")
        .text
    };
    let on_disk = minutes_text(
        &std::fs::read(
            server
                .data
                .join(format!("contests/{id}/report/bien-ban-so-loai.docx")),
        )
        .unwrap(),
    );
    assert!(
        !on_disk.contains(reason),
        "the run's own file has no decision"
    );
    let served = sec.get(&format!("/c/{id}/report/bien-ban-so-loai.docx"));
    assert_eq!(served.status, 200);
    let text = minutes_text(&served.body);
    let decided = text
        .split("Ý kiến của Hội đồng về các cảnh báo")
        .nth(1)
        .expect("the decisions table");
    // The minutes say the criteria are the contest plan's, not the profile's short name.
    assert!(
        text.contains("(theo các tiêu chí của Kế hoạch tổ chức Cuộc thi)")
            && !text.contains("lang-son-2025"),
        "{text}"
    );
    for expected in [reason, "Bỏ qua", "Nông Văn Bình", entry_id] {
        assert!(
            decided.contains(expected),
            "{expected} missing from the biên bản:\n{text}"
        );
    }
    // The same paper in the zip a secretary downloads.
    let zip = sec.get(&format!("/c/{id}/report.zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).unwrap();
    let mut in_zip = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("bien-ban-so-loai.docx").unwrap(),
        &mut in_zip,
    )
    .unwrap();
    assert!(minutes_text(&in_zip).contains(reason));
    // The decisions as JSON, which the CLI's minutes (and scoring, package) read.
    let json = sec.get(&format!("/c/{id}/decisions.json"));
    assert_eq!(json.status, 200);
    let decisions: Vec<soloai::report::minutes::Decision> =
        serde_json::from_slice(&json.body).unwrap();
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    assert_eq!(decisions[0].by, "Nông Văn Bình");
    assert_eq!(decisions[0].entry, entry_id);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("quyet-dinh.json"), &json.body).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("minutes")
        .arg(server.data.join(format!("contests/{id}/report")))
        .arg("--decisions")
        .arg(tmp.path().join("quyet-dinh.json"))
        .arg("--out")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli = minutes_text(&std::fs::read(tmp.path().join("bien-ban-so-loai.docx")).unwrap());
    assert!(cli.contains(reason) && cli.contains("Nông Văn Bình"));

    // After the contest: prizes, then every entry into the corpus as a past entry.
    let forwarded = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["forward"] == true)
        .expect("the demo forwards some entries");
    let fid = forwarded["id"].as_str().unwrap();
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    let key = format!("prize:{fid}");
    let r = sec.post_form(
        &format!("/c/{id}/awards"),
        &[("csrf", &csrf), (&key, "first")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    // Adding the entries to the corpus cannot be undone from the web app: the awards box's
    // button (apart from "Lưu", not touching it) leads to a confirmation step first.
    let contest_page = admin.get(&format!("/c/{id}")).text();
    let awards = contest_page
        .split("<section id=\"awards\">")
        .nth(1)
        .expect("the awards box");
    assert!(
        awards.contains("<div class=\"actions\"><button type=\"submit\">Lưu</button></div>")
            && awards.contains(&format!(
                "<form class=\"separate\" method=\"get\" action=\"/c/{id}/to-corpus\">"
            )),
        "{awards}"
    );
    let ask = admin.get(&format!("/c/{id}/to-corpus"));
    assert_eq!(ask.status, 200);
    assert!(
        ask.text().contains("vào kho đối chiếu") && ask.text().contains("không hoàn tác"),
        "{}",
        ask.text()
    );
    let csrf = ask.csrf();
    let r = admin.post_form(&format!("/c/{id}/to-corpus"), &[("csrf", &csrf)]);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        !r.text().contains("tài liệu mới") && r.text().contains("Đưa vào kho đối chiếu"),
        "unconfirmed: only asked again: {}",
        r.text()
    );
    let r = admin.post_form(
        &format!("/c/{id}/to-corpus"),
        &[("csrf", &csrf), ("confirm", "1")],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("tài liệu mới"));
    let title = forwarded["title"].as_str().unwrap_or(fid);
    let first_word = title
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let hits = member.get(&format!(
        "/corpus?q={}",
        serve_support::url_encode(&first_word)
    ));
    assert_eq!(hits.status, 200);
    assert!(hits.text().contains("Bài dự thi trước"), "{}", hits.text());
    // The administrator adds a document with its kind and metadata; a member may not.
    let model = "Mô hình tiếp nhận hồ sơ đất đai lưu động tại thôn bản vùng cao: cán bộ một cửa \
                 mang máy tính bảng đến nhà văn hoá thôn mỗi tuần một lần, nhận hồ sơ và trả kết quả.";
    let csrf = admin.get("/corpus").csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("kind", "applied"),
        ("title", "Một cửa lưu động vùng cao"),
        ("province", "Lạng Sơn"),
        ("year", "2023"),
    ];
    let r = admin.post_multipart(
        "/corpus/add",
        &fields,
        &[("files", "mot-cua-luu-dong.txt", model.as_bytes())],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("1 tài liệu mới"), "{}", r.text());
    assert!(
        r.text()
            .contains("Một cửa lưu động vùng cao — mot-cua-luu-dong.txt</li>"),
        "{}",
        r.text()
    );
    // A file that cannot go in is named as uploaded, never by the server's path, and why is
    // said in Vietnamese.
    let csrf = admin.get("/corpus").csrf();
    let r = admin.post_multipart(
        "/corpus/add",
        &[("csrf", &csrf), ("kind", "published")],
        &[
            ("files", "rong.txt", b""),
            ("files", "anh.png", b"\x89PNG\r\n\x1a\n"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let said = r.text();
    assert!(said.contains("rong.txt: Tệp rỗng (0 byte)"), "{said}");
    // A file that is no document is named as left out, not dropped in silence.
    assert!(
        said.contains("<h2>Bỏ qua</h2><ul class=\"ignored\"><li>anh.png</li>"),
        "{said}"
    );
    assert!(
        !said.contains("corpus-files") && !said.contains("empty"),
        "{said}"
    );
    let csrf = member.get("/corpus").csrf();
    let r = member.post_multipart(
        "/corpus/add",
        &[("csrf", &csrf), ("kind", "applied")],
        &[("files", "x.txt", b"x")],
    );
    assert_eq!(r.status, 403);
    let hits = member.get("/corpus?q=may+tinh+bang+nha+van+hoa").text();
    assert!(
        hits.contains("Một cửa lưu động vùng cao") && hits.contains("Mô hình đã áp dụng"),
        "{hits}"
    );

    // A hit is a document by its title and kind, in words: no server path, no content hash,
    // no Markdown marks (the demo's earlier entries have "# I. ĐẶT VẤN ĐỀ" headings).
    let hits = member
        .get(&format!(
            "/corpus?q={}",
            serve_support::url_encode("đặt vấn đề câu lạc bộ công chức trẻ")
        ))
        .text();
    let listed = hits
        .split("<ol class=\"hits\">")
        .nth(1)
        .expect("hits")
        .split("</ol>")
        .next()
        .unwrap();
    assert!(
        listed.contains("Câu lạc bộ công chức trẻ chia sẻ kỹ năng số hằng tháng</strong>")
            && (listed.contains("I. ĐẶT VẤN ĐỀ") || listed.contains("II. NỘI DUNG Ý TƯỞNG")),
        "{listed}"
    );
    assert!(
        !listed.contains('#') && !listed.contains(".md") && !listed.contains("prior/"),
        "{listed}"
    );

    // Diacritics are optional in the search box.
    let folded = soloai::normalize::fold_ascii(&first_word);
    let hits = member.get(&format!("/corpus?q={}", serve_support::url_encode(&folded)));
    assert!(
        hits.text().contains("Bài dự thi trước"),
        "{folded}: {}",
        hits.text()
    );
}

/// A zip with a member that expands far past its size.
fn zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("entries/bom.docx", opts).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..64 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, bytes) in members {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn zip_with_symlink() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("entries/ok.txt", opts).unwrap();
    zip.write_all(b"bai du thi").unwrap();
    zip.add_symlink("entries/passwd.txt", "/etc/passwd", opts)
        .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn hostile_uploads_are_refused_and_nothing_lands_outside_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let s = Server::start_in(&data, &["--max-upload-mb", "32"]);
    let mut admin = s.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    let mut sec = s.client();
    sec.login("thuky", PW);
    let id = create_contest(&mut sec, "Cuộc thi thử tệp độc");
    let entries = data.join(format!("contests/{id}/input/entries"));

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "len-ngoai.zip",
            zip_of(&[("../../../ra-ngoai.txt", b"x"), ("ok.txt", b"y")]),
            "ra ngoài thư mục",
        ),
        (
            "tuyet-doi.zip",
            zip_of(&[("/tmp/soloai-tuyet-doi.txt", b"x")]),
            "ra ngoài thư mục",
        ),
        ("bom.zip", zip_bomb(), "bom nén"),
        ("lien-ket.zip", zip_with_symlink(), "symlink"),
        (
            "hong.zip",
            b"PK\x03\x04 not really a zip".to_vec(),
            "bị hỏng",
        ),
        ("rong.docx", Vec::new(), "Tệp rỗng"),
    ];
    for (name, bytes, expected) in &cases {
        let r = upload(&mut sec, id, "entries", name, bytes);
        assert_eq!(r.status, 422, "{name}: {}", r.text());
        assert!(r.text().contains(expected), "{name}: {}", r.text());
        assert!(r.text().contains(name), "the refused file is named");
        // The zip reader's English detail is not said to the council.
        assert!(
            !r.text().contains("invalid Zip archive"),
            "{name}: {}",
            r.text()
        );
    }
    assert!(
        files_under(&entries).is_empty(),
        "{:?}",
        files_under(&entries)
    );
    for outside in [
        tmp.path().join("ra-ngoai.txt"),
        data.join("ra-ngoai.txt"),
        data.join("contests/ra-ngoai.txt"),
        Path::new("/tmp/soloai-tuyet-doi.txt").to_path_buf(),
    ] {
        assert!(!outside.exists(), "{} written", outside.display());
    }
    // Staging folders are cleaned up.
    assert!(files_under(&data.join("tmp")).is_empty());

    // Larger than the cap: refused while streaming, nothing kept.
    let big = vec![b'a'; 40 * 1024 * 1024];
    let r = upload(&mut sec, id, "entries", "to.txt", &big);
    assert!(r.status == 413 || r.status == 422, "{}", r.status);
    assert!(files_under(&entries).is_empty());

    // An upload form sent without a file says so, instead of "Đã lưu (0)".
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    let r = sec.post_multipart(
        &format!("/c/{id}/upload"),
        &[("csrf", &csrf), ("kind", "entries")],
        &[("files", "", b"")],
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text().contains("Chưa chọn tệp nào") && !r.text().contains("Đã lưu (0)"),
        "{}",
        r.text()
    );

    // A list the screening reads is read at upload by the same reader: one the run would stop
    // on, or with no row, is refused with the file and the reason, and nothing replaces the
    // list in place; rows it cannot read are said, and the file is kept.
    let input = data.join(format!("contests/{id}/input"));
    let r = upload(
        &mut sec,
        id,
        "manifest",
        "danh-sach.csv",
        "Họ tên,Đơn vị\nNguyễn Văn A,Sở Tư pháp\n".as_bytes(),
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text().contains("danh-sach.csv: thiếu cột"),
        "{}",
        r.text()
    );
    assert!(!input.join("manifest.csv").exists());
    let r = upload(
        &mut sec,
        id,
        "manifest",
        "chi-tieu-de.csv",
        "Mã bài,Tệp\n".as_bytes(),
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text()
            .contains("chi-tieu-de.csv: không có dòng nào đọc được"),
        "{}",
        r.text()
    );
    assert!(!input.join("manifest.csv").exists());
    let r = upload(
        &mut sec,
        id,
        "units",
        "don-vi.csv",
        "Đơn vị,Loại đơn vị\nSở Tư pháp,Sở\nTrạm gì đó,không rõ\n".as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.text().contains("có dòng chưa đọc được")
            && r.text().contains(
                "don-vi.csv, dòng 3, cột &quot;Loại đơn vị&quot;: giá trị &quot;không rõ&quot;"
            ),
        "{}",
        r.text()
    );
    assert!(input.join("units.csv").is_file());
    std::fs::remove_file(input.join("units.csv")).unwrap();
    // Inside a contest folder's zip, the same.
    let r = upload(
        &mut sec,
        id,
        "entries",
        "cuoc-thi.zip",
        &zip_of(&[
            ("cuoc-thi/entries/E01.txt", "Ý tưởng".as_bytes()),
            ("cuoc-thi/manifest.csv", "Họ tên\nA\n".as_bytes()),
        ]),
    );
    assert!(
        r.text().contains("cuoc-thi.zip: manifest.csv: thiếu cột"),
        "{}",
        r.text()
    );
    assert!(!input.join("manifest.csv").exists());
    std::fs::remove_dir_all(input.join("entries")).unwrap();
    std::fs::create_dir(input.join("entries")).unwrap();

    // Wrong kinds for the single-file inputs; a broken profile.
    let r = upload(&mut sec, id, "manifest", "danh-sach.pdf", b"%PDF-1.4");
    assert_eq!(r.status, 422);
    let r = upload(&mut sec, id, "profile", "rieng.toml", b"this is [ not toml");
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Bộ tiêu chí không hợp lệ"),
        "{}",
        r.text()
    );

    // A good file next to a bad one: the good one is kept, the bad one named.
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    let r = sec.post_multipart(
        &format!("/c/{id}/upload"),
        &[("csrf", &csrf), ("kind", "entries")],
        &[
            ("files", "E01.txt", "Ý tưởng: một cửa liên thông".as_bytes()),
            ("files", "rong.txt", b""),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(files_under(&entries), vec!["E01.txt".to_string()]);
    assert!(r.text().contains("rong.txt"));

    // Deleting an uploaded file: only inside the contest folder, never through a link.
    let page = sec.get(&format!("/c/{id}"));
    assert!(page.text().contains("entries/E01.txt"));
    let csrf = page.csrf();
    for bad in [
        "../../soloai.sqlite",
        "entries",
        "entries/../../soloai.sqlite",
        "/etc/passwd",
        "soloai.sqlite",
    ] {
        let r = sec.post_form(
            &format!("/c/{id}/files/delete"),
            &[("csrf", &csrf), ("path", bad)],
        );
        assert_eq!(r.status, 400, "{bad}");
    }
    assert!(data.join("soloai.sqlite").is_file());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(data.join("soloai.sqlite"), entries.join("link.txt")).unwrap();
        let r = sec.post_form(
            &format!("/c/{id}/files/delete"),
            &[("csrf", &csrf), ("path", "entries/link.txt")],
        );
        assert_eq!(r.status, 400);
        assert!(data.join("soloai.sqlite").is_file());
        std::fs::remove_file(entries.join("link.txt")).unwrap();
    }
    // Deleting cannot be undone: the list's button is a clearly labelled step to a
    // confirmation page (no script needed), and a form sent without the confirmation only
    // asks again; nothing is removed until the secretary confirms.
    let listed = page.text();
    assert!(
        listed.contains(&format!(
            "<form class=\"inline\" method=\"get\" action=\"/c/{id}/files/delete\">"
        )) && listed.contains(">Xoá tệp…</button>")
            && listed.contains("class=\"danger small\""),
        "{listed}"
    );
    let ask = sec.get(&format!("/c/{id}/files/delete?path=entries%2FE01.txt"));
    assert_eq!(ask.status, 200, "{}", ask.text());
    for said in [
        "Xoá tệp «entries/E01.txt» khỏi hồ sơ cuộc thi?",
        "Việc này không hoàn tác được.",
        "name=\"confirm\" value=\"1\"",
        ">Xoá hẳn tệp này</button>",
        &format!("href=\"/c/{id}#files\">Không, quay lại</a>"),
    ] {
        assert!(ask.text().contains(said), "{said}: {}", ask.text());
    }
    // The confirmation page has the app's menu.
    assert!(ask.text().contains("href=\"/contests\""), "{}", ask.text());
    let r = sec.post_form(
        &format!("/c/{id}/files/delete"),
        &[("csrf", &csrf), ("path", "entries/E01.txt")],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Xoá hẳn tệp này"), "{}", r.text());
    assert_eq!(files_under(&entries), vec!["E01.txt".to_string()]);
    let r = sec.post_form(
        &format!("/c/{id}/files/delete"),
        &[
            ("csrf", &csrf),
            ("path", "entries/E01.txt"),
            ("confirm", "1"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(files_under(&entries).is_empty());
    // Every refusal is in the audit log.
    assert!(sec.get(&format!("/c/{id}")).text().contains("bom.zip"));
}

#[test]
fn a_run_cut_by_a_server_stop_is_marked_and_runs_again_after_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let id;
    {
        let server = Server::start_in(&data, &[]);
        let mut admin = server.admin("admin", ADMIN_PW);
        create_user(&mut admin, "thuky", "secretary");
        let mut sec = server.client();
        sec.login("thuky", PW);
        id = create_contest(&mut sec, "Cuộc thi bị ngắt");
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-contest");
        assert_eq!(
            upload(&mut sec, id, "entries", "demo.zip", &zip_folder(&demo)).status,
            200
        );
        let csrf = sec.get(&format!("/c/{id}")).csrf();
        assert_eq!(
            sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)])
                .status,
            303
        );
        // The server is killed mid-run (power cut, kill -9): dropping it kills the process.
    }
    let server = Server::start_in(&data, &[]);
    assert!(
        server.setup_token.is_none(),
        "no second set-up link once an account exists"
    );
    let mut sec = server.client();
    assert_eq!(sec.login("thuky", PW).status, 303);
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(page.contains("Máy chủ dừng khi đang chạy"), "{page}");
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    assert_eq!(
        sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)])
            .status,
        303
    );
    let events = follow_run(&mut sec, id);
    assert_eq!(events.last().unwrap()["status"], "done", "{events:?}");
}

#[test]
fn a_contest_from_an_uploaded_profile_keeps_it_and_a_broken_one_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let server = Server::start_in(&data, &[]);
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    let mut sec = server.client();
    sec.login("thuky", PW);

    // A province's own profile (here Hưng Yên's, as a unit would send it): it wins over the list.
    let own =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/hung-yen-2024.toml"))
            .unwrap();
    let csrf = sec.get("/contests").csrf();
    let r = sec.post_multipart(
        "/contests",
        &[
            ("csrf", &csrf),
            ("name", "Cuộc thi Hưng Yên 2024"),
            ("year", "2024"),
            ("profile", "lang-son-2025"),
        ],
        &[("profile_file", "hung-yen-rieng.toml", &own)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let id: u32 = r
        .header("location")
        .and_then(|l| l.strip_prefix("/c/"))
        .and_then(|id| id.parse().ok())
        .unwrap();
    assert_eq!(
        std::fs::read(data.join(format!("contests/{id}/input/profile.toml"))).unwrap(),
        own,
        "stored as sent"
    );
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(page.contains("profile.toml"), "{page}");
    // Named by its title, in the contest's page and the list of contests.
    let hung_yen =
        "Tìm kiếm ý tưởng, giải pháp cải cách hành chính trên địa bàn tỉnh Hưng Yên năm 2024";
    assert!(page.contains(&format!(": {hung_yen}")), "{page}");
    let list = sec.get("/contests").text();
    assert!(
        list.contains(&format!(" · {hung_yen}")) && !list.contains("hung-yen-2024 ·"),
        "{list}"
    );
    // The list to choose from shows each built-in profile by its title.
    assert!(
        list.contains(&format!("<option value=\"hung-yen-2024\">{hung_yen}")),
        "{list}"
    );
    // A council file the screening run would refuse is refused at upload, in the run's
    // words, naming the file as sent (not the server's path) and the line.
    let r = upload(
        &mut sec,
        id,
        "council",
        "hd2.toml",
        "unit = \"UBND huyện X\"\ntitle = \"x\"\n".as_bytes(),
    );
    let said = r.text();
    assert!(
        said.contains("hd2.toml, dòng 2: tệp thông tin Hội đồng không hợp lệ"),
        "{said}"
    );
    assert!(!said.contains(&data.display().to_string()), "{said}");
    assert!(
        !data
            .join(format!("contests/{id}/input/council.toml"))
            .exists()
    );

    // Broken TOML, a profile that is not one, a file that is not TOML, an unknown built-in:
    // refused with the reason, and no contest is made.
    let cases: [(&str, &[u8], &str); 4] = [
        ("hong.toml", b"name = [", "Bộ tiêu chí không hợp lệ"),
        (
            "khong-phai.toml",
            b"title = \"x\"",
            "Bộ tiêu chí không hợp lệ",
        ),
        ("anh.png", b"\x89PNG\r\n", "anh.png"),
        ("trong.toml", b"", "Tệp rỗng"),
    ];
    for (name, bytes, expected) in cases {
        let csrf = sec.get("/contests").csrf();
        let r = sec.post_multipart(
            "/contests",
            &[
                ("csrf", &csrf),
                ("name", "Không được tạo"),
                ("year", "2026"),
            ],
            &[("profile_file", name, bytes)],
        );
        assert!(r.status == 400 || r.status == 422, "{name}: {}", r.status);
        assert!(r.text().contains(expected), "{name}: {}", r.text());
        // The form comes back as typed.
        assert!(
            r.text().contains("value=\"Không được tạo\"") && r.text().contains("value=\"2026\""),
            "{name}: {}",
            r.text()
        );
    }
    let csrf = sec.get("/contests").csrf();
    let r = sec.post_multipart(
        "/contests",
        &[
            ("csrf", &csrf),
            ("name", "Không được tạo"),
            ("profile", "../../etc/passwd"),
        ],
        &[],
    );
    assert_eq!(r.status, 400);
    assert!(
        !sec.get("/contests").text().contains("Không được tạo"),
        "no contest made"
    );
    let made: Vec<_> = std::fs::read_dir(data.join("contests"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(made.len(), 1, "only the good contest has a folder");
}

#[test]
fn a_contest_made_by_mistake_is_deleted_with_its_files_once_confirmed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let server = Server::start_in(&data, &[]);
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    create_user(&mut admin, "thuky2", "secretary");
    create_user(&mut admin, "thanhvien", "member");
    let mut sec = server.client();
    sec.login("thuky", PW);
    let kept = create_contest(&mut sec, "Cuộc thi giữ lại");
    let name = "Cuộc thi thử (tạo nhầm)";
    let id = create_contest(&mut sec, name);
    set_council(
        &mut sec,
        id,
        "Nông Văn Bình | Trưởng phòng | thành viên | thanhvien\nLý Thị Hoa | Chuyên viên | thư ký | thuky2",
    );
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-contest");
    assert_eq!(
        upload(&mut sec, id, "entries", "demo.zip", &zip_folder(&demo)).status,
        200
    );
    let folder = data.join(format!("contests/{id}"));
    let input = folder.join("input");
    let uploaded = files_under(&input).len();

    // A run going on: the contest is not deleted (asked or confirmed), and the page says why.
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    assert_eq!(
        sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)])
            .status,
        303
    );
    let r = sec.post_form(
        &format!("/c/{id}/delete"),
        &[("csrf", &csrf), ("confirm", "1")],
    );
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.text()
            .contains("Một lượt sơ loại của cuộc thi này đang chạy: chờ chạy xong rồi hãy xoá."),
        "{}",
        r.text()
    );
    let events = follow_run(&mut sec, id);
    assert_eq!(events.last().unwrap()["status"], "done", "{events:?}");
    assert!(folder.join("report/report.json").is_file());

    // Links the server must not follow: a file and a folder outside the data folder.
    let outside = tmp.path().join("ngoai");
    std::fs::create_dir_all(outside.join("thu-muc")).unwrap();
    std::fs::write(outside.join("tep.txt"), "không được xoá").unwrap();
    std::fs::write(outside.join("thu-muc/tep.txt"), "không được xoá").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.join("tep.txt"), input.join("entries/lien-ket.txt"))
            .unwrap();
        std::os::unix::fs::symlink(outside.join("thu-muc"), input.join("lien-ket-thu-muc"))
            .unwrap();
        std::os::unix::fs::symlink(outside.join("tep.txt"), folder.join("report/lien-ket.txt"))
            .unwrap();
    }

    // Neither a seated member nor a secretary who did not create it may delete it: no
    // button, and the addresses refuse (403), confirmed or not.
    for user in ["thanhvien", "thuky2"] {
        let mut c = server.client();
        assert_eq!(c.login(user, PW).status, 303);
        let page = c.get(&format!("/c/{id}"));
        assert_eq!(page.status, 200, "{user}");
        assert!(
            !page.text().contains(&format!("action=\"/c/{id}/delete\"")),
            "{user}: {}",
            page.text()
        );
        assert_eq!(c.get(&format!("/c/{id}/delete")).status, 403, "{user}");
        let r = c.post_form(
            &format!("/c/{id}/delete"),
            &[("csrf", &page.csrf()), ("confirm", "1")],
        );
        assert_eq!(r.status, 403, "{user}: {}", r.text());
    }
    assert!(input.join("entries/E01.docx").is_file());

    // The creator's page has the button; it leads to a confirmation that names the contest,
    // its files and runs, and says it cannot be undone.
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(
        page.contains(&format!(
            "<form method=\"get\" action=\"/c/{id}/delete\"><button class=\"danger\" type=\"submit\">Xoá cuộc thi…</button>"
        )),
        "{page}"
    );
    let ask = sec.get(&format!("/c/{id}/delete"));
    assert_eq!(ask.status, 200, "{}", ask.text());
    for said in [
        format!("Xoá cuộc thi «{name}» cùng {uploaded} tệp đã tải lên và 1 lượt sơ loại"),
        "Việc này không hoàn tác được.".to_string(),
        "name=\"confirm\" value=\"1\"".to_string(),
        ">Xoá hẳn cuộc thi này</button>".to_string(),
        format!("href=\"/c/{id}#delete-contest\">Không, quay lại</a>"),
    ] {
        assert!(ask.text().contains(&said), "{said}: {}", ask.text());
    }
    // Sent without the confirmation: it only asks again, nothing is deleted.
    let csrf = ask.csrf();
    let r = sec.post_form(&format!("/c/{id}/delete"), &[("csrf", &csrf)]);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Xoá hẳn cuộc thi này"), "{}", r.text());
    assert!(folder.join("report/report.json").is_file());
    assert!(sec.get("/contests").text().contains(name));

    // Confirmed: the contest, its folder and rows are gone; what the links point to is not.
    let r = sec.post_form(
        &format!("/c/{id}/delete"),
        &[("csrf", &csrf), ("confirm", "1")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/contests"));
    let list = sec.get("/contests").text();
    assert!(
        !list.contains(name) && list.contains("Cuộc thi giữ lại"),
        "{list}"
    );
    assert!(!folder.exists(), "{:?}", files_under(&folder));
    assert!(
        files_under(&data.join("tmp")).is_empty(),
        "{:?}",
        files_under(&data.join("tmp"))
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("tep.txt")).unwrap(),
        "không được xoá"
    );
    assert!(outside.join("thu-muc/tep.txt").is_file());
    assert!(data.join(format!("contests/{kept}")).is_dir());
    assert!(data.join("soloai.sqlite").is_file());
    assert_eq!(sec.get(&format!("/c/{id}")).status, 404);
    assert_eq!(sec.get(&format!("/c/{id}/report/index.html")).status, 404);
    let mut member = server.client();
    member.login("thanhvien", PW);
    assert!(!member.get("/contests").text().contains(name));

    // The audit log says who deleted what.
    let log = admin.get("/admin/audit").text();
    assert!(
        log.contains(&format!("<td>Xoá cuộc thi · #{id}</td>"))
            && log.contains(&format!("{name} ({uploaded} tệp, 1 lượt sơ loại)")),
        "{log}"
    );

    // A new contest never takes the deleted one's id (nor its audit lines).
    let next = create_contest(&mut sec, "Cuộc thi mới");
    assert!(next > id, "{next} after {id}");
    let fresh = sec.get(&format!("/c/{next}")).text();
    assert!(
        !fresh.contains("Xoá cuộc thi ·") && !fresh.contains(name),
        "{fresh}"
    );

    // An administrator may delete a contest a secretary created.
    let ask = admin.get(&format!("/c/{kept}/delete"));
    assert_eq!(ask.status, 200, "{}", ask.text());
    let r = admin.post_form(
        &format!("/c/{kept}/delete"),
        &[("csrf", &ask.csrf()), ("confirm", "1")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(!data.join(format!("contests/{kept}")).exists());
}

#[test]
fn a_member_on_no_council_reads_how_accounts_are_linked() {
    let server = Server::start();
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    create_user(&mut admin, "nong-van-binh", "member");
    let mut member = server.client();
    member.login("nong-van-binh", PW);
    let list = member.get("/contests").text();
    assert!(
        list.contains(
            "Tài khoản «nong-van-binh» chưa được gắn với Hội đồng của cuộc thi nào. Thư ký Hội đồng gắn tài khoản bằng cách ghi tên đăng nhập «nong-van-binh» vào cột cuối (tài khoản)"
        ) && list.contains("Hãy báo tên đăng nhập này cho Thư ký Hội đồng."),
        "{list}"
    );
    // The council form says what its last column does.
    let mut sec = server.client();
    sec.login("thuky", PW);
    let id = create_contest(&mut sec, "Cuộc thi có Hội đồng");
    let page = sec.get(&format!("/c/{id}")).text();
    let council = page
        .split("<section id=\"council\">")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        council.contains(
            "<p class=\"small\" id=\"council-account-hint\">Cột cuối (tài khoản) gắn tài khoản của thành viên với cuộc thi"
        ),
        "{council}"
    );
    // Seated on the council, the member sees the contest and no longer the explanation.
    set_council(
        &mut sec,
        id,
        "Nông Văn Bình | Trưởng phòng | thành viên | nong-van-binh",
    );
    let list = member.get("/contests").text();
    assert!(
        list.contains("Cuộc thi có Hội đồng") && !list.contains("chưa được gắn"),
        "{list}"
    );
    // A secretary with no contest yet is not told to ask a secretary.
    create_user(&mut admin, "thuky-moi", "secretary");
    let mut new_secretary = server.client();
    new_secretary.login("thuky-moi", PW);
    assert!(
        !new_secretary
            .get("/contests")
            .text()
            .contains("chưa được gắn")
    );
}

#[test]
fn the_manifest_template_is_downloaded_from_the_upload_page_and_a_refused_manifest_points_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start();
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    let mut sec = server.client();
    sec.login("thuky", PW);
    let id = create_contest(&mut sec, "Cuộc thi có danh sách");
    let page = sec.get(&format!("/c/{id}")).text();
    assert!(
        page.contains(
            "<p class=\"small\" id=\"manifest-template\">Mẫu danh sách bài dự thi để điền: <a href=\"/templates/manifest.xlsx\">tải mẫu Excel (.xlsx)</a> · <a href=\"/templates/manifest.csv\">tải mẫu CSV</a></p>"
        ),
        "{page}"
    );
    let headers: Vec<&str> = soloai::manifest::TEMPLATE_COLUMNS
        .iter()
        .map(|(h, _)| *h)
        .collect();

    // CSV: the library's template, its header row the manifest's columns; filled in, it reads.
    let r = sec.get("/templates/manifest.csv");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"mau-danh-sach-bai-du-thi.csv\"")
    );
    assert_eq!(r.body, soloai::manifest::template_csv());
    let text = r.text();
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    let cells: Vec<String> = first
        .split(',')
        .map(|c| c.trim_matches('"').to_string())
        .collect();
    assert_eq!(cells, headers);
    let filled = tmp.path().join("manifest.csv");
    let mut bytes = r.body.clone();
    bytes.extend_from_slice("LS-001,bai-01.docx,Một cửa liên thông\r\n".as_bytes());
    std::fs::write(&filled, &bytes).unwrap();
    let read = soloai::manifest::read_manifest(&filled).unwrap();
    assert_eq!(read.rows.len(), 1);

    // Excel: a workbook whose first row is the same columns.
    let r = sec.get("/templates/manifest.xlsx");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"mau-danh-sach-bai-du-thi.xlsx\"")
    );
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(r.body.clone())).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let first: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(first, headers);
    let xlsx = tmp.path().join("manifest.xlsx");
    std::fs::write(&xlsx, &r.body).unwrap();
    assert!(soloai::manifest::read_manifest(&xlsx).is_ok());
    // Nothing else is served there, and only to someone signed in.
    assert_eq!(sec.get("/templates/units.csv").status, 404);
    assert_eq!(sec.get("/templates/..%2Fsoloai.sqlite").status, 404);
    assert_eq!(server.client().get("/templates/manifest.csv").status, 303);

    // A manifest without its columns: refused, pointing to the download, not to a command.
    for (name, bytes) in [
        (
            "danh-sach.csv",
            "Họ tên,Đơn vị\nNguyễn Văn A,Sở Tư pháp\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "cuoc-thi.zip",
            zip_of(&[
                ("cuoc-thi/entries/E01.txt", "Ý tưởng".as_bytes()),
                ("cuoc-thi/manifest.csv", "Họ tên\nA\n".as_bytes()),
            ]),
        ),
    ] {
        let kind = if name.ends_with(".zip") {
            "entries"
        } else {
            "manifest"
        };
        let r = upload(&mut sec, id, kind, name, &bytes);
        let said = r.text();
        assert!(
            said.contains("thiếu cột &quot;Mã bài&quot; (id) / &quot;Tệp&quot; (file); tải mẫu danh sách bài dự thi ở mục Hồ sơ đầu vào của trang cuộc thi"),
            "{name}: {said}"
        );
        assert!(!said.contains("soloai manifest-template"), "{name}: {said}");
        assert!(
            said.contains(
                "<p id=\"manifest-template-hint\">Tải mẫu danh sách bài dự thi (có đủ các cột), điền rồi tải lên lại: <a href=\"/templates/manifest.xlsx\">"
            ),
            "{name}: {said}"
        );
    }
    // Other refusals do not offer it.
    let r = upload(&mut sec, id, "units", "don-vi.csv", "Đơn vị\n".as_bytes());
    assert!(!r.text().contains("manifest-template-hint"), "{}", r.text());
}

#[test]
fn a_run_that_fails_names_the_file_as_uploaded_and_no_server_path() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let server = Server::start_in(&data, &[]);
    let mut admin = server.admin("admin", ADMIN_PW);
    create_user(&mut admin, "thuky", "secretary");
    let mut sec = server.client();
    sec.login("thuky", PW);
    let id = create_contest(&mut sec, "Cuộc thi chạy lỗi");
    assert_eq!(
        upload(
            &mut sec,
            id,
            "entries",
            "E01.txt",
            "Ý tưởng: một cửa".as_bytes()
        )
        .status,
        200
    );
    let input = data.join(format!("contests/{id}/input"));
    let server_paths = [
        data.display().to_string(),
        data.canonicalize().unwrap().display().to_string(),
        tmp.path().display().to_string(),
    ];
    // Run once; the message shown in the progress line, on the page and in the audit log.
    let run_fails = |sec: &mut Client| -> String {
        let csrf = sec.get(&format!("/c/{id}")).csrf();
        assert_eq!(
            sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)])
                .status,
            303
        );
        let events = follow_run(sec, id);
        let last = events.last().unwrap();
        assert_eq!(last["status"], "failed", "{events:?}");
        let message = last["message"].as_str().unwrap().to_string();
        let page = sec.get(&format!("/c/{id}")).text();
        for shown in [&message, &page] {
            for path in &server_paths {
                assert!(!shown.contains(path.as_str()), "{path} in {shown}");
            }
            assert!(!shown.contains("/contests/"), "{shown}");
        }
        message
    };

    // Files written straight into the contest folder, past the upload's checks (a server that
    // ran an older soloai, a technician's copy): a council file the run refuses…
    std::fs::write(
        input.join("council.toml"),
        "unit = \"UBND huyện X\"\ntitle = \"x\"\n",
    )
    .unwrap();
    let said = run_fails(&mut sec);
    assert!(
        said.contains("council.toml, dòng 2: tệp thông tin Hội đồng không hợp lệ"),
        "{said}"
    );
    std::fs::remove_file(input.join("council.toml")).unwrap();

    // …a manifest without its columns (pointed to the template, not the command)…
    std::fs::write(input.join("manifest.csv"), "Họ tên\nNguyễn Văn A\n").unwrap();
    let said = run_fails(&mut sec);
    assert!(
        said.starts_with("manifest.csv: thiếu cột")
            && said.contains("tải mẫu danh sách bài dự thi ở mục Hồ sơ đầu vào")
            && !said.contains("soloai manifest-template"),
        "{said}"
    );
    std::fs::remove_file(input.join("manifest.csv")).unwrap();

    // …and the corpus made unusable (a file where its folder should be): said in words.
    std::fs::remove_dir_all(data.join("corpus-index")).ok();
    std::fs::write(data.join("corpus-index"), "không phải thư mục").unwrap();
    let said = run_fails(&mut sec);
    assert!(said.contains("kho đối chiếu của máy chủ"), "{said}");
    let log = admin.get("/admin/audit").text();
    for path in &server_paths {
        assert!(!log.contains(path.as_str()), "{path} in {log}");
    }

    // Made usable again, the run ends.
    std::fs::remove_file(data.join("corpus-index")).unwrap();
    let csrf = sec.get(&format!("/c/{id}")).csrf();
    sec.post_form(&format!("/c/{id}/run"), &[("csrf", &csrf)]);
    assert_eq!(follow_run(&mut sec, id).last().unwrap()["status"], "done");
}
