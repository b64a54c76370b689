//! The marking round on the demo contest, end to end with the real binary: screen, write the
//! scoring sheets, fill them as jury members would (cells written into the sheet XML, as Excel
//! saves them), collect them back. One member hands in nothing, one types a score out of
//! range, one marks an entry a conflict of interest forbids; two entries tie on average and the
//! profile's tie-break rule decides a prize; the prizes follow the Lạng Sơn plan (1+1, 1+1,
//! 2+2, 3+3; groups × 1.5).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn soloai(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_soloai"))
        .args(args)
        .output()
        .expect("run soloai")
}

/// The demo contest screened once for this test binary (under target/, removed first).
fn screened() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scoring-demo");
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).expect("work dir");
        let out = work.join("out");
        let run = soloai(&[
            "screen".as_ref(),
            root().join("fixtures/demo-contest").as_os_str(),
            "--corpus".as_ref(),
            root().join("corpus").as_os_str(),
            "--index".as_ref(),
            work.join("index").as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--quiet".as_ref(),
        ]);
        assert!(
            out.join("report.json").is_file(),
            "screen failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        out
    })
}

/// A fresh copy of the screened folder for one test.
fn copy_of(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scoring-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for f in [
        "report.json",
        "summary.xlsx",
        "bien-ban-so-loai.docx",
        "index.html",
    ] {
        std::fs::copy(screened().join(f), dir.join(f)).expect("copy");
    }
    dir
}

fn zip_part(path: &Path, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path)?)?;
    let mut s = String::new();
    zip.by_name(name)?.read_to_string(&mut s)?;
    Ok(s)
}

/// One line per paragraph, table row, sheet row, validation or shared string.
fn lines(xml: &str) -> String {
    let mut out = xml.to_string();
    for tag in [
        "<w:p>",
        "<w:tr>",
        "<w:tbl>",
        "<row ",
        "<dataValidation ",
        "<si>",
        "<mergeCell ",
    ] {
        out = out.replace(tag, &format!("\n{tag}"));
    }
    out
}

enum V {
    N(f64),
    T(&'static str),
}

/// Write values into a sheet the way Excel stores them: the blank formatted cell
/// `<c r="D11" s="9"/>` becomes `<c r="D11" s="9"><v>25</v></c>` (or an inline string).
fn fill(path: &Path, values: &[(String, V)]) -> TestResult {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path)?)?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i)?;
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        parts.push((f.name().to_string(), bytes));
    }
    for (name, bytes) in &mut parts {
        if name != "xl/worksheets/sheet1.xml" {
            continue;
        }
        let mut xml = String::from_utf8(std::mem::take(bytes))?;
        for (cell, v) in values {
            let open = format!("<c r=\"{cell}\" s=\"");
            let at = xml.find(&open).ok_or(format!("no cell {cell}"))?;
            let end = at + xml[at..].find("/>").ok_or("cell not blank")?;
            let style = &xml[at + open.len()..end - 1];
            let filled = match v {
                V::N(n) => format!("<c r=\"{cell}\" s=\"{style}\"><v>{n}</v></c>"),
                V::T(t) => {
                    format!("<c r=\"{cell}\" s=\"{style}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")
                }
            };
            xml.replace_range(at..end + 2, &filled);
        }
        *bytes = xml.into_bytes();
    }
    let mut out = zip::ZipWriter::new(std::fs::File::create(path)?);
    for (name, bytes) in parts {
        out.start_file(name, zip::write::SimpleFileOptions::default())?;
        out.write_all(&bytes)?;
    }
    out.finish()?;
    Ok(())
}

/// Rows of the forwarded demo entries in every sheet (report order).
const ROWS: [(&str, u32); 7] = [
    ("E01", 11),
    ("E06", 12),
    ("E14", 13),
    ("E15", 14),
    ("E16", 15),
    ("E17", 16),
    ("E18", 17),
];

/// Points per criterion (novelty, benefit, feasibility, presentation) every member gives.
fn marks_for(id: &str) -> [f64; 4] {
    match id {
        "E01" => [27.0, 27.0, 27.0, 9.0], // 90: first prize, individuals
        "E06" => [25.0, 25.0, 25.0, 8.0], // 83: second
        "E17" => [26.0, 23.0, 23.0, 8.0], // 80: third
        "E14" => [24.0, 22.0, 24.0, 8.0], // 78: ties E15, more novelty → third
        "E15" => [22.0, 24.0, 24.0, 8.0], // 78: consolation
        "E16" => [23.0, 22.0, 22.0, 8.0], // 75: the only group → first prize, groups
        "E18" => [20.0, 21.0, 21.0, 8.0], // 70: consolation
        _ => [0.0; 4],
    }
}

fn fill_sheet(path: &Path, skip: &[&str], extra: Vec<(String, V)>) -> TestResult {
    let mut values = Vec::new();
    for (id, row) in ROWS {
        if skip.contains(&id) {
            continue;
        }
        for (col, p) in ["D", "E", "F", "G"].iter().zip(marks_for(id)) {
            values.push((format!("{col}{row}"), V::N(p)));
        }
    }
    // Later values replace earlier ones for the same cell.
    let mut by_cell: BTreeMap<String, V> = values.into_iter().collect();
    by_cell.extend(extra);
    fill(path, &by_cell.into_iter().collect::<Vec<_>>())
}

fn sheets(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join("phieu-cham"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn sheets_are_locked_validated_and_name_their_member() -> TestResult {
    let dir = copy_of("sheets");
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("VÍ DỤ"),
        "example criteria announced: {stdout}"
    );
    let names: Vec<String> = sheets(&dir)
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    // Everyone but the secretary (member 3, Vi Thị Ngọc) marks.
    assert_eq!(
        names,
        [
            "phieu-cham-01-hoang-van-thang.xlsx",
            "phieu-cham-02-lang-thi-hong.xlsx",
            "phieu-cham-04-nong-van-binh.xlsx",
            "phieu-cham-05-trieu-van-khanh.xlsx",
            "phieu-cham-06-ha-thi-van.xlsx"
        ]
    );
    let binh = dir.join("phieu-cham/phieu-cham-04-nong-van-binh.xlsx");
    let sheet = zip_part(&binh, "xl/worksheets/sheet1.xml")?;
    let strings = zip_part(&binh, "xl/sharedStrings.xml")?;
    assert!(sheet.contains("<sheetProtection"), "the sheet is protected");
    // 7 entries × 4 criteria, minus the row Bình must not mark.
    assert_eq!(sheet.matches("<dataValidation ").count(), 6 * 4);
    assert!(sheet.contains("type=\"decimal\""));
    assert!(sheet.contains("<formula1>0</formula1><formula2>30</formula2>"));
    assert!(sheet.contains("<formula1>0</formula1><formula2>10</formula2>"));
    assert!(sheet.contains("<f>IF(COUNT(D11:G11)=0,\"\",SUM(D11:G11))</f>"));
    assert!(
        !sheet.contains("sqref=\"D11\""),
        "no validation on the conflicted row"
    );
    for s in [
        "PHIẾU CHẤM ĐIỂM",
        "Người chấm: Nông Văn Bình, Phó Chánh Văn phòng Sở Tư pháp — Thành viên Hội đồng",
        "Tính mới, tính sáng tạo (tối đa 30)",
        "Tổng điểm (tối đa 100)",
        "Không chấm: xung đột lợi ích (Cùng đơn vị với tác giả)",
        "chỉ là VÍ DỤ",
    ] {
        assert!(strings.contains(s), "sheet lacks {s:?}");
    }
    let workbook = zip_part(&binh, "xl/workbook.xml")?;
    assert!(workbook.contains("state=\"veryHidden\""), "{workbook}");
    insta::assert_snapshot!("scoring_sheet_xml", lines(&sheet));
    // The report's run time is recorded in the hidden sheet: not part of the snapshot.
    let when = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")?;
    insta::assert_snapshot!(
        "scoring_sheet_strings",
        lines(&when.replace_all(&strings, "[run time]"))
    );
    Ok(())
}

#[test]
fn filled_sheets_give_the_ranking_prizes_and_problems() -> TestResult {
    let dir = copy_of("collect");
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert!(run.status.success());
    let all = sheets(&dir);
    let sheet = |n: &str| {
        all.iter()
            .find(|p| p.to_string_lossy().contains(n))
            .cloned()
    };
    // Thắng marks everything.
    fill_sheet(&sheet("hoang-van-thang").ok_or("sheet")?, &[], Vec::new())?;
    // Hồng gives E18 15 points for presentation (max 10).
    fill_sheet(
        &sheet("lang-thi-hong").ok_or("sheet")?,
        &[],
        vec![("G17".into(), V::N(15.0))],
    )?;
    // Bình marks E01 although a conflict forbids it (the cells were locked; he unprotected).
    fill_sheet(&sheet("nong-van-binh").ok_or("sheet")?, &[], Vec::new())?;
    // Khánh types a score with a decimal comma, as text.
    fill_sheet(
        &sheet("trieu-van-khanh").ok_or("sheet")?,
        &[],
        vec![("D12".into(), V::T("25,0"))],
    )?;
    // Vân hands in nothing: her sheet is not given to collect.
    let given: Vec<PathBuf> = all
        .iter()
        .filter(|p| !p.to_string_lossy().contains("ha-thi-van"))
        .cloned()
        .collect();
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "scoring".as_ref(),
        "collect".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ];
    args.extend(given.iter().map(|p| p.as_os_str()));
    let run = soloai(&args);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(1),
        "problems → exit 1\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ket-qua-cham.json"))?)?;
    let rows = result["results"].as_array().ok_or("results")?;
    let order: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(order, ["E01", "E06", "E17", "E14", "E15", "E16", "E18"]);
    let prize = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| {
                (
                    r["prize"].as_str().unwrap_or("").to_string(),
                    r["amount_vnd"].as_u64().unwrap_or(0),
                )
            })
            .unwrap_or_default()
    };
    assert_eq!(prize("E01"), ("first".into(), 5_000_000));
    assert_eq!(prize("E06"), ("second".into(), 2_500_000));
    assert_eq!(prize("E17"), ("third".into(), 1_500_000));
    assert_eq!(
        prize("E14"),
        ("third".into(), 1_500_000),
        "tie broken by novelty"
    );
    assert_eq!(prize("E15"), ("consolation".into(), 1_000_000));
    assert_eq!(prize("E18"), ("consolation".into(), 1_000_000));
    assert_eq!(
        prize("E16"),
        ("first".into(), 7_500_000),
        "groups get 1.5 times"
    );
    assert_eq!(result["total_amount_vnd"], 20_000_000);
    // E14 and E15 have the same average; the rule, not chance, ordered them.
    let avg = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| r["average"].clone())
    };
    assert_eq!(avg("E14"), avg("E15"));
    assert_eq!(avg("E14"), Some(serde_json::json!(78.0)));
    // E01: Bình's conflicted marks are not counted (3 of 5); E18: Hồng's out-of-range mark is not.
    let counted = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .and_then(|r| r["marks"].as_array().map(Vec::len))
    };
    assert_eq!(counted("E01"), Some(3));
    assert_eq!(counted("E18"), Some(3));
    assert_eq!(
        counted("E06"),
        Some(4),
        "“25,0” typed as text is read as 25"
    );

    let codes: Vec<&str> = result["problems"]
        .as_array()
        .ok_or("problems")?
        .iter()
        .filter_map(|p| p["code"].as_str())
        .collect();
    assert_eq!(codes, ["OUT-OF-RANGE", "CONFLICT", "MISSING-SHEET"]);
    for needle in [
        "[OUT-OF-RANGE] phieu-cham-02-lang-thi-hong.xlsx, ô G17: Lăng Thị Hồng cho bài E18 15 điểm ở tiêu chí “Hình thức, bố cục trình bày”, ngoài khoảng 0–10",
        "[CONFLICT] phieu-cham-04-nong-van-binh.xlsx, dòng 11: Nông Văn Bình chấm bài E01 dù có xung đột lợi ích (Cùng đơn vị với tác giả); điểm này không được tính.",
        "[MISSING-SHEET] Thiếu phiếu chấm của Hà Thị Vân (phieu-cham-06-ha-thi-van.xlsx)",
    ] {
        assert!(
            stdout.contains(needle),
            "stdout lacks {needle:?}:\n{stdout}"
        );
    }

    // The papers.
    let minutes = zip_part(&dir.join("bien-ban-cham-diem.docx"), "word/document.xml")?;
    for needle in [
        "Số: 08/BB-HĐSL",
        "Lạng Sơn, ngày 11 tháng 7 năm 2025",
        "Bắt đầu vào hồi 14 giờ 00 phút, ngày 11 tháng 7 năm 2025.",
        "VÍ DỤ",
        "Tính mới, tính sáng tạo (tối đa 30 điểm).",
        "Khi bằng điểm, xếp trên theo thứ tự: điểm tiêu chí “Tính mới, tính sáng tạo” cao hơn",
        "Số phiếu chấm nhận được: 4/5.",
        "Thiếu phiếu chấm của Hà Thị Vân",
        "tổng số tiền thưởng 20.000.000 đồng (Hai mươi triệu đồng)",
        "Buổi chấm điểm kết thúc vào hồi 16 giờ 30 phút cùng ngày.",
    ] {
        assert!(minutes.contains(needle), "marking minutes lack {needle:?}");
    }
    let list = zip_part(&dir.join("danh-sach-khen-thuong.docx"), "word/document.xml")?;
    for needle in [
        "Đề nghị khen thưởng các tác giả, nhóm tác giả đạt giải",
        "Giải Nhất (tập thể)",
        "7.500.000",
        "20.000.000",
        "Bằng chữ: Hai mươi triệu đồng.",
    ] {
        assert!(list.contains(needle), "prize list lacks {needle:?}");
    }
    let xlsx = zip_part(
        &dir.join("danh-sach-khen-thuong.xlsx"),
        "xl/worksheets/sheet1.xml",
    )?;
    assert!(xlsx.contains("<f>SUM(I2:I8)</f><v>20000000</v>"), "{xlsx}");
    let scores = zip_part(&dir.join("bang-diem.xlsx"), "xl/worksheets/sheet1.xml")?;
    insta::assert_snapshot!("score_workbook_xml", lines(&scores));
    let mut stable = result.clone();
    stable["report_generated_at"] = "[run time]".into();
    insta::assert_json_snapshot!("marking_results_json", stable);
    // The dashboard beside them now links the marking papers.
    let dashboard = std::fs::read_to_string(dir.join("index.html"))?;
    for link in [
        "<a href=\"bien-ban-cham-diem.docx\">Biên bản chấm điểm (Word)</a>",
        "<a href=\"danh-sach-khen-thuong.xlsx\">Danh sách đề nghị khen thưởng (Excel)</a>",
    ] {
        assert!(dashboard.contains(link), "dashboard lacks {link}");
    }
    // Lạng Sơn III.6: first, second and third prizes come with the chairman's Bằng khen,
    // consolation prizes without.
    let list_lines = lines(&list);
    assert!(
        list_lines.contains("Giải Nhất (cá nhân); kèm Bằng khen của Chủ tịch UBND tỉnh"),
        "{list_lines}"
    );
    assert!(
        !list_lines.contains("Giải Khuyến khích (cá nhân); kèm"),
        "{list_lines}"
    );
    printable(&dir)?;
    insta::assert_snapshot!("marking_minutes_xml", lines(&minutes));
    insta::assert_snapshot!("prize_list_xml", lines(&list));
    insta::assert_snapshot!("prize_list_sheet_xml", lines(&xlsx));
    Ok(())
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}

/// Each workbook's first sheet as LibreOffice computes and exports it (CSV, UTF-8), by file
/// name; `None` when LibreOffice is not installed.
fn libreoffice_csv(
    dir: &Path,
    files: &[PathBuf],
) -> Result<Option<BTreeMap<String, String>>, Box<dyn std::error::Error>> {
    if !on_path("soffice") {
        eprintln!("soffice not installed; skipping the LibreOffice reading");
        return Ok(None);
    }
    let csv_dir = dir.join("csv");
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(&csv_dir)
        .args(files)
        .output()?;
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut out = BTreeMap::new();
    for f in files {
        let name = f.file_name().ok_or("name")?.to_string_lossy().into_owned();
        let csv = csv_dir.join(name.replace(".xlsx", ".csv"));
        out.insert(name, std::fs::read_to_string(&csv)?);
    }
    Ok(Some(out))
}

/// A member's sheet as a spreadsheet program saves it after typing: the totals' cached values
/// dropped, so LibreOffice computes them from the locked formulas.
fn recalculated(path: &Path, to: &Path) -> TestResult {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path)?)?;
    let mut out = zip::ZipWriter::new(std::fs::File::create(to)?);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i)?;
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        if f.name() == "xl/worksheets/sheet1.xml" {
            bytes = String::from_utf8(bytes)?
                .replace(" t=\"str\"><f>", "><f>")
                .replace("</f><v></v>", "</f>")
                .into_bytes();
        }
        out.start_file(f.name(), zip::write::SimpleFileOptions::default())?;
        out.write_all(&bytes)?;
    }
    out.finish()?;
    Ok(())
}

#[test]
fn libreoffice_opens_a_sheet_and_computes_its_totals() -> TestResult {
    let dir = copy_of("libreoffice");
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert!(run.status.success());
    let all = sheets(&dir);
    let blank = all
        .iter()
        .find(|p| p.to_string_lossy().contains("nong-van-binh"))
        .ok_or("sheet")?
        .clone();
    let thang = all
        .iter()
        .find(|p| p.to_string_lossy().contains("hoang-van-thang"))
        .ok_or("sheet")?
        .clone();
    // Thắng marks every entry but E18.
    fill_sheet(&thang, &["E18"], Vec::new())?;
    let filled = dir.join("filled.xlsx");
    recalculated(&thang, &filled)?;
    let Some(csv) = libreoffice_csv(&dir, &[blank, filled])? else {
        return Ok(());
    };
    let row = |sheet: &str, id: &str| -> Vec<String> {
        csv[sheet]
            .lines()
            .find(|l| l.split(',').nth(1) == Some(id))
            .map(|l| l.rsplit(',').take(2).map(String::from).collect())
            .unwrap_or_default()
    };
    // (note, total) of a row: the blank sheet shows no total, nor 0; the conflicted row says
    // why it is not marked.
    let binh = "phieu-cham-04-nong-van-binh.xlsx";
    assert_eq!(row(binh, "E06"), ["", ""], "{}", csv[binh]);
    assert!(
        csv[binh].contains("Không chấm: xung đột lợi ích (Cùng đơn vị với tác giả)"),
        "{}",
        csv[binh]
    );
    assert!(csv[binh].contains("PHIẾU CHẤM ĐIỂM"));
    assert!(csv[binh].contains("Người chấm: Nông Văn Bình"));
    // LibreOffice sums the marks with the sheet's own formula; an unmarked row stays blank.
    let f = "filled.xlsx";
    for (id, total) in [
        ("E01", "90"),
        ("E06", "83"),
        ("E14", "78"),
        ("E16", "75"),
        ("E17", "80"),
    ] {
        assert_eq!(row(f, id), ["", total], "{id}: {}", csv[f]);
    }
    assert_eq!(row(f, "E18"), ["", ""], "{}", csv[f]);
    Ok(())
}

/// LibreOffice prints the marking minutes and the prize list: text, amounts, signatures on
/// the page of the last lines; and reads the score workbook and the prize list workbook.
fn printable(dir: &Path) -> TestResult {
    if let Some(csv) = libreoffice_csv(
        dir,
        &[
            dir.join("bang-diem.xlsx"),
            dir.join("danh-sach-khen-thuong.xlsx"),
        ],
    )? {
        let scores = &csv["bang-diem.xlsx"];
        for line in [
            "1,E01,",
            ",Cá nhân,90.00,90.00,xung đột,90.00,—,3/4,90.00,Giải Nhất,5000000",
            "4,E14,",
            ",Cá nhân,78.00,78.00,78.00,78.00,—,4/5,78.00,Giải Ba,1500000",
            "5,E15,",
            ",Cá nhân,78.00,78.00,78.00,78.00,—,4/5,78.00,Giải Khuyến khích,1000000",
            ",Tập thể,75.00,75.00,75.00,75.00,—,4/5,75.00,Giải Nhất,7500000",
            ",Cá nhân,70.00,—,70.00,70.00,—,3/5,70.00,Giải Khuyến khích,1000000",
        ] {
            assert!(scores.contains(line), "bang-diem lacks {line:?}:\n{scores}");
        }
        let list = &csv["danh-sach-khen-thuong.xlsx"];
        assert_eq!(list.lines().count(), 1 + 7 + 2, "{list}");
        for line in [
            "STT,Tác giả / Nhóm tác giả,Loại,Đơn vị,Mã bài,Tên bài dự thi,Giải,Khen thưởng kèm theo,Số tiền (đồng)",
            "2,Tô Thị Hương; Bế Văn Long,Tập thể,",
            ",Giải Nhất,Bằng khen của Chủ tịch UBND tỉnh,\"7,500,000\"",
            ",Giải Khuyến khích,,\"1,000,000\"",
            // LibreOffice computes the total from the list's own SUM formula.
            ",Tổng cộng,,,,,,,\"20,000,000\"",
            ",Bằng chữ: Hai mươi triệu đồng.,",
        ] {
            assert!(list.contains(line), "prize list lacks {line:?}:\n{list}");
        }
    }
    if !on_path("soffice") || !on_path("pdftotext") {
        eprintln!("soffice or pdftotext not installed; skipping the PDF rendering");
        return Ok(());
    }
    let pdf_dir = dir.join("pdf");
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&pdf_dir)
        .arg(dir.join("bien-ban-cham-diem.docx"))
        .arg(dir.join("danh-sach-khen-thuong.docx"))
        .output()?;
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // (file, text it holds, the line kept with the signatures)
    for (pdf, needles, before_signatures) in [
        (
            "bien-ban-cham-diem.pdf",
            &[
                "BIÊN BẢN",
                "Chấm điểm bài dự thi",
                "Giải Nhất",
                "Hai mươi triệu đồng",
            ][..],
            "Buổi chấm điểm kết thúc vào hồi 16 giờ 30 phút cùng ngày.",
        ),
        (
            "danh-sach-khen-thuong.pdf",
            &[
                "DANH SÁCH",
                "7.500.000",
                "20.000.000",
                "Bằng chữ: Hai mươi triệu đồng.",
            ][..],
            "Bằng chữ: Hai mươi triệu đồng.",
        ),
    ] {
        let text = Command::new("pdftotext")
            .arg(pdf_dir.join(pdf))
            .arg("-")
            .output()?;
        let text = String::from_utf8(text.stdout)?;
        for n in needles {
            assert!(text.contains(n), "{pdf} lacks {n:?}:\n{text}");
        }
        let last = text
            .split('\u{c}')
            .rfind(|p| !p.trim().is_empty())
            .unwrap_or_default();
        assert!(
            last.contains("Hoàng Văn Thắng") && last.contains(before_signatures),
            "{pdf}: the signatures are alone on the last page:\n{last}"
        );
    }
    Ok(())
}

#[test]
fn a_file_that_is_no_sheet_is_reported_and_the_rest_counted() -> TestResult {
    let dir = copy_of("bad");
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert!(run.status.success());
    let all = sheets(&dir);
    for p in &all {
        fill_sheet(p, &[], Vec::new())?;
    }
    let bogus = dir.join("phieu-cham/zz-khong-phai-phieu.xlsx");
    std::fs::write(&bogus, b"PK\x03\x04 broken")?;
    let run = soloai(&[
        "scoring".as_ref(),
        "collect".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
        dir.join("phieu-cham").as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "[UNREADABLE-SHEET] zz-khong-phai-phieu.xlsx: không phải tệp Excel (.xlsx) hợp lệ"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Phiếu chấm hợp lệ: 5/5"), "{stdout}");
    // Without a council the round cannot be run: exit 2 with the reason.
    let mut report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json"))?)?;
    report.as_object_mut().ok_or("object")?.remove("council");
    std::fs::write(dir.join("report.json"), report.to_string())?;
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("council.toml"));
    Ok(())
}

#[test]
fn a_folder_another_run_writes_into_is_left_alone() -> TestResult {
    let dir = copy_of("busy");
    let _held = soloai::lock::RunLock::acquire(&dir, soloai::lock::Guarded::Output)?;
    let run = soloai(&[
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        !dir.join("phieu-cham").read_dir()?.any(|e| e.is_ok()),
        "no sheet written"
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("Thư mục kết quả"));
    Ok(())
}

#[test]
fn a_contest_without_prizes_ranks_only_and_english_on_request() -> TestResult {
    // Hưng Yên's internal round selects entries for the province: no [prizes] in its profile.
    let dir = copy_of("hung-yen");
    let profile: [&std::ffi::OsStr; 2] = ["--profile".as_ref(), "hung-yen-2024".as_ref()];
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--lang".as_ref(),
        "en".as_ref(),
        "scoring".as_ref(),
        "sheets".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
    ];
    args.extend(profile);
    let run = soloai(&args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("EXAMPLE"));
    for p in sheets(&dir) {
        fill_sheet(&p, &[], Vec::new())?;
    }
    let sheets_dir = dir.join("phieu-cham");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--lang".as_ref(),
        "en".as_ref(),
        "scoring".as_ref(),
        "collect".as_ref(),
        "--report".as_ref(),
        dir.as_os_str(),
        sheets_dir.as_os_str(),
    ];
    args.extend(profile);
    let run = soloai(&args);
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Bình's conflicted row was filled too: one problem, exit 1.
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("[CONFLICT]") && stdout.contains("despite a conflict of interest"));
    assert!(
        !dir.join("danh-sach-khen-thuong.docx").exists(),
        "no prizes, no prize list"
    );
    let minutes = zip_part(&dir.join("bien-ban-cham-diem.docx"), "word/document.xml")?;
    for needle in [
        "II. MARKING RESULTS",
        "soloai's EXAMPLE",
        "The council agreed the marks and the ranking in section II.",
        "SOCIALIST REPUBLIC OF VIETNAM",
    ] {
        assert!(minutes.contains(needle), "English minutes lack {needle:?}");
    }
    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ket-qua-cham.json"))?)?;
    assert_eq!(result["total_amount_vnd"], 0);
    assert_eq!(result["results"][0]["id"], "E01");
    Ok(())
}

#[test]
fn a_report_that_cannot_be_used_is_said_in_the_council_s_words() -> TestResult {
    let dir = tempfile::tempdir()?;
    let sheets_for = |lang: &str| {
        soloai(&[
            "--lang".as_ref(),
            lang.as_ref(),
            "scoring".as_ref(),
            "sheets".as_ref(),
            "--report".as_ref(),
            dir.path().as_os_str(),
        ])
    };
    // A folder without report.json.
    let run = sheets_for("vi");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("report.json: không đọc được báo cáo sơ loại (không tìm thấy tệp)."),
        "{stderr}"
    );
    // A report.json that is not a screening report: the line, no column, in each language.
    std::fs::write(dir.path().join("report.json"), "{\n  \"entries\": 3\n}\n")?;
    let run = sheets_for("vi");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("report.json, dòng 2: không phải báo cáo sơ loại của soloai ("),
        "{stderr}"
    );
    assert!(!stderr.contains("column"), "{stderr}");
    let stderr = String::from_utf8_lossy(&sheets_for("en").stderr).into_owned();
    assert!(
        stderr.contains("report.json, line 2: not a soloai screening report ("),
        "{stderr}"
    );
    Ok(())
}
