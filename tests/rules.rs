//! Every rule of both plans on contests made to test them: `fixtures/contests/lang-son/` (plan
//! lang-son-2025) and `fixtures/contests/hung-yen/` (hung-yen-2024), real .docx entries, a CSV
//! and an XLSX manifest, units.csv and an excluded-persons list, made by
//! `fixtures/contests/make.py` (each folder's EXPECTED.md says what every entry plants). The
//! real binary screens each folder; every entry's rule verdicts, flags and overall verdict, the
//! units' quota results and the input problems are asserted, and the rules' outputs are
//! snapshotted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Screen a contest folder with an empty corpus; (exit code, stdout, report.json).
fn screen(contest: &str, work: &Path, extra: &[&str]) -> (i32, String, Value) {
    let out = work.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(root().join("fixtures/contests").join(contest))
        .arg("--index")
        .arg(work.join("index"))
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .expect("run soloai");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = std::fs::read_to_string(out.join("report.json")).unwrap_or_else(|e| {
        panic!(
            "no report.json ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (
        output.status.code().unwrap_or(-1),
        stdout,
        serde_json::from_str(&json).expect("report.json parses"),
    )
}

fn entry<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["entries"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == id))
        .unwrap_or_else(|| panic!("no entry {id}"))
}

/// Every rule's verdict on an entry (form and eligibility), by code.
fn verdicts(e: &Value) -> BTreeMap<String, String> {
    e["checks"]
        .as_array()
        .into_iter()
        .chain(e["eligibility"].as_array())
        .flatten()
        .map(|c| {
            (
                c["code"].as_str().unwrap_or_default().to_string(),
                c["verdict"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn flags(e: &Value) -> Vec<String> {
    let mut f: Vec<String> = e["flags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect();
    f.sort();
    f
}

fn unit<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["units"]
        .as_array()
        .and_then(|a| a.iter().find(|u| u["unit"] == name))
        .unwrap_or_else(|| panic!("no unit {name}: {}", report["units"]))
}

/// Assert an entry: its overall verdict, its flags, and the verdict of each named rule; every
/// other rule must pass (AREA and REVISION-STATEMENT aside, which only inform).
fn expect(report: &Value, id: &str, verdict: &str, flag_codes: &[&str], rules: &[(&str, &str)]) {
    let e = entry(report, id);
    assert_eq!(e["verdict"], verdict, "{id} verdict; {e}");
    assert_eq!(flags(e), flag_codes, "{id} flags");
    let got = verdicts(e);
    for (code, v) in rules {
        assert_eq!(
            got.get(*code).map(String::as_str),
            Some(*v),
            "{id} {code}: {}",
            e["eligibility"]
        );
    }
    for (code, v) in &got {
        if rules.iter().any(|(c, _)| c == code) || code == "AREA" || code == "REVISION-STATEMENT" {
            continue;
        }
        assert_eq!(v, "pass", "{id} {code} should pass");
    }
}

/// What the rules said, compactly, for the snapshot.
fn rules_view(report: &Value) -> Value {
    let entries: Vec<Value> = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let rules: Vec<Value> = e["eligibility"]
                .as_array()
                .unwrap()
                .iter()
                .chain(
                    e["checks"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|c| c["code"] == "ADDRESS"),
                )
                .map(|c| json!([c["code"], c["verdict"], c["evidence"]]))
                .collect();
            json!({ "id": e["id"], "verdict": e["verdict"], "flags": flags(e), "rules": rules })
        })
        .collect();
    let units: Vec<Value> = report["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            json!([
                u["unit"],
                u["status"],
                u["entries"],
                u["owes_letter"],
                u["evidence"]
            ])
        })
        .collect();
    let problems: Vec<Value> = report["input_problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| json!([p["file"], p["line"], p["code"]]))
        .collect();
    json!({ "entries": entries, "units": units, "input_problems": problems })
}

#[test]
fn lang_son_contest_every_rule_pass_fail_and_cannot_tell() {
    let work = tempfile::tempdir().unwrap();
    let (code, stdout, report) = screen("lang-son", work.path(), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(report["profile"], "lang-son-2025");

    expect(&report, "LS01", "pass", &[], &[("LATE", "pass")]);
    // A bad date in row 3 of the manifest: a finding, the run went on, LATE says why.
    expect(&report, "LS02", "pass", &[], &[("LATE", "cannot-tell")]);
    let late = &entry(&report, "LS02")["eligibility"][0];
    assert!(
        late["evidence"].as_str().unwrap().contains("dòng 3"),
        "{late}"
    );
    expect(&report, "LS03", "pass", &[], &[]);
    expect(&report, "LS04", "pass", &[], &[]);
    expect(
        &report,
        "LS05",
        "fail",
        &["ELIGIBLE-AUTHOR"],
        &[
            ("ELIGIBLE-AUTHOR", "fail"),
            ("RECEIVING-POINT", "cannot-tell"),
        ],
    );
    for id in ["LS06", "LS07"] {
        expect(
            &report,
            id,
            "fail",
            &["RECEIVING-POINT-DUPLICATE"],
            &[("RECEIVING-POINT-DUPLICATE", "fail")],
        );
    }
    expect(
        &report,
        "LS08",
        "fail",
        &["RECYCLED-DECLARED"],
        &[("RECYCLED-DECLARED", "fail")],
    );
    expect(
        &report,
        "LS09",
        "pass",
        &[],
        &[("RECYCLED-DECLARED", "pass")],
    );
    expect(&report, "LS10", "fail", &["LATE"], &[("LATE", "fail")]);
    let late = entry(&report, "LS10")["eligibility"][0]["evidence"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(late.contains("Nộp ngày 15/07/2025: quá hạn"), "{late}");
    // A video alone: "cannot tell", never an unreadable-file error.
    let ls11 = entry(&report, "LS11");
    assert_eq!(ls11["status"], "ok");
    expect(
        &report,
        "LS11",
        "cannot-tell",
        &[],
        &[("ATTACHMENTS", "cannot-tell")],
    );
    let att = ls11["eligibility"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "ATTACHMENTS")
        .unwrap();
    assert!(
        att["evidence"]
            .as_str()
            .unwrap()
            .starts_with("Chưa xác định: cần bản tóm tắt Word"),
        "{att}"
    );
    expect(&report, "LS12", "pass", &[], &[("ATTACHMENTS", "pass")]);
    let files = &entry(&report, "LS12")["eligibility"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "ATTACHMENTS")
        .unwrap()["data"]["files"];
    let kinds: Vec<&str> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["document", "picture", "video"], "{files}");
    assert!(
        files
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["bytes"].as_u64() > Some(0))
    );
    expect(
        &report,
        "LS13",
        "fail",
        &["ADDRESS"],
        &[("ADDRESS", "fail")],
    );
    expect(
        &report,
        "LS14",
        "fail",
        &["EXCLUDED-PERSON"],
        &[("EXCLUDED-PERSON", "fail")],
    );
    expect(
        &report,
        "LS15",
        "fail",
        &["GROUP-KIND"],
        &[("GROUP-KIND", "fail"), ("RECEIVING-POINT", "cannot-tell")],
    );
    expect(
        &report,
        "LS16",
        "fail",
        &["RECEIVING-POINT"],
        &[("RECEIVING-POINT", "fail")],
    );
    expect(
        &report,
        "LS17",
        "cannot-tell",
        &[],
        &[
            ("ELIGIBLE-AUTHOR", "cannot-tell"),
            ("RECEIVING-POINT", "cannot-tell"),
        ],
    );

    // Quotas: a district counts its communes' entries; only eligible ones count.
    let cao_loc = unit(&report, "UBND huyện Cao Lộc");
    assert_eq!(
        (
            &cao_loc["status"],
            &cao_loc["entries"],
            &cao_loc["from_units_below"]
        ),
        (&json!("met"), &json!(3), &json!(2))
    );
    assert_eq!(
        unit(&report, "UBND xã Thạch Đạn")["counted_for"],
        "UBND huyện Cao Lộc"
    );
    for name in ["UBND huyện Bắc Sơn", "UBND huyện Đình Lập", "Sở Y tế"] {
        let u = unit(&report, name);
        assert_eq!(u["status"], "no-entry", "{name}");
        assert_eq!(u["owes_letter"], true, "{name}");
    }
    let hoi = unit(&report, "Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn");
    assert_eq!(
        (&hoi["status"], &hoi["meets_quota"]),
        (&json!("encouraged"), &json!(true))
    );
    // A body of the contest an entry was sent to is no unit.
    assert!(
        !report["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["unit"] == "Ban Tổ chức cuộc thi")
    );
    // The command line lists the same shortfalls the report has.
    assert!(
        stdout.contains("UBND huyện Bắc Sơn: chưa đủ số bài 0/3 — cần văn bản giải trình"),
        "{stdout}"
    );
    assert!(!stdout.contains("Hội Liên hiệp Phụ nữ"), "{stdout}");
    // The bad rows are named on the command line and on the dashboard too.
    assert!(
        stdout.contains("manifest.csv, dòng 3, cột \"ngay_nop\""),
        "{stdout}"
    );
    let dashboard = std::fs::read_to_string(work.path().join("out/index.html")).unwrap();
    assert!(
        dashboard.contains("Trung tâm Hỗ trợ khởi nghiệp"),
        "units.csv row 14 on the dashboard"
    );

    let problems: Vec<(String, u64)> = report["input_problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            ("manifest.csv".to_string(), 3),
            ("units.csv".to_string(), 14)
        ]
    );
    insta::assert_json_snapshot!("lang_son_rules", rules_view(&report));
}

#[test]
fn hung_yen_contest_every_rule_pass_fail_and_cannot_tell() {
    let work = tempfile::tempdir().unwrap();
    let (code, stdout, report) = screen("hung-yen", work.path(), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(report["profile"], "hung-yen-2024");

    expect(&report, "HY01", "pass", &[], &[("LATE", "pass")]);
    // "trước ngày 25/5/2024": the 25th is late (an XLSX date cell, read by calamine).
    expect(&report, "HY02", "fail", &["LATE"], &[("LATE", "fail")]);
    expect(
        &report,
        "HY03",
        "fail",
        &["ELIGIBLE-AUTHOR"],
        &[("ELIGIBLE-AUTHOR", "fail")],
    );
    expect(
        &report,
        "HY04",
        "cannot-tell",
        &[],
        &[("ATTACHMENTS", "cannot-tell")],
    );
    expect(&report, "HY05", "pass", &[], &[("ATTACHMENTS", "pass")]);
    expect(
        &report,
        "HY06",
        "fail",
        &["RECEIVING-POINT"],
        &[("RECEIVING-POINT", "fail")],
    );
    expect(
        &report,
        "HY07",
        "fail",
        &["RECYCLED-DECLARED"],
        &[("RECYCLED-DECLARED", "fail")],
    );
    expect(
        &report,
        "HY08",
        "fail",
        &["ADDRESS"],
        &[("ADDRESS", "fail")],
    );
    expect(&report, "HY09", "pass", &[], &[("GROUP-KIND", "pass")]);

    // Counted by the author's division, not by Văn phòng Ban where every entry arrived.
    assert_eq!(unit(&report, "Phòng Quản lý doanh nghiệp")["status"], "met");
    assert_eq!(unit(&report, "Phòng Quản lý đầu tư")["status"], "met");
    // Văn phòng Ban's own three: one passing, two waiting on flags the council weighs.
    let own = unit(&report, "Văn phòng Ban");
    assert_eq!((&own["entries"], &own["pending"]), (&json!(1), &json!(2)));
    // A division with none fails; the plan asks no letter of it, and no report says so.
    for name in [
        "Phòng Quản lý lao động",
        "Phòng Quản lý quy hoạch và xây dựng",
    ] {
        let u = unit(&report, name);
        assert_eq!(
            (&u["status"], &u["meets_quota"], &u["owes_letter"]),
            (&json!("no-entry"), &json!(false), &json!(false)),
            "{name}"
        );
        assert!(
            stdout.contains(&format!("{name}: chưa đủ số bài 0/1")),
            "{stdout}"
        );
    }
    assert!(!stdout.contains("cần văn bản giải trình"), "{stdout}");
    assert_eq!(report["input_problems"], json!([]));
    insta::assert_json_snapshot!("hung_yen_rules", rules_view(&report));
}

#[test]
fn screen_without_a_profile_stops_and_lists_the_built_in_ones() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
        .arg("screen")
        .arg(root().join("fixtures/contests/lang-son/entries"))
        .arg("--index")
        .arg(work.path().join("index"))
        .arg("--out")
        .arg(work.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for needle in [
        "--profile",
        "profile.toml",
        "lang-son-2025",
        "hung-yen-2024",
    ] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
    assert!(!work.path().join("out/report.json").exists());
}

#[test]
fn the_same_entries_under_the_other_plan_are_judged_by_its_rules() {
    // The Hưng Yên entries under the Lạng Sơn plan: the Authority's staff do not live in Lạng
    // Sơn, and "Văn phòng Ban" is no receiving point of that plan.
    let work = tempfile::tempdir().unwrap();
    let (_, _, report) = screen("hung-yen", work.path(), &["--profile", "lang-son-2025"]);
    let hy01 = verdicts(entry(&report, "HY01"));
    assert_eq!(hy01["ELIGIBLE-AUTHOR"], "fail");
    assert_eq!(report["profile"], "lang-son-2025");
}

#[test]
fn profile_show_describes_every_rule_and_every_key() {
    for name in ["lang-son-2025", "hung-yen-2024"] {
        let output = Command::new(env!("CARGO_BIN_EXE_soloai"))
            .args(["profile", "show", name])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8_lossy(&output.stdout);
        for code in [
            "FORM-FONT",
            "FORM-SIZE",
            "FORM-PAGENUM",
            "COVER-NAME",
            "COVER-POSITION",
            "COVER-UNIT",
            "COVER-PHONE",
            "ADDRESS",
            "GROUP-MEMBERS",
            "AREA",
            "REVISION-STATEMENT",
            "LATE",
            "EXCLUDED-PERSON",
            "GROUP-KIND",
            "ELIGIBLE-AUTHOR",
            "RECEIVING-POINT",
            "RECEIVING-POINT-DUPLICATE",
            "RECYCLED-DECLARED",
            "ATTACHMENTS",
            "QUOTA",
        ] {
            assert!(text.contains(&format!("#   {code} — ")), "{name}: {code}");
        }
        for (key, _, _) in soloai::profile::keys::KEYS {
            assert!(text.contains(&format!("#   {key} — ")), "{name}: {key}");
        }
        // The rest is the profile itself, which reads back.
        let toml: String = text
            .lines()
            .skip_while(|l| l.starts_with('#') || l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(toml.contains(&format!("name = \"{name}\"")));
    }
}
